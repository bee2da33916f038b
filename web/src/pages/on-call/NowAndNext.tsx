import { Group, Text } from '@mantine/core';
import type { OnCall } from '../../api/scheduleTypes';
import { formatRelative } from '../../time/relative';
import { formatShiftTime } from '../../time/shiftTime';

/** How far ahead the API looks for the next person (`next` is null beyond it). */
const horizonDays = 92;

function Next({ onCall, viewerZone }: { onCall: OnCall; viewerZone: string }) {
  const { next, primary, at } = onCall;
  if (next === null) {
    return <Text span>{primary === null ? `nobody in the next ${horizonDays} days` : `no change in the next ${horizonDays} days`}</Text>;
  }
  const when = `from ${formatShiftTime(next.start, viewerZone, at)} · ${formatRelative(next.start, Date.parse(at))}`;
  if (next.user === null) {
    return (
      <Text span c="orange.8">
        <Text span fw={600}>
          nobody
        </Text>{' '}
        {when} (a gap in coverage)
      </Text>
    );
  }
  return (
    <Text span>
      <Text span fw={600}>
        {next.user.name}
      </Text>{' '}
      {when}
    </Text>
  );
}

/** The paged person now and the next one, in one line each: the banner's answer at a glance. */
export function NowAndNext({ onCall, viewerZone }: { onCall: OnCall; viewerZone: string }) {
  return (
    <Group gap="xs" wrap="wrap" style={{ columnGap: 'var(--mantine-spacing-xl)' }}>
      <Text size="sm" role="group" aria-label="Primary now">
        <Text span c="dimmed">
          Now:{' '}
        </Text>
        <Text span fw={600}>
          {onCall.primary?.user.name ?? 'nobody'}
        </Text>
      </Text>
      <Text size="sm" role="group" aria-label="Next on call">
        <Text span c="dimmed">
          Next:{' '}
        </Text>
        <Next onCall={onCall} viewerZone={viewerZone} />
      </Text>
    </Group>
  );
}
