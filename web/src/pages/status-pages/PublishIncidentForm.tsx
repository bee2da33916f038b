import { Button, Group, MultiSelect, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { fieldMessages } from '../../api/ApiError';
import type { UpdateStatus } from '../../api/statusPageTypes';
import { usePublishStatusIncident, useStatusPageView } from '../../api/statusPages';
import type { GuardedForm } from '../../components/GuardedFormModal';
import { FormError } from '../../components/FormError';
import { componentChoices } from './componentChoices';
import { friendlyErrors } from './friendlyErrors';
import { updateStatusChoices, updateStatuses } from './statusWords';

interface PublishIncidentFormProps extends GuardedForm {
  pageId: string;
  /** The Vigil incident it is published from, if any: the public one is linked to it. */
  incidentId?: string;
  /** A first title to start from. */
  title?: string;
}

/** A new public incident and its first update, shown on the page at once. */
export function PublishIncidentForm({ pageId, incidentId, title: initialTitle = '', onDirty, onDone, onCancel }: PublishIncidentFormProps) {
  const view = useStatusPageView(pageId);
  const publishing = usePublishStatusIncident(pageId);
  const [title, setTitle] = useState(initialTitle);
  const [status, setStatus] = useState<UpdateStatus>('investigating');
  const [body, setBody] = useState('');
  const [componentIds, setComponentIds] = useState<string[]>([]);
  const errors = friendlyErrors(fieldMessages(publishing.error));
  const dirty = title !== initialTitle || body !== '' || componentIds.length > 0 || status !== 'investigating';
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    publishing.mutate(
      { title, status, body, componentIds, ...(incidentId !== undefined && { incidentId }) },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: `Published “${title}”: it is on the public page and sent to its subscribers.` });
          onDone();
        },
      },
    );
  };

  return (
    <Stack component="form" onSubmit={submit}>
      <FormError error={publishing.error} />
      <TextInput
        label="Title"
        required
        description="Public: say what your users notice, not the internal cause."
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={errors['title']}
        data-autofocus
      />
      <Select
        label="Status"
        allowDeselect={false}
        data={updateStatusChoices}
        value={status}
        onChange={(value) => value !== null && setStatus(value as UpdateStatus)}
        description={updateStatuses[status].hint}
        error={errors['status']}
      />
      <Textarea label="Update" required autosize minRows={3} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={errors['body']} />
      <MultiSelect
        label="Affected components"
        placeholder={componentIds.length === 0 ? 'None picked: the page as a whole' : undefined}
        data={componentChoices(view.data)}
        value={componentIds}
        onChange={setComponentIds}
        error={errors['componentIds']}
        nothingFoundMessage="The page has no components yet"
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={publishing.isPending}>
          Publish
        </Button>
      </Group>
    </Stack>
  );
}
