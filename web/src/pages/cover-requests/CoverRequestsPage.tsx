import { Stack, Text, Title } from '@mantine/core';
import { useViewerTimeZone } from '../../time/useViewerTimeZone';
import { MyCoverRequests } from './MyCoverRequests';

/** Where the link in a "can you cover?" message leads: the requests the viewer may take. */
export function CoverRequestsPage() {
  const viewerZone = useViewerTimeZone();
  return (
    <Stack>
      <Title order={2}>Cover requests</Title>
      <MyCoverRequests
        viewerZone={viewerZone}
        // Only decides whether dates show their year.
        now={new Date().toISOString()}
        empty={<Text c="dimmed">Nobody is asking you for cover right now: a request you heard about may have been taken, withdrawn, or may have expired.</Text>}
      />
    </Stack>
  );
}
