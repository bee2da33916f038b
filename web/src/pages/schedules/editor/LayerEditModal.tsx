import { Button, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { fieldMessagesUnder } from '../../../api/ApiError';
import { useSaveEdit } from '../../../api/schedules';
import type { LayerView, ScheduleEdit } from '../../../api/scheduleTypes';
import { FormError } from '../../../components/FormError';
import { LayerFields } from '../layers/LayerFields';
import { layerValuesOf } from '../layers/layerValues';
import { useLivePreview } from '../review/useLivePreview';
import { DiscardChangesModal } from './DiscardChangesModal';
import { layerPatchOf } from './layerPatch';
import { LayerPreviewPanel } from './LayerPreviewPanel';

interface LayerEditModalProps {
  scheduleId: string;
  layer: LayerView;
  viewerZone: string;
  onClose: () => void;
  /** Told whether the editor holds unsaved changes, so leaving the page can ask first. */
  onDirty: (dirty: boolean) => void;
}

/**
 * One layer's settings beside the preview of what the change would do; saved only once the
 * preview shown is for the settings as they are. Closing with unsaved changes asks first.
 */
export function LayerEditModal({ scheduleId, layer, viewerZone, onClose, onDirty }: LayerEditModalProps) {
  const [values, setValues] = useState(() => layerValuesOf(layer));
  const [confirmingClose, setConfirmingClose] = useState(false);
  const narrow = useMediaQuery('(max-width: 48em)');
  const patch = layerPatchOf(values, layer, viewerZone);
  const changed = Object.keys(patch).length > 0;
  const edit: ScheduleEdit | null = changed ? { kind: 'update_layer', layerId: layer.id, patch } : null;
  const { preview, current } = useLivePreview(scheduleId, edit, patch.effectiveAt);
  const saving = useSaveEdit(scheduleId);
  const errors = { ...fieldMessagesUnder(preview.error, '/body/edit/patch'), ...fieldMessagesUnder(saving.error, '/body') };
  const gaps = current ? (preview.data?.after.gaps.length ?? 0) : 0;

  useEffect(() => {
    onDirty(changed);
    return () => onDirty(false);
  }, [onDirty, changed]);

  const requestClose = () => (changed ? setConfirmingClose(true) : onClose());
  const save = () => {
    if (edit === null) return;
    saving.mutate(
      { edit },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', title: `Layer ${values.name} saved`, message: 'The calendar and who is on call now follow the new settings.' });
          onClose();
        },
        onError: (error) => notifications.show({ color: 'red', title: `Layer ${layer.name} not saved`, message: error.message }),
      },
    );
  };

  return (
    <>
      <Modal opened onClose={requestClose} title={`Edit layer ${layer.name}`} size={1200} fullScreen={narrow}>
        <Stack>
          <FormError error={saving.error ?? (changed ? preview.error : null)} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
            <LayerFields values={values} onChange={setValues} errors={errors} viewerZone={viewerZone} existing />
            <LayerPreviewPanel
              layer={layer}
              values={values}
              preview={preview.data ?? null}
              current={current}
              changed={changed}
              failed={preview.isError}
              viewerZone={viewerZone}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={requestClose}>
              Cancel
            </Button>
            <Button color={gaps > 0 ? 'red' : undefined} disabled={!current || preview.isError} loading={saving.isPending} onClick={save}>
              {gaps > 0 ? 'Save with gaps' : 'Save layer'}
            </Button>
          </Group>
          {changed && !current && !preview.isError && (
            <Text size="xs" c="dimmed" ta="right" aria-live="polite">
              Saving is possible once the preview shows these settings.
            </Text>
          )}
        </Stack>
      </Modal>
      <DiscardChangesModal
        opened={confirmingClose}
        subject={`layer ${layer.name}`}
        onKeep={() => setConfirmingClose(false)}
        onDiscard={() => {
          setConfirmingClose(false);
          onClose();
        }}
      />
    </>
  );
}
