import { Button, Group, Modal, Text } from '@mantine/core';

interface DiscardChangesModalProps {
  opened: boolean;
  /** What the unsaved changes are to, in words: "layer After hours". */
  subject: string;
  onKeep: () => void;
  onDiscard: () => void;
}

/** Asked when an editor holding unsaved changes is closed: closing must never lose them silently. */
export function DiscardChangesModal({ opened, subject, onKeep, onDiscard }: DiscardChangesModalProps) {
  return (
    <Modal opened={opened} onClose={onKeep} title="Discard your changes?" size="sm" centered>
      <Text size="sm">The changes to {subject} are not saved yet. They are lost if you close the editor.</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onKeep}>
          Keep editing
        </Button>
        <Button color="red" onClick={onDiscard}>
          Discard changes
        </Button>
      </Group>
    </Modal>
  );
}
