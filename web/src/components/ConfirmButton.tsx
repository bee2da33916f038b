import { ActionIcon, Button, Group, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { FormError } from './FormError';

interface ConfirmButtonProps {
  /** Accessible name of the icon button, and the dialog's title. */
  label: string;
  icon: ReactNode;
  /** What will happen, in words the user can check before confirming. */
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
}

/** An icon button for a destructive action that asks before doing it. */
export function ConfirmButton({ label, icon, message, confirmLabel, onConfirm }: ConfirmButtonProps) {
  const [opened, { open, close }] = useDisclosure();
  const action = useMutation({ mutationFn: onConfirm, onSuccess: close });
  const dismiss = () => {
    action.reset();
    close();
  };
  return (
    <>
      <Tooltip label={label}>
        <ActionIcon variant="subtle" color="red" aria-label={label} onClick={open}>
          {icon}
        </ActionIcon>
      </Tooltip>
      <Modal opened={opened} onClose={dismiss} title={label}>
        <Stack>
          <FormError error={action.error} />
          <Text>{message}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={dismiss}>
              Cancel
            </Button>
            <Button color="red" loading={action.isPending} onClick={() => action.mutate()}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
