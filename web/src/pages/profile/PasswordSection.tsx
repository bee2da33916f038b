import { Button, Checkbox, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { fieldMessages } from '../../api/ApiError';
import { tokensKey } from '../../api/tokens';
import { useUpdateProfile } from '../../api/users';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { FormError } from '../../components/FormError';
import { NewPasswordFields, PASSWORD_MIN_LENGTH, useNewPassword } from '../../components/NewPasswordFields';
import { ProfileCard } from './ProfileCard';

/** Changing your password signs out every other session, and by default revokes your API tokens. */
export function PasswordSection({ onDirtyChange }: { onDirtyChange: (dirty: boolean) => void }) {
  const me = useCurrentUser();
  const client = useQueryClient();
  const saving = useUpdateProfile(me.id);
  const [current, setCurrent] = useState('');
  const next = useNewPassword();
  const [revokeTokens, setRevokeTokens] = useState(true);
  const dirty = current !== '' || next.password !== '' || next.confirm !== '';
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  const errors = fieldMessages(saving.error);

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
      { currentPassword: current, password: next.password, revokeTokens },
      {
        onSuccess: () => {
          setCurrent('');
          next.clear();
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
      description={`At least ${PASSWORD_MIN_LENGTH} characters; a long passphrase is best. Changing it signs you out everywhere else.`}
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
        <NewPasswordFields value={next} label="New password" error={errors['password']} />
        <Checkbox
          label="Also revoke my API tokens"
          description="Scripts using them stop working until given a new token. Recommended if the old password may be known to someone else."
          checked={revokeTokens}
          onChange={(e) => setRevokeTokens(e.currentTarget.checked)}
        />
        <Button type="submit" w="fit-content" disabled={current === '' || !next.acceptable} loading={saving.isPending}>
          Change password
        </Button>
      </Stack>
    </ProfileCard>
  );
}
