import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { fieldMessagesUnder } from '../../../api/ApiError';
import { FormError } from '../../../components/FormError';
import { LayerFields } from '../layers/LayerFields';
import { layerInputOf, newLayerValues } from '../layers/layerValues';
import { ReviewEditModal } from '../review/ReviewEditModal';
import { useEditReview } from '../review/useEditReview';

interface AddLayerModalProps {
  scheduleId: string;
  scheduleZone: string;
  viewerZone: string;
  opened: boolean;
  onClose: () => void;
}

/** A new layer goes at the bottom; it is previewed like every other change. */
export function AddLayerModal({ scheduleId, scheduleZone, viewerZone, opened, onClose }: AddLayerModalProps) {
  const [values, setValues] = useState(() => newLayerValues(scheduleZone));
  const review = useEditReview(scheduleId);
  const errors = { ...fieldMessagesUnder(review.previewing.error, '/body/edit/layer'), ...fieldMessagesUnder(review.saving.error, '/body') };
  const close = () => {
    setValues(newLayerValues(scheduleZone));
    review.previewing.reset();
    review.cancel();
    onClose();
  };
  const next = () => {
    const layer = layerInputOf(values, viewerZone);
    review.review({ kind: 'add_layer', layer }, `Add layer ${values.name}`, { from: layer.effectiveAt, onSaved: close });
  };

  return (
    <>
      <Modal opened={opened && review.pending === null} onClose={close} title="Add layer" size="xl">
        <Stack>
          <FormError error={review.previewing.error} />
          <LayerFields values={values} onChange={setValues} errors={errors} viewerZone={viewerZone} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button loading={review.previewing.isPending} onClick={next}>
              Review and add
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ReviewEditModal review={review} title="Review new layer" viewerZone={viewerZone} />
    </>
  );
}
