import { Badge, Select, Table } from '@mantine/core';
import { IconUserMinus } from '@tabler/icons-react';
import { useRemoveMember, useSetMember } from '../../api/teams';
import type { TeamMember, TeamRole } from '../../api/types';
import { ConfirmButton } from '../../components/ConfirmButton';
import { notifyError } from '../../components/notifyError';
import { teamRoles } from './teamRoles';

interface MemberRowProps {
  teamId: string;
  teamName: string;
  member: TeamMember;
  canManage: boolean;
}

export function MemberRow({ teamId, teamName, member, canManage }: MemberRowProps) {
  const setting = useSetMember(teamId);
  const removing = useRemoveMember(teamId);
  return (
    <Table.Tr>
      <Table.Td>{member.name}</Table.Td>
      <Table.Td>{member.email}</Table.Td>
      <Table.Td>
        {canManage ? (
          <Select<TeamRole>
            aria-label={`Team role of ${member.name}`}
            size="xs"
            w={130}
            allowDeselect={false}
            data={teamRoles}
            value={member.role}
            disabled={setting.isPending}
            onChange={(role) =>
              role !== null && role !== member.role && setting.mutate({ userId: member.userId, role }, { onError: notifyError })
            }
          />
        ) : (
          <Badge variant="light">{member.role}</Badge>
        )}
      </Table.Td>
      <Table.Td>
        {canManage && (
          <ConfirmButton
            label={`Remove ${member.name}`}
            icon={<IconUserMinus size={16} />}
            message={`${member.name} will no longer be a member of ${teamName}.`}
            confirmLabel="Remove member"
            onConfirm={() => removing.mutateAsync({ id: member.userId })}
            onForce={() => removing.mutateAsync({ id: member.userId, force: true })}
          />
        )}
      </Table.Td>
    </Table.Tr>
  );
}
