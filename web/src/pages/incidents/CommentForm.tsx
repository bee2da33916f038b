import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { fieldMessages } from '../../api/ApiError';
import { useIncidentAction } from '../../api/incidents';
import { FormError } from '../../components/FormError';

export function CommentForm({ incidentId }: { incidentId: string }) {
  const commenting = useIncidentAction(incidentId);
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    commenting.mutate({ kind: 'comment', text }, { onSuccess: () => setText('') });
  };
  return (
    <Stack component="form" onSubmit={submit} gap="xs">
      <FormError error={commenting.error} />
      <Textarea
        label="Comment"
        autosize
        minRows={2}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={fieldMessages(commenting.error)['text']}
      />
      <Group justify="flex-end">
        <Button type="submit" variant="default" disabled={text.trim() === ''} loading={commenting.isPending}>
          Add comment
        </Button>
      </Group>
    </Stack>
  );
}
