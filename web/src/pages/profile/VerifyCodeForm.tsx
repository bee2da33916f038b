import { Button, Group, TextInput } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { fieldMessages } from '../../api/ApiError';
import { useSendVerification, useVerifyContactMethod } from '../../api/contacts';
import type { ContactMethod, VerificationResult } from '../../api/incidentTypes';
import { notifyError } from '../../components/notifyError';

interface VerifyCodeFormProps {
  userId: string;
  method: ContactMethod;
  /** Reports whether a new code went out. */
  onSent: (result: VerificationResult) => void;
}

/** Enter the 6-digit code sent to an unverified method, or ask for a new one. */
export function VerifyCodeForm({ userId, method, onSent }: VerifyCodeFormProps) {
  const verifying = useVerifyContactMethod(userId);
  const sending = useSendVerification(userId);
  const [code, setCode] = useState('');
  const errors = fieldMessages(verifying.error);
  // A problem that is not about the code (say, a network failure) still needs saying.
  const error = errors['code'] ?? verifying.error?.message;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    verifying.mutate({ id: method.id, code: code.trim() });
  };
  const resend = () => {
    verifying.reset();
    sending.mutate(method.id, {
      onSuccess: (answer) => onSent(answer.verification ?? { sent: false, error: 'the server did not say whether it was sent' }),
      onError: notifyError,
    });
  };

  return (
    <form onSubmit={submit} aria-label={`Verify ${method.label}`}>
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <TextInput
          size="xs"
          label="Enter code"
          placeholder="123456"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={error}
          w={130}
        />
        <Button size="xs" type="submit" mt={22} disabled={code.trim() === ''} loading={verifying.isPending}>
          Verify
        </Button>
        <Button size="xs" variant="subtle" mt={22} leftSection={<IconRefresh size={14} />} loading={sending.isPending} onClick={resend}>
          Send a new code
        </Button>
      </Group>
    </form>
  );
}
