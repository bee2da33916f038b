import { Button, Group, Select } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useSetMember } from '../../api/teams';
import type { TeamMember, TeamRole } from '../../api/types';
import { useUserChoices } from '../../api/users';
import { FormError } from '../../components/FormError';
import { teamRoles } from './teamRoles';

/** Picks a user who is not yet a member and adds them with a team role. */
export function AddMemberForm({ teamId, members }: { teamId: string; members: TeamMember[] }) {
  const users = useUserChoices();
  const adding = useSetMember(teamId);
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState<TeamRole>('member');
  const memberIds = new Set(members.map((m) => m.userId));
  const candidates = (users.data ?? [])
    .filter((user) => !memberIds.has(user.id))
    .map((user) => ({ value: user.id, label: `${user.name} (${user.email})` }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (userId === null) return;
    adding.mutate({ userId, role }, { onSuccess: () => setUserId(null) });
  };

  return (
    <form onSubmit={submit}>
      <FormError error={adding.error} />
      <Group align="flex-end" mt="xs">
        <Select
          label="User"
          placeholder={users.isPending ? 'Loading users…' : 'Pick a user'}
          searchable
          nothingFoundMessage="No user left to add"
          data={candidates}
          value={userId}
          onChange={setUserId}
          w={320}
        />
        <Select<TeamRole>
          label="Team role"
          allowDeselect={false}
          data={teamRoles}
          value={role}
          onChange={(value) => value !== null && setRole(value)}
          w={140}
        />
        <Button type="submit" leftSection={<IconUserPlus size={16} />} disabled={userId === null} loading={adding.isPending}>
          Add member
        </Button>
      </Group>
    </form>
  );
}
