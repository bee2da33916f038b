import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { fieldMessages } from '../../api/ApiError';
import { useCreateTimeOff, useUpdateTimeOff, type TimeOff } from '../../api/timeOff';
import { FormError } from '../../components/FormError';
import { fromLocalInput, toLocalInput } from '../../time/zoned';
import { DiscardChangesModal } from '../schedules/editor/DiscardChangesModal';

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
  const [confirmingClose, setConfirmingClose] = useState(false);
  const [dirty, setDirty] = useState(false);
  const close = () => {
    setDirty(false);
    setConfirmingClose(false);
    onClose();
  };
  const ask = () => (dirty ? setConfirmingClose(true) : close());
  const title = draft?.existing ? 'Change time off' : props.self ? 'Add time off' : `Mark ${draft?.userName ?? ''} away`;
  return (
    <>
      <Modal opened={draft !== null && !confirmingClose} onClose={ask} title={title}>
        {draft && <TimeOffForm key={`${draft.userId} ${draft.existing?.id ?? draft.start}`} draft={draft} onDirty={setDirty} onDone={close} onCancel={ask} {...props} />}
      </Modal>
      <DiscardChangesModal opened={confirmingClose} subject="this time off" onKeep={() => setConfirmingClose(false)} onDiscard={close} />
    </>
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
}: Omit<TimeOffModalProps, 'draft' | 'onClose'> & { draft: TimeOffDraft; onDirty: (dirty: boolean) => void; onDone: () => void; onCancel: () => void }) {
  const initial = { start: toLocalInput(draft.start, viewerZone), end: toLocalInput(draft.end, viewerZone), note: draft.existing?.note ?? '' };
  const [values, setValues] = useState(initial);
  const creating = useCreateTimeOff(draft.userId);
  const updating = useUpdateTimeOff(draft.userId);
  const saving = draft.existing ? updating : creating;
  const errors = fieldMessages(saving.error);
  // Time off under way keeps its start: the past is not rewritten.
  const started = draft.existing !== undefined && Date.parse(draft.existing.start) <= now;
  const change = (key: keyof typeof values, value: string) => {
    const next = { ...values, [key]: value };
    setValues(next);
    onDirty(JSON.stringify(next) !== JSON.stringify(initial));
  };
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
    const span = { end: fromLocalInput(values.end, viewerZone), note: values.note.trim() };
    if (draft.existing) updating.mutate({ id: draft.existing.id, ...span, ...(!started && { start: fromLocalInput(values.start, viewerZone) }) }, { onSuccess: done });
    else creating.mutate({ start: fromLocalInput(values.start, viewerZone), ...span }, { onSuccess: done });
  };
  return (
    <Stack component="form" onSubmit={submit} aria-label={draft.existing ? 'Change time off' : 'Add time off'}>
      <FormError error={saving.error} />
      <Text size="sm" c="dimmed">
        While {self ? 'you are' : `${draft.userName} is`} away, every rotation turn {self ? 'of yours' : 'of theirs'} is covered by the next person in that rotation who is not away.
        Nobody else&apos;s turns move.
      </Text>
      <Group grow align="flex-start" wrap="wrap">
        <TextInput miw={180} label="From" type="datetime-local" required disabled={started} value={values.start} onChange={(e) => change('start', e.currentTarget.value)} error={errors['start']} />
        <TextInput miw={180} label="To" type="datetime-local" required value={values.end} onChange={(e) => change('end', e.currentTarget.value)} error={errors['end']} />
      </Group>
      <Text size="xs" c="dimmed">
        Local times in {viewerZone}.
      </Text>
      <TextInput label="Note" placeholder="Holiday, conference, …" maxLength={200} value={values.note} onChange={(e) => change('note', e.currentTarget.value)} error={errors['note']} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={saving.isPending}>
          {draft.existing ? 'Save' : 'Add time off'}
        </Button>
      </Group>
    </Stack>
  );
}
