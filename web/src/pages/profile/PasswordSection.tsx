import { Button, Checkbox, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { fieldMessages } from '../../api/ApiError';
import { tokensKey } from '../../api/tokens';
import { useUpdateProfile } from '../../api/users';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { FormError } from '../../components/FormError';
import { ProfileCard } from './ProfileCard';

/** The API's rule (src/http/schemas/user.ts). */
const MIN_LENGTH = 8;
const MAX_LENGTH = 512;

/** Changing your password signs out every other session, and by default revokes your API tokens. */
export function PasswordSection({ onDirtyChange }: { onDirtyChange: (dirty: boolean) => void }) {
  const me = useCurrentUser();
  const client = useQueryClient();
  const saving = useUpdateProfile(me.id);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [revokeTokens, setRevokeTokens] = useState(true);
  const dirty = current !== '' || next !== '' || confirm !== '';
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  const errors = fieldMessages(saving.error);
  const tooShort = next !== '' && next.length < MIN_LENGTH;
  const mismatch = confirm !== '' && confirm !== next;

  if (!me.hasPassword) {
    return (
      <ProfileCard id="password" title="Password">
        <Text size="sm">You sign in with single sign-on: your password is managed by your identity provider, not by Vigil.</Text>
      </ProfileCard>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    saving.mutate(
      { currentPassword: current, password: next, revokeTokens },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setConfirm('');
          if (revokeTokens) void client.invalidateQueries({ queryKey: tokensKey });
          notifications.show({
            color: 'green',
            title: 'Password changed',
            message: `Your other sessions were signed out${revokeTokens ? ' and your API tokens revoked' : ''}.`,
          });
        },
      },
    );
  };

  return (
    <ProfileCard
      id="password"
      title="Password"
      description={`At least ${MIN_LENGTH} characters (up to ${MAX_LENGTH}); a long passphrase is best. Changing it signs you out everywhere else.`}
    >
      <Stack component="form" onSubmit={submit} aria-label="Change password" gap="sm" maw={420}>
        <FormError error={saving.error} />
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          error={errors['currentPassword']}
        />
        <PasswordInput
          label="New password"
          autoComplete="new-password"
          required
          maxLength={MAX_LENGTH}
          value={next}
          onChange={(e) => setNext(e.currentTarget.value)}
          error={errors['password'] ?? (tooShort ? `Use at least ${MIN_LENGTH} characters` : undefined)}
        />
        <PasswordInput
          label="Repeat the new password"
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          error={mismatch ? 'Does not match the new password' : undefined}
        />
        <Checkbox
          label="Also revoke my API tokens"
          description="Scripts using them stop working until given a new token. Recommended if the old password may be known to someone else."
          checked={revokeTokens}
          onChange={(e) => setRevokeTokens(e.currentTarget.checked)}
        />
        <Button type="submit" w="fit-content" disabled={current === '' || next.length < MIN_LENGTH || confirm !== next} loading={saving.isPending}>
          Change password
        </Button>
      </Stack>
    </ProfileCard>
  );
}
