import { ActionIcon, Badge, Button, Group, Title, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPencil, IconTrash } from '@tabler/icons-react';

interface LayerHeaderProps {
  name: string;
  index: number;
  count: number;
  busy: boolean;
  onMove: (by: -1 | 1) => void;
  onDelete: () => void;
  onEdit: () => void;
}

const lastLayerReason = 'A schedule needs at least one layer';

export function LayerHeader({ name, index, count, busy, onMove, onDelete, onEdit }: LayerHeaderProps) {
  const last = count === 1;
  return (
    <Group justify="space-between" gap="xs">
      <Group gap="xs">
        {index === 0 ? <Badge>Primary</Badge> : <Badge variant="light" color="gray">{`Layer ${index + 1}`}</Badge>}
        <Title order={4}>{name}</Title>
      </Group>
      <Group gap={4} wrap="nowrap">
        <Button variant="light" size="xs" leftSection={<IconPencil size={14} />} aria-label={`Edit layer ${name}`} onClick={onEdit}>
          Edit
        </Button>
        <ActionIcon variant="subtle" aria-label={`Move ${name} up`} disabled={busy || index === 0} onClick={() => onMove(-1)}>
          <IconArrowUp size={18} />
        </ActionIcon>
        <ActionIcon variant="subtle" aria-label={`Move ${name} down`} disabled={busy || index === count - 1} onClick={() => onMove(1)}>
          <IconArrowDown size={18} />
        </ActionIcon>
        <Tooltip label={last ? lastLayerReason : `Delete layer ${name}`}>
          {/* aria-disabled rather than disabled: a disabled button gets no hover, and the tooltip gives the reason. */}
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Delete layer ${name}`}
            aria-disabled={last || busy}
            data-disabled={last || busy || undefined}
            aria-description={last ? lastLayerReason : undefined}
            onClick={() => !last && !busy && onDelete()}
          >
            <IconTrash size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Group>
  );
}
