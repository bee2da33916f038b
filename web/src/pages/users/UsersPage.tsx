import { Button, Group, Skeleton, Stack, Table, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useUserPages } from '../../api/users';
import { hasRole } from '../../auth/roles';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { QueryError } from '../../components/QueryError';
import { CreateUserModal } from './CreateUserModal';
import { UserRow } from './UserRow';

export function UsersPage() {
  const me = useCurrentUser();
  const users = useUserPages();
  const [creating, { open, close }] = useDisclosure();

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Users</Title>
        {hasRole(me.role, 'admin') && (
          <Button leftSection={<IconPlus size={16} />} onClick={open}>
            New user
          </Button>
        )}
      </Group>
      {users.isPending && <Skeleton h={200} />}
      {users.isError && <QueryError error={users.error} />}
      {users.isSuccess && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label="Users">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Time zone</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.pages.flatMap((page) => page.items).map((user) => (
                <UserRow key={user.id} user={user} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton hasNextPage={users.hasNextPage} isFetchingNextPage={users.isFetchingNextPage} fetchNextPage={users.fetchNextPage} />
      <CreateUserModal opened={creating} onClose={close} />
    </Stack>
  );
}
