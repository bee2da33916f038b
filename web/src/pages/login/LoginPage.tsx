import { Anchor, Button, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { fieldMessages } from '../../api/ApiError';
import { login, sessionKey, useLoginMethods, useSession } from '../../api/session';
import { useSetupStatus } from '../../api/setup';
import type { Session } from '../../api/types';
import { BrandedCard } from '../../components/BrandedCard';
import { FormError } from '../../components/FormError';
import { SecondFactorForm } from './SecondFactorForm';
import { ssoErrorMessage } from './ssoErrors';

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [challenge, setChallenge] = useState<string | null>(null);
  const [showPassword, setShowPassword] = useState(false);
  const session = useSession();
  const methods = useLoginMethods();
  const setup = useSetupStatus();
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const loggedIn = (newSession: Session) => {
    client.setQueryData(sessionKey, newSession);
    void navigate(newSession.mustEnrolTwoFactor ? '/two-factor-setup' : from, { replace: true });
  };
  const loggingIn = useMutation({
    mutationFn: () => login(email, password),
    onSuccess: (answer) => ('challenge' in answer ? setChallenge(answer.challenge) : loggedIn(answer)),
  });

  if (session.data) return <Navigate to={session.data.mustEnrolTwoFactor ? '/two-factor-setup' : from} replace />;
  // Nobody can log in yet: the first visitor creates the owner.
  if (setup.data?.required) return <Navigate to="/setup" replace />;

  const errors = fieldMessages(loggingIn.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    loggingIn.mutate();
  };
  const sso = methods.data?.sso ?? null;
  // With single sign-on enforced, the password form is only the owners' way in when the provider is down.
  const passwordFirst = methods.data?.password ?? true;
  const ssoError = params.get('ssoError');

  return (
    <BrandedCard width={380}>
      {challenge !== null ? (
        <SecondFactorForm challenge={challenge} onSession={loggedIn} onRestart={() => setChallenge(null)} />
      ) : (
        <>
          {ssoError && (
            <Text c="red" size="sm" role="alert">
              {ssoErrorMessage(ssoError)}
            </Text>
          )}
          {sso && (
            <Button component="a" href={sso.startUrl} leftSection={<IconKey size={18} />} variant={passwordFirst ? 'default' : 'filled'}>
              {sso.label}
            </Button>
          )}
          {sso && (passwordFirst || showPassword) && <Divider label="or with a password" labelPosition="center" />}
          {passwordFirst || showPassword ? (
            <Stack component="form" onSubmit={submit}>
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
          ) : (
            <Anchor component="button" type="button" size="sm" c="dimmed" onClick={() => setShowPassword(true)}>
              Owner login with a password
            </Anchor>
          )}
        </>
      )}
    </BrandedCard>
  );
}
