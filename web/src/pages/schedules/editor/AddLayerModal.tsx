import { Button, Group, Modal, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { fieldMessagesUnder } from '../../../api/ApiError';
import { FormError } from '../../../components/FormError';
import { LayerFields } from '../layers/LayerFields';
import { layerInputOf, newLayerValues } from '../layers/layerValues';
import { ReviewEditModal } from '../review/ReviewEditModal';
import { useEditReview } from '../review/useEditReview';
import { DiscardChangesModal } from './DiscardChangesModal';

interface AddLayerModalProps {
  scheduleId: string;
  scheduleZone: string;
  viewerZone: string;
  opened: boolean;
  onClose: () => void;
  /** Told whether the form holds anything unsaved, so leaving the page can ask first. */
  onDirty: (dirty: boolean) => void;
}

/** A new layer goes at the bottom; it is previewed like every other change. */
export function AddLayerModal({ scheduleId, scheduleZone, viewerZone, opened, onClose, onDirty }: AddLayerModalProps) {
  const [values, setValues] = useState(() => newLayerValues(scheduleZone));
  const [confirmingClose, setConfirmingClose] = useState(false);
  const review = useEditReview(scheduleId);
  // Anything typed or picked counts: closing then asks before it is lost.
  const dirty = JSON.stringify(values) !== JSON.stringify(newLayerValues(scheduleZone));
  const errors = { ...fieldMessagesUnder(review.previewing.error, '/body/edit/layer'), ...fieldMessagesUnder(review.saving.error, '/body') };
  const narrow = useMediaQuery('(max-width: 48em)');
  useEffect(() => {
    onDirty(dirty);
    return () => onDirty(false);
  }, [onDirty, dirty]);
  const close = () => {
    setValues(newLayerValues(scheduleZone));
    review.previewing.reset();
    review.cancel();
    onClose();
  };
  const requestClose = () => (dirty ? setConfirmingClose(true) : close());
  const next = () => {
    const layer = layerInputOf(values, viewerZone);
    review.review({ kind: 'add_layer', layer }, `Add layer ${values.name}`, { from: layer.effectiveAt, onSaved: close });
  };

  return (
    <>
      <Modal opened={opened && review.pending === null} onClose={requestClose} title="Add layer" size="xl" fullScreen={narrow}>
        <Stack>
          <FormError error={review.previewing.error} />
          <LayerFields values={values} onChange={setValues} errors={errors} viewerZone={viewerZone} />
          <Group justify="flex-end">
            <Button variant="default" onClick={requestClose}>
              Cancel
            </Button>
            <Button loading={review.previewing.isPending} onClick={next}>
              Review and add
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ReviewEditModal review={review} title="Review new layer" viewerZone={viewerZone} />
      <DiscardChangesModal
        opened={confirmingClose}
        subject="the new layer"
        onKeep={() => setConfirmingClose(false)}
        onDiscard={() => {
          setConfirmingClose(false);
          close();
        }}
      />
    </>
  );
}
