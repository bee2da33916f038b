import { Stack, Text, Title } from '@mantine/core';
import { useScheduleCoverRequests } from '../../api/coverRequests';
import { QueryError } from '../../components/QueryError';
import { CoverRequestCard } from '../cover-requests/CoverRequestCard';

/** The schedule's cover requests still ahead (withdrawn ones left out); hidden when there are none. */
export function CoverRequestsPanel({ scheduleId, viewerZone, now }: { scheduleId: string; viewerZone: string; now: string }) {
  const requests = useScheduleCoverRequests(scheduleId);
  if (requests.isError) return <QueryError error={requests.error} />;
  const shown = (requests.data ?? []).filter((r) => r.status !== 'withdrawn');
  if (shown.length === 0) return null;
  return (
    <Stack component="section" aria-label="Cover requests" gap="xs">
      <Title order={3}>Cover requests</Title>
      <Text size="sm" c="dimmed">
        The first of those asked to accept takes the span over.
      </Text>
      {shown.map((r) => (
        <CoverRequestCard key={r.id} request={r} viewerZone={viewerZone} now={now} showSchedule={false} />
      ))}
    </Stack>
  );
}
