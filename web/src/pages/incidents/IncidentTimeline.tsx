import { Anchor, Box, Group, Text, Timeline } from '@mantine/core';
import type { IncidentDetail, IncidentEvent } from '../../api/incidentTypes';
import { formatDateTime } from '../../time/format';
import { useViewerTimeZone } from '../../time/useViewerTimeZone';
import { describeEvent, type NameOf } from './describeEvent';

const alarming = new Set(['triggered', 'delivery_failed', 'exhausted', 'ack_timeout', 'no_notification_rules', 'step_skipped']);

type Change = IncidentDetail['changes'][number];
type Entry = { event: IncidentEvent } | { change: Change };
const atOf = (entry: Entry) => ('event' in entry ? entry.event.at : entry.change.at);

/** The incident's own events, with its monitor's changes (deploys…) from around then woven in by time. */
export function IncidentTimeline({ events, changes = [], nameOf }: { events: IncidentEvent[]; changes?: Change[]; nameOf: NameOf }) {
  const zone = useViewerTimeZone();
  // Timestamps are ISO in UTC, so they sort as text; the sort is stable, so events keep their order.
  const entries: Entry[] = [...changes.map((change) => ({ change })), ...events.map((event) => ({ event }))].sort((a, b) => atOf(a).localeCompare(atOf(b)));
  return (
    <Box component="section" aria-label="Timeline">
      <Timeline bulletSize={14} lineWidth={2}>
        {entries.map((entry) =>
          'event' in entry ? (
            <Timeline.Item key={entry.event.id} color={alarming.has(entry.event.kind) ? 'red' : 'blue'} title={describeEvent(entry.event, nameOf)}>
              <Text size="xs" c="dimmed">
                <time dateTime={entry.event.at}>{formatDateTime(entry.event.at, zone)}</time>
              </Text>
            </Timeline.Item>
          ) : (
            <Timeline.Item key={entry.change.id} color="gray" title={`Change: ${entry.change.summary}`}>
              <Group gap="xs">
                <Text size="xs" c="dimmed">
                  <time dateTime={entry.change.at}>{formatDateTime(entry.change.at, zone)}</time>
                </Text>
                {entry.change.details.links.map((link) => (
                  <Anchor key={link.href} href={link.href} size="xs" target="_blank" rel="noopener noreferrer">
                    {link.text}
                  </Anchor>
                ))}
              </Group>
            </Timeline.Item>
          ),
        )}
      </Timeline>
    </Box>
  );
}
