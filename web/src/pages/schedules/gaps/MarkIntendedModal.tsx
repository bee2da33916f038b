import { Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { fieldMessages } from '../../../api/ApiError';
import { useMarkIntended } from '../../../api/coverageGaps';
import { FormActions } from '../../../components/FormActions';
import { FormError } from '../../../components/FormError';
import { GuardedFormModal, type GuardedForm } from '../../../components/GuardedFormModal';
import { SpanFields, useSpan } from '../../../components/SpanFields';

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
  return (
    <GuardedFormModal opened={span !== null} title="Mark gap as intended" subject="this intended gap" onClose={onClose}>
      {(form) => span && <MarkIntendedForm key={`${span.start} ${span.end}`} span={span} {...form} {...props} />}
    </GuardedFormModal>
  );
}

function MarkIntendedForm({
  scheduleId,
  span,
  viewerZone,
  onDirty,
  onDone,
  onCancel,
}: Omit<MarkIntendedModalProps, 'span' | 'onClose'> & GuardedForm & { span: GapSpan }) {
  const fields = useSpan(span, viewerZone);
  const [note, setNote] = useState('');
  const marking = useMarkIntended(scheduleId);
  const errors = fieldMessages(marking.error);
  const changed = fields.changed || note !== '';
  useEffect(() => onDirty(changed), [changed, onDirty]);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (fields.problem !== null) return;
    marking.mutate(
      { ...fields.instants(), ...(note.trim() !== '' && { note: note.trim() }) },
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
      <SpanFields span={fields} errors={errors} />
      <Textarea label="Why (optional)" placeholder="Office closed over the holidays" maxLength={500} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors['note']} />
      <FormActions submit="Mark as intended" loading={marking.isPending} onCancel={onCancel} />
    </Stack>
  );
}
