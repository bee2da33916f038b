import { Button, Group, MultiSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { fieldMessages } from '../../api/ApiError';
import type { StatusMaintenance, StatusPage } from '../../api/statusPageTypes';
import { useSaveMaintenance, useStatusPageView } from '../../api/statusPages';
import type { GuardedForm } from '../../components/GuardedFormModal';
import { FormError } from '../../components/FormError';
import { fromLocalInput, toLocalInput } from '../../time/zoned';
import { componentChoices } from './componentChoices';
import { friendlyErrors } from './friendlyErrors';

interface Draft {
  title: string;
  body: string;
  start: string;
  end: string;
  componentIds: string[];
}

const hourMs = 3_600_000;

/** A new one starts at the next full hour and lasts an hour; an existing one as saved. Local times in the page's zone. */
function draftOf(maintenance: StatusMaintenance | undefined, zone: string): Draft {
  if (maintenance) {
    return { title: maintenance.title, body: maintenance.body, start: toLocalInput(maintenance.startsAt, zone), end: toLocalInput(maintenance.endsAt, zone), componentIds: maintenance.components };
  }
  const start = Math.ceil(new Date().getTime() / hourMs) * hourMs;
  return { title: '', body: '', start: toLocalInput(start, zone), end: toLocalInput(start + hourMs, zone), componentIds: [] };
}

/** Schedules maintenance on a page, or changes it; times are typed in the page's zone, as the page shows them. */
export function MaintenanceForm({ page, maintenance, onDirty, onDone, onCancel }: GuardedForm & { page: StatusPage; maintenance?: StatusMaintenance }) {
  const view = useStatusPageView(page.id);
  const saving = useSaveMaintenance(page.id, maintenance?.id);
  const [initial] = useState(() => draftOf(maintenance, page.timeZone));
  const [draft, setDraft] = useState(initial);
  const errors = friendlyErrors(fieldMessages(saving.error));
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  useEffect(() => onDirty(dirty), [dirty, onDirty]);
  // Said before sending: the API's word for it would name a field path.
  const endsTooSoon = draft.start !== '' && draft.end !== '' && draft.end <= draft.start;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (endsTooSoon) return;
    saving.mutate(
      { title: draft.title, body: draft.body, startsAt: fromLocalInput(draft.start, page.timeZone), endsAt: fromLocalInput(draft.end, page.timeZone), componentIds: draft.componentIds },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: maintenance ? `Maintenance “${draft.title}” changed.` : `Maintenance “${draft.title}” scheduled: it is on the public page.` });
          onDone();
        },
      },
    );
  };

  return (
    <Stack component="form" onSubmit={submit}>
      <FormError error={saving.error} />
      <TextInput label="Title" required value={draft.title} onChange={(e) => update({ title: e.currentTarget.value })} error={errors['title']} data-autofocus />
      <Textarea
        label="What happens"
        description="Public: what your users will notice, and for how long."
        required
        autosize
        minRows={3}
        value={draft.body}
        onChange={(e) => update({ body: e.currentTarget.value })}
        error={errors['body']}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <TextInput label="Starts" type="datetime-local" required value={draft.start} onChange={(e) => update({ start: e.currentTarget.value })} error={errors['startsAt']} />
        <TextInput
          label="Ends"
          type="datetime-local"
          required
          value={draft.end}
          onChange={(e) => update({ end: e.currentTarget.value })}
          error={endsTooSoon ? 'Ends after it starts' : errors['endsAt']}
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt={-8}>
        Times in the page’s zone, {page.timeZone}
      </Text>
      <MultiSelect
        label="Components"
        description="Shown under maintenance while it lasts, not as down."
        placeholder={draft.componentIds.length === 0 ? 'Pick the components it affects' : undefined}
        data={componentChoices(view.data)}
        value={draft.componentIds}
        onChange={(componentIds) => update({ componentIds })}
        error={errors['componentIds']}
        nothingFoundMessage="The page has no components yet"
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={saving.isPending}>
          {maintenance ? 'Save maintenance' : 'Schedule'}
        </Button>
      </Group>
    </Stack>
  );
}
