import { ActionIcon, Button, Group, Paper, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { fieldMessagesUnder } from '../../api/ApiError';
import { useMonitorChoices } from '../../api/monitors';
import type { StatusPage, StatusPageLayout } from '../../api/statusPageTypes';
import { useSaveLayout, useStatusPageLayout } from '../../api/statusPages';
import { FormError } from '../../components/FormError';
import { QueryError } from '../../components/QueryError';
import { ComponentCard } from './ComponentCard';
import { friendlyErrors } from './friendlyErrors';
import { moved, newComponent, newSection, toDraft, toLayout, type SectionDraft } from './layoutDraft';

interface LayoutFormProps {
  page: StatusPage;
  layout: StatusPageLayout;
  mayManage: boolean;
  onDirty: (dirty: boolean) => void;
}

/** The whole ordered layout, edited here and saved in one request (the API replaces it whole). */
function LayoutForm({ page, layout, mayManage, onDirty }: LayoutFormProps) {
  const saving = useSaveLayout(page.id);
  const monitors = useMonitorChoices();
  const [saved, setSaved] = useState(() => toDraft(layout));
  const [sections, setSections] = useState<SectionDraft[]>(saved);
  const dirty = JSON.stringify(toLayout(sections)) !== JSON.stringify(toLayout(saved));
  useEffect(() => onDirty(dirty), [dirty, onDirty]);
  // A component shows monitors of the page's team only (the API refuses others).
  const monitorChoices = (monitors.data ?? []).filter((m) => m.teamId === page.teamId).map((m) => ({ value: m.id, label: m.name }));
  const changeSection = (key: string, change: (s: SectionDraft) => SectionDraft) => setSections((all) => all.map((s) => (s.key === key ? change(s) : s)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    saving.mutate(toLayout(sections), {
      onSuccess: (answer) => {
        // The saved layout has the new sections' and components' ids: later saves keep them.
        const fresh = toDraft(answer);
        setSaved(fresh);
        setSections(fresh);
        notifications.show({ color: 'green', message: 'Layout saved: the public page shows it now.' });
      },
    });
  };

  return (
    <Stack component="form" onSubmit={submit} maw={900}>
      <FormError error={saving.error} />
      {sections.length === 0 && <Text c="dimmed">No sections yet. A page lists its components in sections: add one, then its components.</Text>}
      {sections.map((section, s) => {
        const errors = friendlyErrors(fieldMessagesUnder(saving.error, `/body/sections/${s}`));
        const label = section.name === '' ? `section ${s + 1}` : section.name;
        return (
          <Paper key={section.key} withBorder p="md" component="section" aria-label={`Section ${label}`}>
            <Stack gap="sm">
              <Group align="flex-end" gap="xs" wrap="nowrap">
                <TextInput
                  label="Section name"
                  required
                  style={{ flex: 1, minWidth: 0 }}
                  disabled={!mayManage}
                  value={section.name}
                  onChange={(e) => {
                    const name = e.currentTarget.value;
                    changeSection(section.key, (x) => ({ ...x, name }));
                  }}
                  error={errors['name']}
                />
                {mayManage && (
                  <Group gap={2} wrap="nowrap" mb={errors['name'] === undefined ? 4 : 24}>
                    <ActionIcon variant="subtle" aria-label={`Move ${label} up`} disabled={s === 0} onClick={() => setSections(moved(sections, s, -1))}>
                      <IconArrowUp size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" aria-label={`Move ${label} down`} disabled={s === sections.length - 1} onClick={() => setSections(moved(sections, s, 1))}>
                      <IconArrowDown size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red" aria-label={`Remove ${label}`} onClick={() => setSections(sections.filter((x) => x.key !== section.key))}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                )}
              </Group>
              {errors['components'] !== undefined && <FormError error={new Error(`Components: ${errors['components']}`)} />}
              {section.components.map((component, c) => (
                <ComponentCard
                  key={component.key}
                  component={component}
                  position={`component ${c + 1} of ${label}`}
                  first={c === 0}
                  last={c === section.components.length - 1}
                  monitors={monitorChoices}
                  errors={friendlyErrors(fieldMessagesUnder(saving.error, `/body/sections/${s}/components/${c}`))}
                  disabled={!mayManage}
                  onChange={(changed) => changeSection(section.key, (x) => ({ ...x, components: x.components.map((y) => (y.key === component.key ? changed : y)) }))}
                  onMove={(by) => changeSection(section.key, (x) => ({ ...x, components: moved(x.components, c, by) }))}
                  onRemove={() => changeSection(section.key, (x) => ({ ...x, components: x.components.filter((y) => y.key !== component.key) }))}
                />
              ))}
              {mayManage && (
                <Group>
                  <Button
                    variant="light"
                    size="xs"
                    leftSection={<IconPlus size={14} />}
                    onClick={() => changeSection(section.key, (x) => ({ ...x, components: [...x.components, newComponent()] }))}
                  >
                    Add component to {label}
                  </Button>
                </Group>
              )}
            </Stack>
          </Paper>
        );
      })}
      {mayManage && (
        <Group justify="space-between">
          <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setSections([...sections, newSection(sections.length === 0 ? 'Services' : '')])}>
            Add section
          </Button>
          <Group gap="xs">
            <Button variant="default" disabled={!dirty} onClick={() => setSections(saved)}>
              Undo changes
            </Button>
            <Button type="submit" loading={saving.isPending} disabled={!dirty}>
              Save layout
            </Button>
          </Group>
        </Group>
      )}
    </Stack>
  );
}

export function LayoutEditor({ page, mayManage, onDirty }: { page: StatusPage; mayManage: boolean; onDirty: (dirty: boolean) => void }) {
  const layout = useStatusPageLayout(page.id);
  if (layout.isPending) return <Skeleton h={240} />;
  if (layout.isError) return <QueryError error={layout.error} />;
  return <LayoutForm page={page} layout={layout.data} mayManage={mayManage} onDirty={onDirty} />;
}
