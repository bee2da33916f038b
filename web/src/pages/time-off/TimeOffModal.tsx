import { Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { fieldMessages } from '../../api/ApiError';
import { useCreateTimeOff, useUpdateTimeOff, type TimeOff } from '../../api/timeOff';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { GuardedFormModal, type GuardedForm } from '../../components/GuardedFormModal';
import { SpanFields, useSpan } from '../../components/SpanFields';

/** What the modal edits: new time off for someone over a suggested span, or existing time off. */
export type TimeOffDraft = { userId: string; userName: string; start: string; end: string; existing?: TimeOff };

interface TimeOffModalProps {
  draft: TimeOffDraft | null;
  viewerZone: string;
  /** "you" on your own profile; the person's name elsewhere. */
  self: boolean;
  /** Now, in epoch ms: the server's where the page knows it. */
  now: number;
  onClose: () => void;
}

/** Records or changes time off; while it lasts, the person's turns are covered by whoever follows them. */
export function TimeOffModal({ draft, onClose, ...props }: TimeOffModalProps) {
  const title = draft?.existing ? 'Change time off' : props.self ? 'Add time off' : `Mark ${draft?.userName ?? ''} away`;
  return (
    <GuardedFormModal opened={draft !== null} title={title} subject="this time off" onClose={onClose}>
      {(form) => draft && <TimeOffForm key={`${draft.userId} ${draft.existing?.id ?? draft.start}`} draft={draft} {...form} {...props} />}
    </GuardedFormModal>
  );
}

function TimeOffForm({
  draft,
  viewerZone,
  self,
  now,
  onDirty,
  onDone,
  onCancel,
}: Omit<TimeOffModalProps, 'draft' | 'onClose'> & GuardedForm & { draft: TimeOffDraft }) {
  const span = useSpan(draft, viewerZone);
  const [note, setNote] = useState(draft.existing?.note ?? '');
  const creating = useCreateTimeOff(draft.userId);
  const updating = useUpdateTimeOff(draft.userId);
  const saving = draft.existing ? updating : creating;
  const errors = fieldMessages(saving.error);
  // Time off under way keeps its start: the past is not rewritten.
  const started = draft.existing !== undefined && Date.parse(draft.existing.start) <= now;
  const changed = span.changed || note !== (draft.existing?.note ?? '');
  useEffect(() => onDirty(changed), [changed, onDirty]);
  const done = () => {
    notifications.show({
      color: 'green',
      title: draft.existing ? 'Time off changed' : 'Time off recorded',
      message: `${self ? 'Your' : `${draft.userName}'s`} turns then are covered by the next person in each rotation.`,
    });
    onDone();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (span.problem !== null) return;
    const { start, end } = span.instants();
    if (draft.existing) updating.mutate({ id: draft.existing.id, end, note: note.trim(), ...(!started && { start }) }, { onSuccess: done });
    else creating.mutate({ start, end, note: note.trim() }, { onSuccess: done });
  };
  return (
    <Stack component="form" onSubmit={submit} aria-label={draft.existing ? 'Change time off' : 'Add time off'}>
      <FormError error={saving.error} />
      <Text size="sm" c="dimmed">
        While {self ? 'you are' : `${draft.userName} is`} away, every rotation turn {self ? 'of yours' : 'of theirs'} is covered by the next person in that rotation who is not away.
        Nobody else&apos;s turns move.
      </Text>
      <SpanFields span={span} errors={errors} startLocked={started} />
      <TextInput label="Note" placeholder="Holiday, conference, …" maxLength={200} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors['note']} />
      <FormActions submit={draft.existing ? 'Save' : 'Add time off'} loading={saving.isPending} onCancel={onCancel} />
    </Stack>
  );
}
