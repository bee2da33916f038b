import { PasswordInput } from '@mantine/core';
import { useState } from 'react';

/** The API's rule for passwords (src/http/schemas/user.ts). */
export const PASSWORD_MIN_LENGTH = 8;
const PASSWORD_MAX_LENGTH = 512;

export interface NewPassword {
  password: string;
  confirm: string;
  setPassword: (value: string) => void;
  setConfirm: (value: string) => void;
  /** Long enough and repeated alike: worth sending. */
  acceptable: boolean;
  clear: () => void;
}

export function useNewPassword(): NewPassword {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  return {
    password,
    confirm,
    setPassword,
    setConfirm,
    acceptable: password.length >= PASSWORD_MIN_LENGTH && confirm === password,
    clear: () => {
      setPassword('');
      setConfirm('');
    },
  };
}

/**
 * A new password typed twice, with the length rule and the match checked as the user
 * types, so a typo is caught before the request rather than at the next login.
 */
export function NewPasswordFields({ value, label, description, error }: { value: NewPassword; label: string; description?: string; error: string | undefined }) {
  const { password, confirm, setPassword, setConfirm } = value;
  const tooShort = password !== '' && password.length < PASSWORD_MIN_LENGTH;
  const mismatch = confirm !== '' && confirm !== password;
  return (
    <>
      <PasswordInput
        label={label}
        autoComplete="new-password"
        required
        maxLength={PASSWORD_MAX_LENGTH}
        description={description}
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={error ?? (tooShort ? `Use at least ${PASSWORD_MIN_LENGTH} characters` : undefined)}
      />
      <PasswordInput
        label={`Repeat the ${label.toLowerCase()}`}
        autoComplete="new-password"
        required
        value={confirm}
        onChange={(e) => setConfirm(e.currentTarget.value)}
        error={mismatch ? `Does not match the ${label.toLowerCase()}` : undefined}
      />
    </>
  );
}
