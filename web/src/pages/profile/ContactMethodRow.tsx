import { Button, Group, Stack, Table } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useRemoveContactMethod, useTestContactMethod } from '../../api/contacts';
import type { ContactMethod, VerificationResult } from '../../api/incidentTypes';
import { ConfirmButton } from '../../components/ConfirmButton';
import { notifyError } from '../../components/notifyError';
import { SigningSecret } from '../../components/SigningSecret';
import { kindLabel } from './contactKinds';
import { TelegramLink } from './TelegramLink';
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
  // A Telegram chat is linked in Telegram, not here: say so when the polled list shows it.
  const wasVerified = useRef(method.verified);
  useEffect(() => {
    if (method.kind === 'telegram' && method.verified && !wasVerified.current) {
      notifications.show({ color: 'green', title: 'Telegram linked', message: 'Your pages will arrive in that chat.' });
    }
    wasVerified.current = method.verified;
  }, [method.kind, method.verified]);
  const sendTest = () =>
    testing.mutate(method.id, {
      onSuccess: () => notifications.show({ color: 'green', title: 'Test notification queued', message: `Sending to ${method.address}` }),
      onError: notifyError,
    });
  // A Telegram method waiting for its chat gets the bot link on a row of its own, wide enough on a phone.
  const linking = method.kind === 'telegram' && !method.verified;
  return (
    <>
      <Table.Tr>
        <Table.Td>{kindLabel(method.kind)}</Table.Td>
        <Table.Td>{method.label}</Table.Td>
        <Table.Td>
          <Stack gap={4}>
            {method.kind === 'telegram' ? (method.address === '' ? 'Not linked yet' : `Chat ${method.address}`) : method.address}
            {method.signingSecret !== undefined && <SigningSecret secret={method.signingSecret} name={method.label} />}
          </Stack>
        </Table.Td>
        <Table.Td>
          <Stack gap={4} align="flex-start">
            <VerifiedBadge verified={method.verified} />
            {!method.verified && method.kind !== 'telegram' && verification !== undefined && <VerificationNotice method={method} result={verification} />}
            {!method.verified && method.kind !== 'telegram' && <VerifyCodeForm userId={userId} method={method} onSent={onVerificationSent} />}
          </Stack>
        </Table.Td>
        <Table.Td>
          <Group gap="xs" justify="flex-end" wrap="nowrap">
            {(method.kind !== 'telegram' || method.verified) && (
              <Button size="xs" variant="default" leftSection={<IconSend size={14} />} loading={testing.isPending} onClick={sendTest} aria-label={`Send test to ${method.label}`}>
                Send test
              </Button>
            )}
            <ConfirmButton
              label={`Remove ${method.label}`}
              icon={<IconTrash size={16} />}
              message={`${method.address || method.label} will no longer be used, and its notification rules are removed with it.`}
              confirmLabel="Remove contact method"
              onConfirm={() => removing.mutateAsync({ id: method.id })}
              onForce={() => removing.mutateAsync({ id: method.id, force: true })}
            />
          </Group>
        </Table.Td>
      </Table.Tr>
      {linking && (
        <Table.Tr>
          <Table.Td colSpan={5}>
            <TelegramLink userId={userId} method={method} result={verification} onIssued={onVerificationSent} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
