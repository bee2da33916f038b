import { Text } from '@mantine/core';

/** Says which zone the times are in, and the schedule's own zone when it differs. */
export function ZoneNote({ viewerZone, scheduleZone }: { viewerZone: string; scheduleZone: string }) {
  return (
    <Text size="xs" c="dimmed">
      Times in your zone, {viewerZone}
      {scheduleZone === viewerZone ? ' (also the schedule’s zone)' : ` · schedule zone ${scheduleZone}`}
    </Text>
  );
}
