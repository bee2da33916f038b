import { Select } from '@mantine/core';
import type { Role, User } from '../../api/types';
import { useUpdateUser } from '../../api/users';
import { assignableRoles } from '../../auth/roles';
import { notifyError } from '../../components/notifyError';

/** Changes a user's role in place; only for users whose role the actor may assign. */
export function UserRoleSelect({ user, actorRole }: { user: User; actorRole: Role }) {
  const updating = useUpdateUser();
  return (
    <Select<Role>
      aria-label={`Role of ${user.name}`}
      size="xs"
      w={130}
      allowDeselect={false}
      data={assignableRoles(actorRole)}
      value={user.role}
      disabled={updating.isPending}
      onChange={(role) => role !== null && role !== user.role && updating.mutate({ id: user.id, patch: { role } }, { onError: notifyError })}
    />
  );
}
