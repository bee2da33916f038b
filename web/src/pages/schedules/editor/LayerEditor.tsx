import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { ScheduleDetail } from '../../../api/scheduleTypes';
import { FormError } from '../../../components/FormError';
import { UnsavedChangesGuard } from '../../../components/UnsavedChangesGuard';
import { formatDateTime } from '../../../time/format';
import { ReviewEditModal } from '../review/ReviewEditModal';
import { useEditReview } from '../review/useEditReview';
import { AddLayerModal } from './AddLayerModal';
import { LayerCard } from './LayerCard';
import { LayerEditModal } from './LayerEditModal';

/**
 * The layers in position order as read-only cards; one at a time is edited in a focused
 * editor. Every change (edit, move, removal) is previewed before it is saved.
 */
export function LayerEditor({ schedule, viewerZone }: { schedule: ScheduleDetail; viewerZone: string }) {
  const [adding, { open, close }] = useDisclosure();
  const structure = useEditReview(schedule.id);
  const layers = [...schedule.layers].sort((a, b) => a.position - b.position);
  const busy = structure.previewing.isPending || structure.saving.isPending;
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = layers.find((l) => l.id === editingId);
  // What the open editor and the add-layer form hold unsaved, for the page's leave guard.
  const [editorDirty, setEditorDirty] = useState(false);
  const [addDirty, setAddDirty] = useState(false);

  const move = (index: number, by: -1 | 1) => {
    const ids = layers.map((l) => l.id);
    const [moved] = ids.splice(index, 1);
    if (moved === undefined) return;
    ids.splice(index + by, 0, moved);
    structure.review({ kind: 'reorder_layers', layerIds: ids }, `Move ${layers[index]?.name ?? ''} ${by < 0 ? 'up' : 'down'}`);
  };

  return (
    <Stack component="section" aria-label="Layers">
      <Group justify="space-between">
        <Title order={3}>Layers</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={open}>
          Add layer
        </Button>
      </Group>
      <FormError error={structure.previewing.error} />
      {schedule.scheduledChanges.map((change) => (
        <Text key={change.effectiveFrom} size="sm" c="orange">
          A change to the layers (added, removed or reordered) takes effect {formatDateTime(change.effectiveFrom, viewerZone)}.
        </Text>
      ))}
      {layers.map((layer, index) => (
        <LayerCard
          key={layer.id}
          layer={layer}
          index={index}
          count={layers.length}
          scheduleZone={schedule.timeZone}
          viewerZone={viewerZone}
          structureBusy={busy}
          onMove={(by) => move(index, by)}
          onDelete={() => structure.review({ kind: 'remove_layer', layerId: layer.id }, `Delete layer ${layer.name} from now on (its past shifts stay in the history)`)}
          onEdit={() => setEditingId(layer.id)}
        />
      ))}
      {editing !== undefined && (
        <LayerEditModal key={editing.id} scheduleId={schedule.id} layer={editing} viewerZone={viewerZone} onClose={() => setEditingId(null)} onDirty={setEditorDirty} />
      )}
      <UnsavedChangesGuard dirty={editorDirty || addDirty} />
      <ReviewEditModal review={structure} title="Review layer change" viewerZone={viewerZone} />
      <AddLayerModal scheduleId={schedule.id} scheduleZone={schedule.timeZone} viewerZone={viewerZone} opened={adding} onClose={close} onDirty={setAddDirty} />
    </Stack>
  );
}
