import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { fieldMessagesUnder } from '../../../api/ApiError';
import type { LayerPatch, LayerView } from '../../../api/scheduleTypes';
import { FormError } from '../../../components/FormError';
import { formatDateTime } from '../../../time/format';
import { LayerFields } from '../layers/LayerFields';
import { layerInputOf, layerValuesOf, type LayerValues } from '../layers/layerValues';
import { ReviewEditModal } from '../review/ReviewEditModal';
import { useEditReview } from '../review/useEditReview';
import { LayerHeader } from './LayerHeader';
import { layerSummary } from './layerSummary';

interface LayerCardProps {
  scheduleId: string;
  layer: LayerView;
  index: number;
  count: number;
  viewerZone: string;
  structureBusy: boolean;
  onMove: (by: -1 | 1) => void;
  onDelete: () => void;
  /** Told whether the form holds unsaved edits, so the page can ask before they are lost. */
  onDirty: (layerId: string, dirty: boolean) => void;
}

/** Only what changed: a rename alone must not start a new version of the layer. */
function patchOf(values: LayerValues, layer: LayerView, viewerZone: string): LayerPatch {
  const input = layerInputOf(values, viewerZone);
  const current = layerInputOf(layerValuesOf(layer), viewerZone);
  const patch: LayerPatch = {};
  for (const key of ['name', 'timeZone', 'rotation', 'restriction', 'members'] as const) {
    if (JSON.stringify(input[key]) !== JSON.stringify(current[key])) Object.assign(patch, { [key]: input[key] });
  }
  if (Object.keys(patch).length > 0 && input.effectiveAt !== undefined) patch.effectiveAt = input.effectiveAt;
  return patch;
}

/** One layer of the editor: header actions plus its settings, saved through a preview. */
export function LayerCard({ scheduleId, layer, index, count, viewerZone, structureBusy, onMove, onDelete, onDirty }: LayerCardProps) {
  const [values, setValues] = useState(() => layerValuesOf(layer));
  const review = useEditReview(scheduleId);
  const patch = patchOf(values, layer, viewerZone);
  const changed = Object.keys(patch).length > 0;
  const errors = { ...fieldMessagesUnder(review.previewing.error, '/body/edit/patch'), ...fieldMessagesUnder(review.saving.error, '/body') };
  useEffect(() => {
    onDirty(layer.id, changed);
    return () => onDirty(layer.id, false);
  }, [onDirty, layer.id, changed]);
  const save = () => review.review({ kind: 'update_layer', layerId: layer.id, patch }, `Change layer ${layer.name}`, { from: patch.effectiveAt });

  return (
    <Paper component="section" aria-label={`Layer ${layer.name}`} withBorder p="md" radius="md">
      <Stack>
        <Stack gap={2}>
          <LayerHeader name={layer.name} index={index} count={count} busy={structureBusy} onMove={onMove} onDelete={onDelete} />
          <Text size="sm" c="dimmed">
            {layerSummary(layer)}
          </Text>
        </Stack>
        {layer.upcoming.map((version) => (
          <Text key={version.effectiveFrom} size="sm" c="orange">
            A change to this layer takes effect {formatDateTime(version.effectiveFrom, viewerZone)}.
          </Text>
        ))}
        <FormError error={review.previewing.error} />
        <LayerFields values={values} onChange={setValues} errors={errors} viewerZone={viewerZone} />
        <Group justify="flex-end">
          <Button variant="default" disabled={!changed} onClick={() => setValues(layerValuesOf(layer))}>
            Discard changes
          </Button>
          <Button disabled={!changed} loading={review.previewing.isPending} onClick={save}>
            Save layer
          </Button>
        </Group>
      </Stack>
      <ReviewEditModal review={review} title="Review layer change" viewerZone={viewerZone} />
    </Paper>
  );
}
