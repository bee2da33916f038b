import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, Navigate } from 'react-router-dom';
import { ApiError, fieldMessages } from '../../api/ApiError';
import { sessionKey } from '../../api/session';
import { createFirstOwner, setupKey } from '../../api/setup';
import { FormError } from '../../components/FormError';
import { TimeZoneSelect } from '../../components/TimeZoneSelect';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';

/** The API's rule for passwords (src/http/schemas/user.ts). */
const MIN_LENGTH = 8;
const MAX_LENGTH = 512;

const browserTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Name, email, password (twice) and time zone of the first owner; logs them in on success. */
export function FirstOwnerForm() {
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const creating = useMutation({
    mutationFn: () => createFirstOwner({ name: name.trim(), email: email.trim(), password, timeZone }),
    onSuccess: (session) => {
      client.setQueryData(sessionKey, session);
      client.setQueryData(setupKey, { required: false });
      notifications.show({ color: 'green', title: `Welcome, ${session.user.name}`, message: 'You are the owner of this Vigil. Next, add your team and its people.' });
    },
    onError: (error) => {
      // Someone else finished the setup first: from now on this is a login.
      if (error instanceof ApiError && error.code === 'setup_done') client.setQueryData(setupKey, { required: false });
    },
  });

  // Rendered once the session is in place, so the guard below no longer sees edits.
  if (creating.isSuccess) return <Navigate to="/" replace />;

  const dirty = name !== '' || email !== '' || password !== '' || confirm !== '';
  const errors = fieldMessages(creating.error);
  const tooShort = password !== '' && password.length < MIN_LENGTH;
  const mismatch = confirm !== '' && confirm !== password;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password.length >= MIN_LENGTH && confirm === password) creating.mutate();
  };

  return (
    <Stack component="form" onSubmit={submit} aria-label="Create the owner account">
      <UnsavedChangesGuard dirty={dirty && !creating.isPending} />
      <FormError error={creating.error} />
      {creating.error instanceof ApiError && creating.error.code === 'setup_done' && (
        <Anchor component={Link} to="/login" size="sm">
          Go to the login page
        </Anchor>
      )}
      <TextInput label="Your name" autoComplete="name" required maxLength={200} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors['name']} />
      <TextInput
        label="Email"
        type="email"
        autoComplete="username"
        required
        maxLength={254}
        description="You log in with it"
        value={email}
        onChange={(e) => setEmail(e.currentTarget.value)}
        error={errors['email']}
      />
      <PasswordInput
        label="Password"
        autoComplete="new-password"
        required
        maxLength={MAX_LENGTH}
        description={`At least ${MIN_LENGTH} characters; a long passphrase is best`}
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={errors['password'] ?? (tooShort ? `Use at least ${MIN_LENGTH} characters` : undefined)}
      />
      <PasswordInput
        label="Repeat the password"
        autoComplete="new-password"
        required
        value={confirm}
        onChange={(e) => setConfirm(e.currentTarget.value)}
        error={mismatch ? 'Does not match the password' : undefined}
      />
      <TimeZoneSelect value={timeZone} onChange={setTimeZone} error={errors['timeZone']} label="Your time zone" />
      <Button type="submit" loading={creating.isPending} disabled={password.length < MIN_LENGTH || confirm !== password}>
        Create owner account
      </Button>
    </Stack>
  );
}
