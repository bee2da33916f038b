import { Button, Group, Table } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend, IconTrash } from '@tabler/icons-react';
import { useRemoveContactMethod, useTestContactMethod } from '../../api/contacts';
import type { ContactMethod } from '../../api/incidentTypes';
import { ConfirmButton } from '../../components/ConfirmButton';
import { notifyError } from '../../components/notifyError';
import { kindLabel } from './contactKinds';

export function ContactMethodRow({ userId, method }: { userId: string; method: ContactMethod }) {
  const testing = useTestContactMethod(userId);
  const removing = useRemoveContactMethod(userId);
  const sendTest = () =>
    testing.mutate(method.id, {
      onSuccess: () => notifications.show({ color: 'green', title: 'Test notification queued', message: `Sending to ${method.address}` }),
      onError: notifyError,
    });
  return (
    <Table.Tr>
      <Table.Td>{kindLabel(method.kind)}</Table.Td>
      <Table.Td>{method.label}</Table.Td>
      <Table.Td>{method.address}</Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end">
          <Button size="xs" variant="default" leftSection={<IconSend size={14} />} loading={testing.isPending} onClick={sendTest} aria-label={`Send test to ${method.label}`}>
            Send test
          </Button>
          <ConfirmButton
            label={`Remove ${method.label}`}
            icon={<IconTrash size={16} />}
            message={`${method.address} will no longer be used, and its notification rules are removed with it.`}
            confirmLabel="Remove contact method"
            onConfirm={() => removing.mutateAsync(method.id)}
          />
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
