import { ActionIcon, Group, MultiSelect, Paper, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import type { ComponentState } from '../../api/statusPageTypes';
import type { ComponentDraft } from './layoutDraft';
import { componentStateChoices } from './statusWords';

interface ComponentCardProps {
  component: ComponentDraft;
  /** Where it is, for the buttons' names: "component 2 of Website". */
  position: string;
  first: boolean;
  last: boolean;
  monitors: { value: string; label: string }[];
  /** Keyed by the rest of the path under the component: "name", "monitorIds/0". */
  errors: Record<string, string>;
  disabled: boolean;
  onChange: (component: ComponentDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

const firstUnder = (errors: Record<string, string>, field: string) => Object.entries(errors).find(([path]) => path === field || path.startsWith(`${field}/`))?.[1];

/** One component: a name the public sees, and where its state comes from. */
export function ComponentCard({ component, position, first, last, monitors, errors, disabled, onChange, onMove, onRemove }: ComponentCardProps) {
  const update = (patch: Partial<ComponentDraft>) => onChange({ ...component, ...patch });
  const label = component.name === '' ? position : component.name;
  return (
    <Paper withBorder p="sm" radius="sm">
      <Stack gap="xs">
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            label="Component name"
            description="Shown to the public: name it as your users know it."
            style={{ flex: 1, minWidth: 0 }}
            required
            disabled={disabled}
            value={component.name}
            onChange={(e) => update({ name: e.currentTarget.value })}
            error={errors['name']}
          />
          {!disabled && (
            <Group gap={2} wrap="nowrap" mb={errors['name'] === undefined ? 4 : 24}>
              <ActionIcon variant="subtle" aria-label={`Move ${label} up`} disabled={first} onClick={() => onMove(-1)}>
                <IconArrowUp size={16} />
              </ActionIcon>
              <ActionIcon variant="subtle" aria-label={`Move ${label} down`} disabled={last} onClick={() => onMove(1)}>
                <IconArrowDown size={16} />
              </ActionIcon>
              <ActionIcon variant="subtle" color="red" aria-label={`Remove ${label}`} onClick={onRemove}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          )}
        </Group>
        <TextInput
          label="Description"
          placeholder="Optional"
          disabled={disabled}
          value={component.description}
          onChange={(e) => update({ description: e.currentTarget.value })}
          error={errors['description']}
        />
        <SegmentedControl
          aria-label={`Where the state of ${label} comes from`}
          disabled={disabled}
          data={[
            { value: 'monitors', label: 'From monitors' },
            { value: 'manual', label: 'Set by hand' },
          ]}
          value={component.source}
          onChange={(source) => update({ source: source as ComponentDraft['source'] })}
          style={{ alignSelf: 'flex-start' }}
        />
        {component.source === 'monitors' ? (
          <MultiSelect
            label="Monitors"
            description="The worst of them wins. Their names stay private."
            placeholder={component.monitorIds.length === 0 ? 'Pick monitors of the team' : undefined}
            searchable
            nothingFoundMessage="The team has no such monitor"
            disabled={disabled}
            data={monitors}
            value={component.monitorIds}
            onChange={(monitorIds) => update({ monitorIds })}
            error={firstUnder(errors, 'monitorIds')}
          />
        ) : (
          <Select
            label="State"
            allowDeselect={false}
            disabled={disabled}
            data={componentStateChoices}
            value={component.manualState}
            onChange={(state) => state !== null && update({ manualState: state as ComponentState })}
            error={errors['manualState']}
          />
        )}
      </Stack>
    </Paper>
  );
}
