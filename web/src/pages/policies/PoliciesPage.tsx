import { Anchor, Badge, Button, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { Policy } from '../../api/incidentTypes';
import { usePolicyPages } from '../../api/policies';
import { useTeamChoices } from '../../api/teams';
import { hasRole } from '../../auth/roles';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { QueryError } from '../../components/QueryError';

function summary({ steps, repeat, ackTimeoutSeconds }: Policy): string {
  const parts = [`${steps.length} step${steps.length === 1 ? '' : 's'}`];
  if (repeat > 0) parts.push(`repeats ${repeat} time${repeat === 1 ? '' : 's'}`);
  if (ackTimeoutSeconds !== null) parts.push(`ack timeout ${ackTimeoutSeconds / 60} min`);
  return parts.join(', ');
}

export function PoliciesPage() {
  const me = useCurrentUser();
  const policies = usePolicyPages();
  const teams = useTeamChoices();
  const teamName = (id: string) => teams.data?.find((t) => t.id === id)?.name ?? '…';
  const items = policies.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Escalation policies</Title>
        {hasRole(me.role, 'responder') && (
          <Button component={Link} to="/escalation-policies/new" leftSection={<IconPlus size={16} />}>
            New policy
          </Button>
        )}
      </Group>
      {policies.isPending && <Skeleton h={200} />}
      {policies.isError && <QueryError error={policies.error} />}
      {policies.isSuccess && items.length === 0 && <Text c="dimmed">No escalation policies yet.</Text>}
      {items.length > 0 && (
        <Table striped aria-label="Escalation policies">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Team</Table.Th>
              <Table.Th>Steps</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((policy) => (
              <Table.Tr key={policy.id}>
                <Table.Td>
                  <Group gap="xs">
                    <Anchor component={Link} to={`/escalation-policies/${policy.id}`}>
                      {policy.name}
                    </Anchor>
                    {policy.pagingProblem && (
                      <Badge color="red" variant="light" title={policy.pagingProblem.warnings.map((w) => w.message).join('\n')}>
                        Reaches nobody
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{teamName(policy.teamId)}</Table.Td>
                <Table.Td>{summary(policy)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <LoadMoreButton hasNextPage={policies.hasNextPage} isFetchingNextPage={policies.isFetchingNextPage} fetchNextPage={policies.fetchNextPage} />
    </Stack>
  );
}
