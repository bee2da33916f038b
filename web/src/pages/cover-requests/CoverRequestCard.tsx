import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router-dom';
import { useDecideCover, type CoverRequest } from '../../api/coverRequests';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { notifyError } from '../../components/notifyError';
import { formatShiftSpan, formatShiftTime } from '../../time/shiftTime';

const statusColours: Record<CoverRequest['status'], string> = { open: 'blue', accepted: 'green', withdrawn: 'gray', expired: 'gray' };

interface CoverRequestCardProps {
  request: CoverRequest;
  viewerZone: string;
  /** The server's now, for the year in dates. */
  now: string;
  /** On pages about more than one schedule, the schedule is named and linked. */
  showSchedule: boolean;
}

/** One cover request: who asks, for what, and Accept or Withdraw when the viewer can. */
export function CoverRequestCard({ request: r, viewerZone, now, showSchedule }: CoverRequestCardProps) {
  const me = useCurrentUser();
  const deciding = useDecideCover();
  const open = r.status === 'open';
  const mayAccept = open && r.asked.some((u) => u.id === me.id);
  const mayWithdraw = open && r.requester.id === me.id;
  const scope = r.layerName === null ? 'whole schedule' : r.layerName;

  const decide = (decision: 'accept' | 'withdraw') =>
    deciding.mutate(
      { request: r, decision },
      {
        onSuccess: () =>
          notifications.show(
            decision === 'accept'
              ? { color: 'green', title: 'You are covering', message: `${r.scheduleName}: ${formatShiftSpan(r.start, r.end, viewerZone, now)} is yours; ${r.requester.name} has been told.` }
              : { color: 'green', title: 'Request withdrawn', message: 'Nobody can take it any more.' },
          ),
        onError: notifyError,
      },
    );

  return (
    <Paper withBorder p="sm" radius="md" id={r.id} aria-label={`Cover request from ${r.requester.name}`} component="article">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600}>
            {r.requester.name} asks for cover{showSchedule ? ' on ' : ''}
            {showSchedule && (
              <Anchor component={Link} to={`/schedules/${r.scheduleId}`}>
                {r.scheduleName}
              </Anchor>
            )}
          </Text>
          <Badge color={statusColours[r.status]} variant="light">
            {r.status}
          </Badge>
        </Group>
        <Text size="sm">
          {formatShiftSpan(r.start, r.end, viewerZone, now)} · {scope}
        </Text>
        {r.note !== '' && (
          <Text size="sm" c="dimmed">
            “{r.note}”
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {r.status === 'accepted' && r.acceptedBy !== null
            ? `Taken by ${r.acceptedBy.name}`
            : `Asked: ${r.asked.map((u) => u.name).join(', ')}${open ? ` · open until ${formatShiftTime(r.acceptBy, viewerZone, now)}` : ''}`}
        </Text>
        {(mayAccept || mayWithdraw) && (
          <Group gap="xs" mt={4}>
            {mayAccept && (
              <Button size="compact-sm" onClick={() => decide('accept')} loading={deciding.isPending && deciding.variables?.decision === 'accept'}>
                Accept
              </Button>
            )}
            {mayWithdraw && (
              <Button size="compact-sm" variant="default" onClick={() => decide('withdraw')} loading={deciding.isPending && deciding.variables?.decision === 'withdraw'}>
                Withdraw
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
