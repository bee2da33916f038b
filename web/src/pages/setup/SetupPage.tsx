import { Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconBellRinging } from '@tabler/icons-react';
import { Navigate } from 'react-router-dom';
import { useSetupStatus } from '../../api/setup';
import { PageLoader } from '../../components/PageLoader';
import { QueryError } from '../../components/QueryError';
import { FirstOwnerForm } from './FirstOwnerForm';

/** First run without the demo: whoever opens Vigil first creates the owner account. */
export function SetupPage() {
  const status = useSetupStatus();
  if (status.isPending) return <PageLoader />;
  if (status.isError) return <QueryError error={status.error} />;
  if (!status.data.required) return <Navigate to="/login" replace />;
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={440} maw="100%">
        <Stack>
          <Group gap="xs" justify="center">
            <IconBellRinging size={28} />
            <Title order={2}>Vigil</Title>
          </Group>
          <Title order={3}>Welcome! Create the owner account</Title>
          <Text size="sm" c="dimmed">
            Nobody has an account here yet. The account you create now owns this Vigil: it can add people, grant roles and change every setting.
          </Text>
          <FirstOwnerForm />
        </Stack>
      </Paper>
    </Center>
  );
}
