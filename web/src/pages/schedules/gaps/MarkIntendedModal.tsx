import { Button, Group, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { fieldMessages } from '../../../api/ApiError';
import { useMarkIntended } from '../../../api/coverageGaps';
import { FormError } from '../../../components/FormError';
import { fromLocalInput, toLocalInput } from '../../../time/zoned';
import { DiscardChangesModal } from '../editor/DiscardChangesModal';

export interface GapSpan {
  start: string;
  end: string;
}

interface MarkIntendedModalProps {
  scheduleId: string;
  /** The gap to mark; null while closed. */
  span: GapSpan | null;
  viewerZone: string;
  onClose: () => void;
}

/** Marks a span as left uncovered on purpose: its gaps stop alerting the managers. */
export function MarkIntendedModal({ span, onClose, ...props }: MarkIntendedModalProps) {
  const [confirmingClose, setConfirmingClose] = useState(false);
  const [dirty, setDirty] = useState(false);
  const close = () => {
    setDirty(false);
    setConfirmingClose(false);
    onClose();
  };
  return (
    <>
      <Modal opened={span !== null && !confirmingClose} onClose={() => (dirty ? setConfirmingClose(true) : close())} title="Mark gap as intended">
        {span && <MarkIntendedForm key={`${span.start} ${span.end}`} span={span} onDirty={setDirty} onDone={close} onCancel={() => (dirty ? setConfirmingClose(true) : close())} {...props} />}
      </Modal>
      <DiscardChangesModal opened={confirmingClose} subject="this intended gap" onKeep={() => setConfirmingClose(false)} onDiscard={close} />
    </>
  );
}

function MarkIntendedForm({
  scheduleId,
  span,
  viewerZone,
  onDirty,
  onDone,
  onCancel,
}: Omit<MarkIntendedModalProps, 'span' | 'onClose'> & { span: GapSpan; onDirty: (dirty: boolean) => void; onDone: () => void; onCancel: () => void }) {
  const initial = { start: toLocalInput(span.start, viewerZone), end: toLocalInput(span.end, viewerZone), note: '' };
  const [values, setValues] = useState(initial);
  const marking = useMarkIntended(scheduleId);
  const errors = fieldMessages(marking.error);
  const change = (key: keyof typeof values, value: string) => {
    const next = { ...values, [key]: value };
    setValues(next);
    onDirty(JSON.stringify(next) !== JSON.stringify(initial));
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    marking.mutate(
      { start: fromLocalInput(values.start, viewerZone), end: fromLocalInput(values.end, viewerZone), ...(values.note.trim() !== '' && { note: values.note.trim() }) },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', title: 'Gap marked as intended', message: 'Nobody is alerted about it any more.' });
          onDone();
        },
      },
    );
  };
  return (
    <Stack component="form" onSubmit={submit}>
      <FormError error={marking.error} />
      <Text size="sm" c="dimmed">
        Nobody will be paged through this schedule then, on purpose: the daily coverage check stops telling the managers about it. Any part of a gap outside this span still alerts.
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <TextInput label="From" type="datetime-local" required value={values.start} onChange={(e) => change('start', e.currentTarget.value)} error={errors['start']} />
        <TextInput label="To" type="datetime-local" required value={values.end} onChange={(e) => change('end', e.currentTarget.value)} error={errors['end']} />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        Local times in {viewerZone}.
      </Text>
      <Textarea label="Why (optional)" placeholder="Office closed over the holidays" maxLength={500} autosize minRows={2} value={values.note} onChange={(e) => change('note', e.currentTarget.value)} error={errors['note']} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={marking.isPending}>
          Mark as intended
        </Button>
      </Group>
    </Stack>
  );
}
