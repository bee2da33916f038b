import { Button, Group, Select, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { fieldMessages } from '../../api/ApiError';
import type { StatusIncident, UpdateStatus } from '../../api/statusPageTypes';
import { useAddStatusEntry } from '../../api/statusPages';
import type { GuardedForm } from '../../components/GuardedFormModal';
import { FormError } from '../../components/FormError';
import { friendlyErrors } from './friendlyErrors';
import { updateStatusChoices, updateStatuses } from './statusWords';

/** The next stage of an open public incident; "resolved" closes it. */
export function AddUpdateForm({ pageId, incident, onDirty, onDone, onCancel }: GuardedForm & { pageId: string; incident: StatusIncident }) {
  const adding = useAddStatusEntry(pageId, incident.id);
  const latest = incident.entries[0]?.status ?? 'investigating';
  const [status, setStatus] = useState<UpdateStatus>(latest);
  const [body, setBody] = useState('');
  const errors = friendlyErrors(fieldMessages(adding.error));
  const dirty = body !== '' || status !== latest;
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    adding.mutate(
      { status, body },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: status === 'resolved' ? `“${incident.title}” is resolved on the public page.` : `Update posted to “${incident.title}”.` });
          onDone();
        },
      },
    );
  };

  return (
    <Stack component="form" onSubmit={submit}>
      <FormError error={adding.error} />
      <Select
        label="Status"
        allowDeselect={false}
        data={updateStatusChoices}
        value={status}
        onChange={(value) => value !== null && setStatus(value as UpdateStatus)}
        description={updateStatuses[status].hint}
        error={errors['status']}
      />
      <Textarea label="Update" required autosize minRows={3} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={errors['body']} data-autofocus />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={adding.isPending}>
          Post update
        </Button>
      </Group>
    </Stack>
  );
}
