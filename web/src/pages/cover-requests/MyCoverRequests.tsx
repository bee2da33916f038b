import { Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useMyCoverRequests } from '../../api/coverRequests';
import { QueryError } from '../../components/QueryError';
import { CoverRequestCard } from './CoverRequestCard';

/** Open requests the viewer was asked to take; nothing at all when there are none. */
export function MyCoverRequests({ viewerZone, now, empty = null }: { viewerZone: string; now: string; empty?: ReactNode }) {
  const requests = useMyCoverRequests();
  if (requests.isError) return <QueryError error={requests.error} />;
  if (!requests.data) return null;
  if (requests.data.length === 0) return empty;
  return (
    <Stack component="section" aria-label="Cover requests for you" gap="xs">
      <Title order={3}>Cover requests for you</Title>
      {requests.data.map((r) => (
        <CoverRequestCard key={r.id} request={r} viewerZone={viewerZone} now={now} showSchedule />
      ))}
    </Stack>
  );
}
