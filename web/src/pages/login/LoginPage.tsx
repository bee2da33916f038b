import { Button, Center, Group, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { IconBellRinging } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { fieldMessages } from '../../api/ApiError';
import { login, sessionKey, useSession } from '../../api/session';
import { FormError } from '../../components/FormError';

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const session = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const loggingIn = useMutation({
    mutationFn: () => login(email, password),
    onSuccess: (newSession) => {
      client.setQueryData(sessionKey, newSession);
      void navigate(from, { replace: true });
    },
  });

  if (session.data) return <Navigate to={from} replace />;

  const errors = fieldMessages(loggingIn.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    loggingIn.mutate();
  };

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={380} component="form" onSubmit={submit}>
        <Stack>
          <Group gap="xs" justify="center">
            <IconBellRinging size={28} />
            <Title order={2}>Vigil</Title>
          </Group>
          <FormError error={loggingIn.error} />
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors['email']}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors['password']}
          />
          <Button type="submit" loading={loggingIn.isPending}>
            Log in
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
