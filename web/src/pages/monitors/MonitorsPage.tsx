import { Anchor, Button, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { CreatedMonitor } from '../../api/incidentTypes';
import { useMonitorPages } from '../../api/monitors';
import { usePolicyChoices } from '../../api/policies';
import { useTeamChoices } from '../../api/teams';
import { hasRole } from '../../auth/roles';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { LoadMoreButton } from '../../components/LoadMoreButton';
import { QueryError } from '../../components/QueryError';
import { describeTarget } from './checkFormat';
import { CreatedIntegrationModal } from './CreatedIntegrationModal';
import { LastResponse } from './LastResponse';
import { MonitorFormModal } from './MonitorFormModal';
import { MonitorKindBadge } from './MonitorKindBadge';
import { isCheckedKind } from './monitorKinds';
import { MonitorStatusBadge } from './MonitorStatusBadge';

export function MonitorsPage() {
  const me = useCurrentUser();
  const monitors = useMonitorPages();
  const policies = usePolicyChoices();
  const teams = useTeamChoices();
  const navigate = useNavigate();
  const [creating, { open, close }] = useDisclosure();
  // A pushed monitor just created: its integration key is shown once before going to it.
  const [created, setCreated] = useState<CreatedMonitor | null>(null);
  const saved = (monitor: CreatedMonitor) => {
    if (monitor.integrationKey === undefined) navigate(`/monitors/${monitor.id}`);
    else {
      close();
      setCreated(monitor);
    }
  };
  const policyName = (id: string) => policies.data?.find((p) => p.id === id)?.name ?? '…';
  const teamName = (id: string) => teams.data?.find((t) => t.id === id)?.name ?? '…';
  const items = monitors.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Monitors</Title>
        {hasRole(me.role, 'responder') && (
          <Button leftSection={<IconPlus size={16} />} onClick={open}>
            New monitor
          </Button>
        )}
      </Group>
      {monitors.isPending && <Skeleton h={200} />}
      {monitors.isError && <QueryError error={monitors.error} />}
      {monitors.isSuccess && items.length === 0 && <Text c="dimmed">No monitors yet.</Text>}
      {items.length > 0 && (
        <Table striped aria-label="Monitors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Last response</Table.Th>
              <Table.Th>Escalation policy</Table.Th>
              <Table.Th>Team</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((monitor) => (
              <Table.Tr key={monitor.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/monitors/${monitor.id}`}>
                    {monitor.name}
                  </Anchor>
                  {isCheckedKind(monitor.kind) && (
                    <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                      {describeTarget(monitor)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <MonitorKindBadge kind={monitor.kind} />
                </Table.Td>
                <Table.Td>
                  <MonitorStatusBadge status={monitor.status} />
                </Table.Td>
                <Table.Td>
                  {/* Only checked monitors have one; uptime needs a request per row, so it is on the monitor's page. */}
                  {monitor.lastCheck && <LastResponse check={monitor.lastCheck} />}
                </Table.Td>
                <Table.Td>
                  {/* Only a Manual pages monitor has none, and the list leaves those out. */}
                  {monitor.policyId !== null && (
                    <Anchor component={Link} to={`/escalation-policies/${monitor.policyId}`} size="sm">
                      {policyName(monitor.policyId)}
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td>{teamName(monitor.teamId)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <LoadMoreButton hasNextPage={monitors.hasNextPage} isFetchingNextPage={monitors.isFetchingNextPage} fetchNextPage={monitors.fetchNextPage} />
      {creating && <MonitorFormModal onClose={close} onSaved={saved} />}
      {created?.integrationKey !== undefined && created.integrationUrl !== undefined && (
        <CreatedIntegrationModal
          name={created.name}
          kind={created.kind}
          integration={{ integrationKey: created.integrationKey, integrationUrl: created.integrationUrl }}
          onClose={() => navigate(`/monitors/${created.id}`)}
        />
      )}
    </Stack>
  );
}
