import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { FormError } from '../../../components/FormError';
import { InUseNotice, referencesOf } from '../../../components/InUseNotice';
import { EditPreview } from './EditPreview';
import type { EditReview } from './useEditReview';

/** The preview of a pending layer change: coverage gaps it leaves and whose shifts move; saves on confirm. */
export function ReviewEditModal({ review, title, viewerZone }: { review: EditReview; title: string; viewerZone: string }) {
  const { pending } = review;
  const gaps = pending?.preview.after.gaps ?? [];
  const references = referencesOf(review.saving.error);
  const forceable = references.length > 0 && references.every((r) => r.settledBy.includes('force'));
  return (
    <Modal opened={pending !== null} onClose={review.cancel} title={title} size="lg">
      <Stack>
        {references.length > 0 ? <InUseNotice references={references} forceable={forceable} /> : <FormError error={review.saving.error} />}
        <Text fw={500}>{pending?.summary}</Text>
        {pending !== null && <EditPreview preview={pending.preview} viewerZone={viewerZone} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={review.cancel}>
            Cancel
          </Button>
          {forceable ? (
            <Button color="red" loading={review.saving.isPending} onClick={() => review.confirm(true)}>
              Delete anyway
            </Button>
          ) : (
            <Button color={gaps.length > 0 ? 'red' : undefined} loading={review.saving.isPending} onClick={() => review.confirm()}>
              {gaps.length > 0 ? 'Save with gaps' : 'Save change'}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
