import { DragDropContext, Draggable, Droppable, type DropResult } from '@hello-pangea/dnd';
import { ActionIcon, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconGripVertical, IconX } from '@tabler/icons-react';
import { useId } from 'react';
import { useUserChoices } from '../../../api/users';
import { slotOf, type RotationSlot } from './layerValues';

interface MemberOrderListProps {
  members: RotationSlot[];
  onChange: (members: RotationSlot[]) => void;
  error?: string | undefined;
}

/** The rotation order: drag to reorder (or lift with space and move with the arrow keys); a user may appear more than once. */
export function MemberOrderList({ members, onChange, error }: MemberOrderListProps) {
  const users = useUserChoices();
  const listId = useId();
  const move = ({ source, destination }: DropResult) => {
    if (!destination) return;
    const next = [...members];
    const [moved] = next.splice(source.index, 1);
    if (moved) next.splice(destination.index, 0, moved);
    onChange(next);
  };
  const add = (userId: string | null) => {
    const user = users.data?.find((u) => u.id === userId);
    if (user) onChange([...members, slotOf({ id: user.id, name: user.name, email: user.email })]);
  };

  return (
    <Stack gap={6}>
      <Text size="sm" fw={500} id={listId}>
        Rotation order
      </Text>
      {members.length === 0 && (
        <Text size="sm" c="dimmed">
          Nobody yet: the layer has nobody on call.
        </Text>
      )}
      <DragDropContext onDragEnd={move}>
        <Droppable droppableId={listId}>
          {(drop) => (
            <Stack gap={4} ref={drop.innerRef} {...drop.droppableProps} component="ol" aria-labelledby={listId} p={0} m={0} style={{ listStyle: 'none' }}>
              {members.map((slot, index) => (
                <Draggable key={slot.key} draggableId={slot.key} index={index}>
                  {(drag) => (
                    <Paper component="li" withBorder px="xs" py={4} ref={drag.innerRef} {...drag.draggableProps} aria-label={`${index + 1}. ${slot.user.name}`}>
                      <Group gap="xs" wrap="nowrap">
                        <span {...drag.dragHandleProps} aria-label={`Drag ${slot.user.name} (turn ${index + 1})`}>
                          <IconGripVertical size={16} />
                        </span>
                        <Text size="sm" style={{ flex: 1 }}>
                          {index + 1}. {slot.user.name}
                        </Text>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          size="sm"
                          aria-label={`Remove ${slot.user.name} (turn ${index + 1})`}
                          onClick={() => onChange(members.filter((m) => m.key !== slot.key))}
                        >
                          <IconX size={14} />
                        </ActionIcon>
                      </Group>
                    </Paper>
                  )}
                </Draggable>
              ))}
              {drop.placeholder}
            </Stack>
          )}
        </Droppable>
      </DragDropContext>
      <Select
        label="Add to rotation"
        placeholder={users.isPending ? 'Loading users…' : 'Pick a user'}
        searchable
        data={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))}
        value={null}
        onChange={add}
        error={error}
        w={320}
      />
    </Stack>
  );
}
