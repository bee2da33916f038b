import { Badge, Button, Card, Group, PasswordInput, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { fieldMessages } from '../../api/ApiError';
import { useDisableTwoFactor, useRequireTwoFactorSetting, useSetRequireTwoFactor, useTwoFactorStatus } from '../../api/twoFactor';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { FormError } from '../../components/FormError';
import { QueryError } from '../../components/QueryError';
import { notifyError } from '../../components/notifyError';
import { TwoFactorEnrolment } from '../two-factor/TwoFactorEnrolment';

/** Two-factor for password logins: on/off for yourself, and the owners' "required for everyone". */
export function TwoFactorSection() {
  const me = useCurrentUser();
  const status = useTwoFactorStatus();
  const [mode, setMode] = useState<'idle' | 'enrol' | 'disable'>('idle');
  if (status.isError) return <QueryError error={status.error} />;
  const s = status.data;
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={3} id="two-factor">
            Two-factor authentication
          </Title>
          {s && <Badge color={s.enabled ? 'green' : 'gray'}>{s.enabled ? 'On' : 'Off'}</Badge>}
        </Group>
        {s?.enabled && <Text size="sm">Logins with your password also ask for a code from your app. Recovery codes left: {s.recoveryCodesLeft}.</Text>}
        {s && !s.enabled && <Text size="sm">Protect your password login with a code from an authenticator app.</Text>}
        {mode === 'enrol' && <TwoFactorEnrolment onDone={() => setMode('idle')} />}
        {mode === 'disable' && <DisableForm onDone={() => setMode('idle')} />}
        {mode === 'idle' && s && (
          <Group>
            {s.enabled ? (
              <Button variant="default" color="red" onClick={() => setMode('disable')} disabled={s.requiredByOrganisation}>
                Turn off
              </Button>
            ) : (
              <Button onClick={() => setMode('enrol')}>Set up two-factor</Button>
            )}
          </Group>
        )}
        {me.role === 'owner' && <RequireForEveryone />}
      </Stack>
    </Card>
  );
}

function DisableForm({ onDone }: { onDone: () => void }) {
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const disable = useDisableTwoFactor();
  const errors = fieldMessages(disable.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    disable.mutate(
      { password, code: code.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', title: 'Two-factor is off', message: 'Your password alone logs you in again' });
          onDone();
        },
      },
    );
  };
  return (
    <Stack component="form" onSubmit={submit}>
      <FormError error={disable.error} />
      <PasswordInput label="Password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={errors['password']} />
      <TextInput label="Code from the app, or a recovery code" autoComplete="one-time-code" required value={code} onChange={(e) => setCode(e.currentTarget.value)} error={errors['code']} />
      <Group>
        <Button type="submit" color="red" loading={disable.isPending}>
          Turn off two-factor
        </Button>
        <Button variant="subtle" onClick={onDone}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}

function RequireForEveryone() {
  const setting = useRequireTwoFactorSetting();
  const update = useSetRequireTwoFactor();
  return (
    <Switch
      label="Require two-factor for everyone's password login"
      description="People without it are sent to set it up at their next login"
      checked={setting.data?.required ?? false}
      disabled={!setting.data || update.isPending}
      onChange={(e) =>
        update.mutate(e.currentTarget.checked, {
          onSuccess: (answer) =>
            notifications.show({ color: 'green', title: answer.required ? 'Two-factor is now required' : 'Two-factor is now optional', message: 'Applies from the next login' }),
          onError: notifyError,
        })
      }
    />
  );
}
