import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/ApiError';
import { loginSecondFactor } from '../../api/session';
import type { Session } from '../../api/types';
import { FormError } from '../../components/FormError';

/** The second login step: six digits from the authenticator app, or a recovery code. */
export function SecondFactorForm({ challenge, onSession, onRestart }: { challenge: string; onSession: (s: Session) => void; onRestart: () => void }) {
  const [code, setCode] = useState('');
  const verifying = useMutation({ mutationFn: () => loginSecondFactor(challenge, code.trim()), onSuccess: onSession });
  // The challenge is gone after five wrong codes or five minutes: the password is needed again.
  const expired = verifying.error instanceof ApiError && verifying.error.code === 'unauthenticated';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    verifying.mutate();
  };
  return (
    <Stack component="form" onSubmit={submit}>
      <Text size="sm">Enter the 6-digit code from your authenticator app, or one of your recovery codes.</Text>
      <FormError error={verifying.error} />
      <TextInput
        label="Authentication code"
        autoComplete="one-time-code"
        inputMode="text"
        autoFocus
        required
        value={code}
        onChange={(e) => setCode(e.currentTarget.value)}
      />
      {expired ? (
        <Button onClick={onRestart}>Log in again</Button>
      ) : (
        <Button type="submit" loading={verifying.isPending}>
          Verify
        </Button>
      )}
      <Anchor component="button" type="button" size="sm" onClick={onRestart}>
        Use another account
      </Anchor>
    </Stack>
  );
}
