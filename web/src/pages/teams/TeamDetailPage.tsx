import { Anchor, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useDeleteTeam, useTeam } from '../../api/teams';
import { hasRole } from '../../auth/roles';
import { teamAccess } from '../../auth/teamAccess';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { ConfirmButton } from '../../components/ConfirmButton';
import { QueryError } from '../../components/QueryError';
import { AddMemberForm } from './AddMemberForm';
import { MemberRow } from './MemberRow';

export function TeamDetailPage() {
  const { teamId = '' } = useParams();
  const me = useCurrentUser();
  const team = useTeam(teamId);
  const deleting = useDeleteTeam();
  const navigate = useNavigate();

  if (team.isPending) return <Skeleton h={240} />;
  if (team.isError) return <QueryError error={team.error} />;

  const { name, description, members } = team.data;
  const isAdmin = hasRole(me.role, 'admin');
  const canManage = teamAccess(me, members).mayManage;

  return (
    <Stack>
      <Anchor component={Link} to="/teams" size="sm">
        ← All teams
      </Anchor>
      <Group justify="space-between">
        <Title order={2}>{name}</Title>
        {isAdmin && (
          <ConfirmButton
            label={`Delete team ${name}`}
            icon={<IconTrash size={18} />}
            message={`The team ${name} and its memberships will be deleted. Its users stay.`}
            confirmLabel="Delete team"
            onConfirm={() => deleting.mutateAsync({ id: teamId }).then(() => navigate('/teams', { replace: true }))}
            onForce={() => deleting.mutateAsync({ id: teamId, force: true }).then(() => navigate('/teams', { replace: true }))}
          />
        )}
      </Group>
      {description !== '' && <Text c="dimmed">{description}</Text>}
      <Title order={3}>Members</Title>
      {members.length === 0 ? (
        <Text c="dimmed">No members yet.</Text>
      ) : (
        <Table striped aria-label="Members">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Team role</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((member) => (
              <MemberRow key={member.userId} teamId={teamId} teamName={name} member={member} canManage={canManage} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canManage && <AddMemberForm teamId={teamId} members={members} />}
    </Stack>
  );
}
