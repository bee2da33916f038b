import { Button, Collapse, Group, MultiSelect, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useMonitorChoices } from '../../api/monitors';
import { usePolicyChoices } from '../../api/policies';
import { useTeamChoices } from '../../api/teams';
import { useUserChoices } from '../../api/users';
import type { IncidentStatus } from '../../api/incidentTypes';
import { activeFilters, defaultOrder, OPEN, type IncidentListView, type Order, type Sort, type Urgency } from './incidentListView';

interface IncidentFiltersProps {
  view: IncidentListView;
  onChange: (patch: Partial<IncidentListView>) => void;
}

const statusOptions = [
  { value: 'triggered', label: 'Triggered' },
  { value: 'acknowledged', label: 'Acknowledged' },
  { value: 'resolved', label: 'Resolved' },
];
const urgencyOptions = [
  { value: 'high', label: 'High' },
  { value: 'low', label: 'Low' },
];
const suppressedOptions = [
  { value: 'true', label: 'Suppressed only' },
  { value: 'false', label: 'Not suppressed' },
];
export const sortOptions: { value: Sort; label: string }[] = [
  { value: 'triggeredAt', label: 'Triggered' },
  { value: 'status', label: 'Status' },
  { value: 'urgency', label: 'Urgency' },
  { value: 'title', label: 'Title' },
];

/** The list's filters: always shown on a wide screen, folded behind a Filters button on a phone. */
export function IncidentFilters({ view, onChange }: IncidentFiltersProps) {
  const wide = useMediaQuery('(min-width: 48em)', true);
  const [opened, { toggle }] = useDisclosure(false);
  const teams = useTeamChoices();
  const monitors = useMonitorChoices();
  const policies = usePolicyChoices();
  const users = useUserChoices();
  const active = activeFilters(view);
  const id = (value: string | null) => value;

  const fields = (
    <Paper withBorder p="sm">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <MultiSelect
          label="Status"
          placeholder={view.statuses.length === 0 ? 'Any status' : undefined}
          data={statusOptions}
          value={view.statuses}
          onChange={(values) => onChange({ statuses: values as IncidentStatus[] })}
        />
        <MultiSelect
          label="Urgency"
          placeholder={view.urgencies.length === 0 ? 'Any urgency' : undefined}
          data={urgencyOptions}
          value={view.urgencies}
          onChange={(values) => onChange({ urgencies: values as Urgency[] })}
        />
        <Select label="Team" placeholder="Any team" clearable searchable data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))} value={view.teamId} onChange={(v) => onChange({ teamId: id(v) })} />
        <Select
          label="Monitor"
          placeholder="Any monitor"
          clearable
          searchable
          data={(monitors.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
          value={view.monitorId}
          onChange={(v) => onChange({ monitorId: id(v) })}
        />
        <Select
          label="Policy"
          placeholder="Any policy"
          clearable
          searchable
          data={(policies.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={view.policyId}
          onChange={(v) => onChange({ policyId: id(v) })}
        />
        <Select
          label="Assignee"
          title="Someone paged for the incident or who acknowledged it"
          placeholder="Anyone"
          clearable
          searchable
          data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={view.assigneeId}
          onChange={(v) => onChange({ assigneeId: id(v) })}
        />
        <Select
          label="Suppressed"
          title="Incidents recorded without paging anyone: an event rule suppressed them, or a monitor they depend on was down"
          placeholder="Either"
          clearable
          data={suppressedOptions}
          value={view.suppressed === null ? null : String(view.suppressed)}
          onChange={(v) => onChange({ suppressed: v === null ? null : v === 'true' })}
        />
        <TextInput label="Triggered from" type="date" value={view.from ?? ''} max={view.to ?? undefined} onChange={(e) => onChange({ from: e.currentTarget.value || null })} />
        <TextInput label="Triggered to" type="date" value={view.to ?? ''} min={view.from ?? undefined} onChange={(e) => onChange({ to: e.currentTarget.value || null })} />
        <Select
          label="Sort by"
          data={sortOptions}
          value={view.sort}
          allowDeselect={false}
          onChange={(v) => {
            const sort = (v ?? 'triggeredAt') as Sort;
            onChange({ sort, order: defaultOrder(sort) });
          }}
        />
        <Select
          label="Order"
          data={[
            { value: 'asc', label: view.sort === 'triggeredAt' ? 'Oldest first' : 'Ascending' },
            { value: 'desc', label: view.sort === 'triggeredAt' ? 'Newest first' : 'Descending' },
          ]}
          value={view.order}
          allowDeselect={false}
          onChange={(v) => onChange({ order: (v ?? 'desc') as Order })}
        />
      </SimpleGrid>
      {active > 0 && (
        <Group justify="flex-end" mt="sm">
          <Button variant="subtle" size="xs" onClick={() => onChange({ statuses: OPEN, urgencies: [], teamId: null, monitorId: null, policyId: null, assigneeId: null, suppressed: null, from: null, to: null })}>
            Clear filters
          </Button>
        </Group>
      )}
    </Paper>
  );

  if (wide) return fields;
  return (
    <>
      <Button variant="default" onClick={toggle} aria-expanded={opened}>
        {active > 0 ? `Filters (${active})` : 'Filters'}
      </Button>
      <Collapse expanded={opened}>{fields}</Collapse>
    </>
  );
}
