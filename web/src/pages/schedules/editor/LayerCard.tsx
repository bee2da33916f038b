import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { LayerView } from '../../../api/scheduleTypes';
import { formatDateTime } from '../../../time/format';
import { LayerHeader } from './LayerHeader';
import { layerSummary } from './layerSummary';

interface LayerCardProps {
  layer: LayerView;
  index: number;
  count: number;
  scheduleZone: string;
  viewerZone: string;
  structureBusy: boolean;
  onMove: (by: -1 | 1) => void;
  onDelete: () => void;
  onEdit: () => void;
}

/** One layer, read-only: its summary in words and its rotation order; "Edit" opens the focused editor. */
export function LayerCard({ layer, index, count, scheduleZone, viewerZone, structureBusy, onMove, onDelete, onEdit }: LayerCardProps) {
  return (
    <Paper component="section" aria-label={`Layer ${layer.name}`} withBorder p="md" radius="md">
      <Stack gap="xs">
        <LayerHeader name={layer.name} index={index} count={count} busy={structureBusy} onMove={onMove} onDelete={onDelete} onEdit={onEdit} />
        <Text size="sm">
          {layerSummary(layer)}
        </Text>
        {layer.timeZone !== scheduleZone && (
          <Text size="xs" c="dimmed">
            Times in {layer.timeZone}
          </Text>
        )}
        {layer.members.length > 0 && (
          <Group component="ol" gap={6} aria-label="Rotation order" p={0} m={0} style={{ listStyle: 'none' }}>
            {layer.members.map((member, turn) => (
              <Badge component="li" key={turn} variant="light" color="gray" tt="none" fw={500}>
                {turn + 1}. {member.name}
              </Badge>
            ))}
          </Group>
        )}
        {layer.upcoming.map((version) => (
          <Text key={version.effectiveFrom} size="sm" c="orange">
            A change to this layer takes effect {formatDateTime(version.effectiveFrom, viewerZone)}.
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}
