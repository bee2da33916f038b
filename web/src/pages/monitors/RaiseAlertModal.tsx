import { Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { fieldMessages } from '../../api/ApiError';
import { useRaiseAlert } from '../../api/monitors';
import { FormError } from '../../components/FormError';

/** Raises an alert by hand, as a check would: it opens an incident (or joins the open one with the same dedup key). */
export function RaiseAlertModal({ monitorId, onClose }: { monitorId: string; onClose: () => void }) {
  const raising = useRaiseAlert(monitorId);
  const navigate = useNavigate();
  const [title, setTitle] = useState('Test alert');
  const [description, setDescription] = useState('');
  const [dedupKey, setDedupKey] = useState('');
  const errors = fieldMessages(raising.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    raising.mutate(
      { title, ...(description !== '' && { description }), ...(dedupKey !== '' && { dedupKey }) },
      { onSuccess: ({ incident }) => navigate(`/incidents/${incident.id}`) },
    );
  };

  return (
    <Modal opened onClose={onClose} title="Raise test alert">
      <Stack component="form" onSubmit={submit}>
        <FormError error={raising.error} />
        <TextInput label="Title" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors['title']} />
        <Textarea label="Description" autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors['description']} />
        <TextInput
          label="Dedup key"
          description="An open incident with the same key absorbs the alert instead of opening another."
          value={dedupKey}
          onChange={(e) => setDedupKey(e.currentTarget.value)}
          error={errors['dedupKey']}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={raising.isPending}>
            Raise alert
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
