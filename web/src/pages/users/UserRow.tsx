import { Badge, Table } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { User } from '../../api/types';
import { useDeleteUser } from '../../api/users';
import { hasRole } from '../../auth/roles';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { ConfirmButton } from '../../components/ConfirmButton';
import { UserRoleSelect } from './UserRoleSelect';

export function UserRow({ user }: { user: User }) {
  const me = useCurrentUser();
  const deleting = useDeleteUser();
  // Same rules as the server: admins manage users, only an owner manages an owner;
  // nobody edits their own role or deletes themselves here.
  const canManage = hasRole(me.role, 'admin') && user.id !== me.id && (user.role !== 'owner' || me.role === 'owner');
  return (
    <Table.Tr>
      <Table.Td>{user.name}</Table.Td>
      <Table.Td>{user.email}</Table.Td>
      <Table.Td>{canManage ? <UserRoleSelect user={user} actorRole={me.role} /> : <Badge variant="light">{user.role}</Badge>}</Table.Td>
      <Table.Td>{user.timeZone}</Table.Td>
      <Table.Td>
        {canManage && (
          <ConfirmButton
            label={`Delete ${user.name}`}
            icon={<IconTrash size={16} />}
            message={`${user.name} (${user.email}) will lose access and be removed from all teams.`}
            confirmLabel="Delete user"
            onConfirm={() => deleting.mutateAsync({ id: user.id })}
            onForce={() => deleting.mutateAsync({ id: user.id, force: true })}
          />
        )}
      </Table.Td>
    </Table.Tr>
  );
}
