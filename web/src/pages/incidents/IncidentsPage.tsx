import { Group, SegmentedControl, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import type { IncidentStatus } from '../../api/incidentTypes';
import { IncidentList } from './IncidentList';

const open: IncidentStatus[] = ['triggered', 'acknowledged'];

export function IncidentsPage() {
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Incidents</Title>
        <SegmentedControl
          aria-label="Show incidents"
          data={[
            { value: 'open', label: 'Open' },
            { value: 'all', label: 'All' },
          ]}
          value={filter}
          onChange={(value) => setFilter(value === 'all' ? 'all' : 'open')}
        />
      </Group>
      <IncidentList {...(filter === 'open' && { statuses: open })} />
    </Stack>
  );
}
