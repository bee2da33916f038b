import { Anchor, Button, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, Navigate } from 'react-router-dom';
import { ApiError, fieldMessages } from '../../api/ApiError';
import { sessionKey } from '../../api/session';
import { createFirstOwner, setupKey } from '../../api/setup';
import { FormError } from '../../components/FormError';
import { NewPasswordFields, PASSWORD_MIN_LENGTH, useNewPassword } from '../../components/NewPasswordFields';
import { TimeZoneSelect } from '../../components/TimeZoneSelect';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';

const browserTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Name, email, password (twice) and time zone of the first owner; logs them in on success. */
export function FirstOwnerForm() {
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const password = useNewPassword();
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const creating = useMutation({
    mutationFn: () => createFirstOwner({ name: name.trim(), email: email.trim(), password: password.password, timeZone }),
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

  const dirty = name !== '' || email !== '' || password.password !== '' || password.confirm !== '';
  const errors = fieldMessages(creating.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password.acceptable) creating.mutate();
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
      <NewPasswordFields
        value={password}
        label="Password"
        description={`At least ${PASSWORD_MIN_LENGTH} characters; a long passphrase is best`}
        error={errors['password']}
      />
      <TimeZoneSelect value={timeZone} onChange={setTimeZone} error={errors['timeZone']} label="Your time zone" />
      <Button type="submit" loading={creating.isPending} disabled={!password.acceptable}>
        Create owner account
      </Button>
    </Stack>
  );
}
