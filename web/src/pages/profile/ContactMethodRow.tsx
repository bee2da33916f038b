import { Button, Group, Stack, Table } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend, IconTrash } from '@tabler/icons-react';
import { useRemoveContactMethod, useTestContactMethod } from '../../api/contacts';
import type { ContactMethod, VerificationResult } from '../../api/incidentTypes';
import { ConfirmButton } from '../../components/ConfirmButton';
import { notifyError } from '../../components/notifyError';
import { SigningSecret } from '../../components/SigningSecret';
import { kindLabel } from './contactKinds';
import { VerificationNotice } from './VerificationNotice';
import { VerifiedBadge } from './VerifiedBadge';
import { VerifyCodeForm } from './VerifyCodeForm';

interface ContactMethodRowProps {
  userId: string;
  method: ContactMethod;
  /** Whether the last code requested for this method went out, if one was requested here. */
  verification: VerificationResult | undefined;
  onVerificationSent: (result: VerificationResult) => void;
}

export function ContactMethodRow({ userId, method, verification, onVerificationSent }: ContactMethodRowProps) {
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
      <Table.Td>
        <Stack gap={4}>
          {method.address}
          {method.signingSecret !== undefined && <SigningSecret secret={method.signingSecret} name={method.label} />}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <VerifiedBadge verified={method.verified} />
          {!method.verified && verification !== undefined && <VerificationNotice method={method} result={verification} />}
          {!method.verified && <VerifyCodeForm userId={userId} method={method} onSent={onVerificationSent} />}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <Button size="xs" variant="default" leftSection={<IconSend size={14} />} loading={testing.isPending} onClick={sendTest} aria-label={`Send test to ${method.label}`}>
            Send test
          </Button>
          <ConfirmButton
            label={`Remove ${method.label}`}
            icon={<IconTrash size={16} />}
            message={`${method.address} will no longer be used, and its notification rules are removed with it.`}
            confirmLabel="Remove contact method"
            onConfirm={() => removing.mutateAsync({ id: method.id })}
            onForce={() => removing.mutateAsync({ id: method.id, force: true })}
          />
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
