import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { Monitor } from '../../api/incidentTypes';
import { IncidentList } from '../incidents/IncidentList';
import { MonitorStatusBadge } from './MonitorStatusBadge';

/** A team's Manual pages monitor: Vigil's own, holding the incidents people paged by hand; nothing to set up. */
export function ManualPagesMonitor({ monitor }: { monitor: Monitor }) {
  return (
    <Stack>
      <Anchor component={Link} to="/incidents" size="sm">
        ← All incidents
      </Anchor>
      <Group>
        <Title order={2}>{monitor.name}</Title>
        <MonitorStatusBadge status={monitor.status} />
      </Group>
      <Text c="dimmed">
        Vigil keeps this monitor for the incidents the team&apos;s people open with <b>Page someone</b> on the incidents page. It has no checks, no integration key and no
        policy of its own: each page names who it pages.
      </Text>
      <Title order={3}>Incidents</Title>
      <IncidentList monitorId={monitor.id} />
    </Stack>
  );
}
