import { Anchor, Checkbox, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { Incident } from '../../api/incidentTypes';
import { useMonitorChoices } from '../../api/monitors';
import { RelativeTime } from '../../components/RelativeTime';
import { IncidentStatusBadge } from './IncidentStatusBadge';
import { SuppressedBadge } from './SuppressedBadge';
import { UrgencyBadge } from './UrgencyBadge';
import type { Order, Sort } from './incidentListView';

interface IncidentTableProps {
  incidents: Incident[];
  /** Left out on a monitor's own page, where every row has the same one. */
  showMonitor?: boolean;
  /** Makes the column headers sort the list (the incident list); without it the table is in the order given. */
  sort?: { sort: Sort; order: Order; onSort: (sort: Sort) => void };
  /** Checkboxes to act on several at once; absent for those who cannot act. */
  selection?: { selected: ReadonlySet<string>; onChange: (selected: Set<string>) => void };
  /** Still the previous filter's rows while the new ones load: shown faded, and busy to assistive technology. */
  stale?: boolean;
}

function SortHeader({ label, column, sort }: { label: string; column: Sort; sort: IncidentTableProps['sort'] }) {
  if (!sort) return <Table.Th>{label}</Table.Th>;
  const active = sort.sort === column;
  const Arrow = sort.order === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => sort.onSort(column)} fw={700} fz="sm">
        <Group gap={4} wrap="nowrap">
          {label}
          {active && <Arrow size={14} aria-hidden />}
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

export function IncidentTable({ incidents, showMonitor = true, sort, selection, stale = false }: IncidentTableProps) {
  const monitors = useMonitorChoices();
  const monitorName = (id: string) => monitors.data?.find((m) => m.id === id)?.name ?? '…';
  if (incidents.length === 0) return <Text c="dimmed">No incidents.</Text>;
  // Room for the status and the suppressed badge side by side, without cutting either short.
  const statusWidth = incidents.some((i) => i.suppression !== null) ? 270 : sort ? 150 : undefined;
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table striped aria-label="Incidents" aria-busy={stale} opacity={stale ? 0.6 : 1}>
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th w={40}>
                <Checkbox
                  aria-label="Select all shown"
                  checked={incidents.length > 0 && incidents.every((i) => selection.selected.has(i.id))}
                  indeterminate={incidents.some((i) => selection.selected.has(i.id)) && !incidents.every((i) => selection.selected.has(i.id))}
                  onChange={(e) => selection.onChange(new Set(e.currentTarget.checked ? incidents.map((i) => i.id) : []))}
                />
              </Table.Th>
            )}
            <SortHeader label="Status" column="status" sort={sort} />
            {sort && <SortHeader label="Urgency" column="urgency" sort={sort} />}
            <SortHeader label="Title" column="title" sort={sort} />
            {showMonitor && <Table.Th>Monitor</Table.Th>}
            <Table.Th>Policy</Table.Th>
            <SortHeader label="Triggered" column="triggeredAt" sort={sort} />
            <Table.Th>Alerts</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {incidents.map((incident) => (
            <Table.Tr key={incident.id}>
              {selection && (
                <Table.Td>
                  <Checkbox
                    aria-label={`Select ${incident.title}`}
                    checked={selection.selected.has(incident.id)}
                    onChange={(e) => {
                      const next = new Set(selection.selected);
                      if (e.currentTarget.checked) next.add(incident.id);
                      else next.delete(incident.id);
                      selection.onChange(next);
                    }}
                  />
                </Table.Td>
              )}
              <Table.Td miw={statusWidth}>
                <Group gap={4} wrap="nowrap">
                  <IncidentStatusBadge status={incident.status} />
                  {!sort && incident.urgency === 'low' && <UrgencyBadge urgency="low" />}
                  {incident.suppression !== null && <SuppressedBadge />}
                </Group>
              </Table.Td>
              {sort && (
                <Table.Td miw={150}>
                  <UrgencyBadge urgency={incident.urgency} />
                </Table.Td>
              )}
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
    </Table.ScrollContainer>
  );
}
