import { Input, NumberInput, SegmentedControl, Stack, TagsInput, Text } from '@mantine/core';
import type { Monitor } from '../../api/incidentTypes';

/** The form's grouping: a mode, the minutes of its window ('' for none) and the fields it groups by. */
export interface GroupingDraft {
  mode: 'none' | 'window' | 'labels';
  windowMinutes: number | '';
  fields: string[];
}

/** As the API keeps it: null, a time window, or equal values of chosen fields. */
type Grouping = NonNullable<Monitor['grouping']> | null;

const defaultWindowMinutes = 10;

export function groupingDraftOf(grouping: Grouping | undefined): GroupingDraft {
  if (!grouping) return { mode: 'none', windowMinutes: defaultWindowMinutes, fields: [] };
  if (grouping.mode === 'window') return { mode: 'window', windowMinutes: grouping.windowMinutes ?? defaultWindowMinutes, fields: [] };
  return { mode: 'labels', windowMinutes: grouping.windowMinutes ?? '', fields: grouping.fields ?? [] };
}

/** What the API takes; a malformed number passes through for the API to name. */
export function groupingOf(draft: GroupingDraft): Grouping {
  switch (draft.mode) {
    case 'none':
      return null;
    case 'window':
      return { mode: 'window', windowMinutes: Number(draft.windowMinutes) };
    case 'labels':
      return { mode: 'labels', fields: draft.fields, ...(draft.windowMinutes !== '' && { windowMinutes: draft.windowMinutes }) };
  }
}

/** One line for the monitor's page: how its alerts fold. */
export function groupingSummary(grouping: Grouping | undefined): string {
  if (!grouping) return 'none: each alert key opens its own incident';
  const within = grouping.windowMinutes === undefined ? '' : ` within ${grouping.windowMinutes} minute${grouping.windowMinutes === 1 ? '' : 's'}`;
  return grouping.mode === 'window' ? `alerts join the newest open incident${within}` : `alerts with equal ${(grouping.fields ?? []).join(', ')} share an incident${within}`;
}

interface GroupingFieldsProps {
  value: GroupingDraft;
  onChange: (value: GroupingDraft) => void;
  /** API messages under /body/grouping, keyed like "windowMinutes" or "fields/1" ('' for the whole). */
  errors: Record<string, string>;
}

const explain: Record<GroupingDraft['mode'], string> = {
  none: 'Every alert with a new dedup key opens its own incident.',
  window: 'A new alert joins the newest open incident that triggered within the window, instead of paging again.',
  labels: 'Alerts whose chosen fields are equal join one open incident, e.g. labels.cluster and labels.alertname.',
};

/** How a monitor folds alerts into incidents: a storm becomes one incident, not a hundred pages. */
export function GroupingFields({ value, onChange, errors }: GroupingFieldsProps) {
  const set = (patch: Partial<GroupingDraft>) => onChange({ ...value, ...patch });
  // A field's message names the field, so it can be found among the tags.
  const fieldsError = Object.entries(errors)
    .filter(([path]) => path === 'fields' || path.startsWith('fields/'))
    .map(([path, message]) => {
      const field = value.fields[Number(path.split('/')[1])];
      return path === 'fields' || field === undefined ? message : `“${field}” ${message}`;
    })
    .join('; ');
  return (
    <Stack gap={6}>
      <Input.Label id="grouping-label">Group alerts</Input.Label>
      <SegmentedControl
        aria-labelledby="grouping-label"
        fullWidth
        data={[
          { value: 'none', label: 'None' },
          { value: 'window', label: 'Time window' },
          { value: 'labels', label: 'By fields' },
        ]}
        value={value.mode}
        onChange={(mode) => set({ mode: mode as GroupingDraft['mode'] })}
      />
      <Text size="xs" c="dimmed">
        {explain[value.mode]}
      </Text>
      {errors[''] !== undefined && (
        <Text size="xs" c="red" role="alert">
          Grouping {errors['']}
        </Text>
      )}
      {value.mode === 'labels' && (
        <TagsInput
          label="Fields"
          description="Dotted paths in the event, as in event rules; press Enter after each."
          placeholder="labels.cluster"
          value={value.fields}
          onChange={(fields) => set({ fields })}
          error={fieldsError || undefined}
          clearable
        />
      )}
      {value.mode !== 'none' && (
        <NumberInput
          label={value.mode === 'window' ? 'Window (minutes)' : 'Only within (minutes)'}
          description={value.mode === 'window' ? 'How long after an incident triggers new alerts still join it.' : 'Empty: join the open incident however old it is.'}
          placeholder={value.mode === 'labels' ? 'No limit' : undefined}
          required={value.mode === 'window'}
          min={1}
          max={1440}
          allowDecimal={false}
          clampBehavior="none"
          value={value.windowMinutes}
          onChange={(windowMinutes) => set({ windowMinutes: typeof windowMinutes === 'number' ? windowMinutes : '' })}
          error={errors['windowMinutes']}
          maw={260}
        />
      )}
    </Stack>
  );
}
