import { Box, Text, Timeline } from '@mantine/core';
import type { IncidentEvent } from '../../api/incidentTypes';
import { formatDateTime } from '../../time/format';
import { useViewerTimeZone } from '../../time/useViewerTimeZone';
import { describeEvent, type NameOf } from './describeEvent';

const alarming = new Set(['triggered', 'delivery_failed', 'exhausted', 'ack_timeout', 'no_notification_rules', 'step_skipped']);

export function IncidentTimeline({ events, nameOf }: { events: IncidentEvent[]; nameOf: NameOf }) {
  const zone = useViewerTimeZone();
  return (
    <Box component="section" aria-label="Timeline">
      <Timeline bulletSize={14} lineWidth={2}>
      {events.map((event) => (
        <Timeline.Item key={event.id} color={alarming.has(event.kind) ? 'red' : 'blue'} title={describeEvent(event, nameOf)}>
          <Text size="xs" c="dimmed">
            <time dateTime={event.at}>{formatDateTime(event.at, zone)}</time>
          </Text>
        </Timeline.Item>
      ))}
      </Timeline>
    </Box>
  );
}
