import { Anchor, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { Incident } from '../../api/incidentTypes';
import { useMonitorChoices } from '../../api/monitors';
import { RelativeTime } from '../../components/RelativeTime';
import { IncidentStatusBadge } from './IncidentStatusBadge';
import { UrgencyBadge } from './UrgencyBadge';

interface IncidentTableProps {
  incidents: Incident[];
  /** Left out on a monitor's own page, where every row has the same one. */
  showMonitor?: boolean;
}

export function IncidentTable({ incidents, showMonitor = true }: IncidentTableProps) {
  const monitors = useMonitorChoices();
  const monitorName = (id: string) => monitors.data?.find((m) => m.id === id)?.name ?? '…';
  if (incidents.length === 0) return <Text c="dimmed">No incidents.</Text>;
  return (
    <Table striped aria-label="Incidents">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Status</Table.Th>
          <Table.Th>Title</Table.Th>
          {showMonitor && <Table.Th>Monitor</Table.Th>}
          <Table.Th>Policy</Table.Th>
          <Table.Th>Triggered</Table.Th>
          <Table.Th>Alerts</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {incidents.map((incident) => (
          <Table.Tr key={incident.id}>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <IncidentStatusBadge status={incident.status} />
                {incident.urgency === 'low' && <UrgencyBadge urgency="low" />}
              </Group>
            </Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/incidents/${incident.id}`}>
                {incident.title}
              </Anchor>
            </Table.Td>
            {showMonitor && (
              <Table.Td>
                <Anchor component={Link} to={`/monitors/${incident.monitorId}`} size="sm">
                  {monitorName(incident.monitorId)}
                </Anchor>
              </Table.Td>
            )}
            <Table.Td>{incident.policy.name}</Table.Td>
            <Table.Td>
              <RelativeTime iso={incident.triggeredAt} />
            </Table.Td>
            <Table.Td>{incident.alertCount}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
