import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { MyShift } from '../../api/myOnCall';
import { formatDuration, formatShiftSpan, formatShiftTime } from '../../time/shiftTime';
import { viaLabel } from './viaLabel';

/** The next few at a glance, short enough for a phone; the rest is one click away. */
const shownAtFirst = 3;

/** When a shift runs; an edge the API did not reach is no handoff, so it is not shown as one. */
function ShiftWhen({ shift, zone, now }: { shift: MyShift; zone: string; now: string }) {
  if (shift.startsEarlier && shift.endsLater) return <Text size="sm">No handoff in sight</Text>;
  if (shift.startsEarlier) return <Text size="sm">Until {formatShiftTime(shift.end, zone, now)}</Text>;
  if (shift.endsLater) return <Text size="sm">From {formatShiftTime(shift.start, zone, now)}, no handoff in sight</Text>;
  return (
    <Text size="sm">
      {formatShiftSpan(shift.start, shift.end, zone, now)}
      <Text span size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {' · '}
        {formatDuration(shift.start, shift.end)}
      </Text>
    </Text>
  );
}

/** Your next shifts as primary, soonest first; `now` is the server's. */
export function MyShiftList({ shifts, zone, now, days }: { shifts: MyShift[]; zone: string; now: string; days: number }) {
  const [all, setAll] = useState(false);
  if (shifts.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        You have no shifts as primary in the next {days} days.
      </Text>
    );
  }
  const shown = all ? shifts : shifts.slice(0, shownAtFirst);
  return (
    <Stack gap="xs">
      <Stack component="ul" aria-label="My next shifts" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
        {shown.map((shift) => (
          <li key={`${shift.scheduleId} ${shift.start}`}>
            <Group gap="xs">
              <Anchor component={Link} to={`/schedules/${shift.scheduleId}`} fw={600}>
                {shift.scheduleName}
              </Anchor>
              {shift.start <= now && (
                <Badge size="sm" color="green">
                  On call now
                </Badge>
              )}
            </Group>
            <ShiftWhen shift={shift} zone={zone} now={now} />
            <Text size="xs" c="dimmed">
              via {viaLabel(shift.via)}
            </Text>
          </li>
        ))}
      </Stack>
      {shifts.length > shownAtFirst && (
        <Button variant="subtle" size="compact-sm" onClick={() => setAll(!all)} style={{ alignSelf: 'flex-start' }}>
          {all ? 'Show fewer' : `Show all ${shifts.length} shifts`}
        </Button>
      )}
    </Stack>
  );
}
