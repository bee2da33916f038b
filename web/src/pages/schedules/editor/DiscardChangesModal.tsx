import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect, useState } from 'react';

interface DiscardChangesModalProps {
  opened: boolean;
  /** What the unsaved changes are to, in words: "layer After hours". */
  subject: string;
  onKeep: () => void;
  onDiscard: () => void;
}

/** Asked when an editor holding unsaved changes is closed: closing must never lose them silently. */
export function DiscardChangesModal({ opened, subject, onKeep, onDiscard }: DiscardChangesModalProps) {
  // Opened a task after it is asked for: asked by an Escape in the editor, it would otherwise
  // take that same Escape (every open modal listens on the window) and close itself at once.
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!opened) return setShown(false);
    const later = setTimeout(() => setShown(true));
    return () => clearTimeout(later);
  }, [opened]);
  return (
    <Modal opened={opened && shown} onClose={onKeep} title="Discard your changes?" size="sm" centered>
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
