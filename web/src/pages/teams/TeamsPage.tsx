import { Anchor, Button, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useTeamPages } from '../../api/teams';
import { hasRole } from '../../auth/roles';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { QueryError } from '../../components/QueryError';
import { CreateTeamModal } from './CreateTeamModal';

export function TeamsPage() {
  const me = useCurrentUser();
  const teams = useTeamPages();
  const [creating, { open, close }] = useDisclosure();

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Teams</Title>
        {hasRole(me.role, 'admin') && (
          <Button leftSection={<IconPlus size={16} />} onClick={open}>
            New team
          </Button>
        )}
      </Group>
      {teams.isPending && <Skeleton h={200} />}
      {teams.isError && <QueryError error={teams.error} />}
      {teams.isSuccess && teams.data.pages[0]?.items.length === 0 && <Text c="dimmed">No teams yet.</Text>}
      {teams.isSuccess && teams.data.pages[0]?.items.length !== 0 && (
        <Table striped aria-label="Teams">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Description</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {teams.data.pages.flatMap((page) => page.items).map((team) => (
              <Table.Tr key={team.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/teams/${team.id}`}>
                    {team.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={2}>
                    {team.description}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <LoadMoreButton hasNextPage={teams.hasNextPage} isFetchingNextPage={teams.isFetchingNextPage} fetchNextPage={teams.fetchNextPage} />
      <CreateTeamModal opened={creating} onClose={close} />
    </Stack>
  );
}
