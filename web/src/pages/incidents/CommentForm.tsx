import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { fieldMessages } from '../../api/ApiError';
import { useIncidentAction } from '../../api/incidents';
import { FormError } from '../../components/FormError';

/** A comment is discussion; a status update says where things stand and heads the incident page. */
export function CommentForm({ incidentId }: { incidentId: string }) {
  const commenting = useIncidentAction(incidentId);
  const [text, setText] = useState('');
  const post = (kind: 'comment' | 'status-updates') => commenting.mutate({ kind, text }, { onSuccess: () => setText('') });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    post('comment');
  };
  const posting = commenting.isPending ? commenting.variables.kind : null;
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
        <Button variant="default" disabled={text.trim() === '' || commenting.isPending} loading={posting === 'status-updates'} onClick={() => post('status-updates')}>
          Post as status update
        </Button>
        <Button type="submit" variant="default" disabled={text.trim() === '' || commenting.isPending} loading={posting === 'comment'}>
          Add comment
        </Button>
      </Group>
    </Stack>
  );
}
