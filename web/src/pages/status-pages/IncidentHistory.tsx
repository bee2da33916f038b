import { Badge, Group, Stack, Text, Timeline } from '@mantine/core';
import { useState } from 'react';
import type { StatusIncidentEntry } from '../../api/statusPageTypes';
import { formatWithYear } from '../../time/withYear';
import { updateStatuses } from './statusWords';

/** A public incident's updates, newest first, as the page lists them. */
export function IncidentHistory({ entries, zone }: { entries: StatusIncidentEntry[]; zone: string }) {
  // The browser's clock: whether a date needs its year.
  const [now] = useState(() => new Date().getTime());
  return (
    <Timeline bulletSize={12} lineWidth={2}>
      {entries.map((entry) => (
        <Timeline.Item key={entry.id} color={updateStatuses[entry.status].color}>
          <Stack gap={2}>
            <Group gap="xs">
              <Badge size="sm" variant="light" color={updateStatuses[entry.status].color}>
                {updateStatuses[entry.status].label}
              </Badge>
              <Text size="xs" c="dimmed">
                <time dateTime={entry.at}>{formatWithYear(entry.at, zone, now)}</time>
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {entry.body}
            </Text>
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
