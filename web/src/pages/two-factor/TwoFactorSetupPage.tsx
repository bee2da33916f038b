import { Anchor, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate } from 'react-router-dom';
import { logout, sessionKey, useSession } from '../../api/session';
import { TwoFactorEnrolment } from './TwoFactorEnrolment';

/** Where a login lands when the owners require two-factor and this account has none yet. */
export function TwoFactorSetupPage() {
  const session = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  if (session.data === null) return <Navigate to="/login" replace />;
  if (!session.data) return null;
  const done = () => {
    void client.invalidateQueries({ queryKey: sessionKey }).then(() => navigate('/', { replace: true }));
  };
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={420} maw="100%">
        <Stack>
          <Title order={3}>Set up two-factor authentication</Title>
          <Text size="sm">Your organisation requires a second factor for every login. Set it up to continue.</Text>
          <TwoFactorEnrolment onDone={done} />
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => void logout().then(() => client.setQueryData(sessionKey, null))}
          >
            Log out
          </Anchor>
        </Stack>
      </Paper>
    </Center>
  );
}
