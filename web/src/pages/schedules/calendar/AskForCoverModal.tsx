import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { fieldMessages } from '../../../api/ApiError';
import { useAskForCover } from '../../../api/coverRequests';
import { FormActions } from '../../../components/FormActions';
import { FormError } from '../../../components/FormError';
import { SpanFields, useSpan } from '../../../components/SpanFields';
import type { CreateOverrideModalProps, OverrideDraft } from '../timeline/CreateOverrideModal';

/** The viewer's own shift they want covered: its layer (null on the final row) and span. */
export type CoverDraft = Pick<OverrideDraft, 'layerId' | 'start' | 'end'>;

type AskForCoverModalProps = Omit<CreateOverrideModalProps, 'draft'> & { draft: CoverDraft | null };

export function AskForCoverModal({ draft, onClose, ...props }: AskForCoverModalProps) {
  return (
    <Modal opened={draft !== null} onClose={onClose} title="Ask for cover">
      {draft && <CoverForm key={`${draft.layerId} ${draft.start}`} draft={draft} onClose={onClose} {...props} />}
    </Modal>
  );
}

function CoverForm({ scheduleId, layers, draft, viewerZone, onClose }: AskForCoverModalProps & { draft: CoverDraft }) {
  const asking = useAskForCover(scheduleId);
  const span = useSpan(draft, viewerZone);
  const [note, setNote] = useState('');
  const errors = fieldMessages(asking.error);
  const layerName = layers.find((l) => l.id === draft.layerId)?.name;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (span.problem !== null) return;
    asking.mutate(
      { layerId: draft.layerId, ...span.instants(), note },
      {
        onSuccess: (created) => {
          notifications.show({ color: 'green', title: 'Cover requested', message: `Asked ${created.asked.map((u) => u.name).join(', ')}. The first to accept takes it; you will be told.` });
          onClose();
        },
      },
    );
  };

  return (
    <Stack component="form" onSubmit={submit} aria-label="Ask for cover">
      <Text size="sm">
        {layerName === undefined
          ? "Your teammates on this schedule's team are asked."
          : `The other people of ${layerName}'s rotation are asked.`}{' '}
        The first to accept gets an override for the span; the request expires when it starts.
      </Text>
      <FormError error={asking.error} />
      <SpanFields span={span} errors={errors} hint="Shorten the span to ask for part of the shift." />
      <Textarea label="Note" description="Optional: why, or anything the person covering should know" maxLength={500} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors['note']} />
      <Text size="sm" c="red">
        {errors['layerId']}
      </Text>
      <FormActions submit="Ask for cover" loading={asking.isPending} onCancel={onClose} />
    </Stack>
  );
}
