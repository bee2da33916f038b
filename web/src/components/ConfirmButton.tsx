import { ActionIcon, Button, Group, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { FormError } from './FormError';
import { InUseNotice, referencesOf } from './InUseNotice';

interface ConfirmButtonProps {
  /** Accessible name of the icon button, and the dialog's title. */
  label: string;
  icon: ReactNode;
  /** What will happen, in words the user can check before confirming. */
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  /** A deletion the API may refuse because paging relies on it: deletes anyway (`force`). */
  onForce?: () => Promise<unknown>;
}

/**
 * An icon button for a destructive action that asks before doing it. When the API
 * refuses because paging relies on it, the dialog lists what does and, if `onForce`
 * can settle all of it, offers to delete anyway.
 */
export function ConfirmButton({ label, icon, message, confirmLabel, onConfirm, onForce }: ConfirmButtonProps) {
  const [opened, { open, close }] = useDisclosure();
  const action = useMutation({ mutationFn: (force: boolean) => (force && onForce ? onForce() : onConfirm()), onSuccess: close });
  const references = referencesOf(action.error);
  const forceable = onForce !== undefined && references.length > 0 && references.every((r) => r.settledBy.includes('force'));
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
          {references.length > 0 ? <InUseNotice references={references} forceable={forceable} /> : <FormError error={action.error} />}
          <Text>{message}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={dismiss}>
              Cancel
            </Button>
            {forceable ? (
              <Button color="red" loading={action.isPending} onClick={() => action.mutate(true)}>
                Delete anyway
              </Button>
            ) : (
              <Button color="red" loading={action.isPending} onClick={() => action.mutate(false)}>
                {confirmLabel}
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
