import { Skeleton, Stack, Text, Title } from '@mantine/core';
import { useAllOnCall } from '../../api/onCall';
import { QueryError } from '../../components/QueryError';
import { useViewerTimeZone } from '../../time/useViewerTimeZone';
import { OnCallBanner } from './OnCallBanner';

export function OnCallPage() {
  const onCall = useAllOnCall();
  const viewerZone = useViewerTimeZone();
  return (
    <Stack>
      <Title order={2}>Who&apos;s on-call</Title>
      {onCall.isPending && <Skeleton h={160} />}
      {onCall.isError && <QueryError error={onCall.error} />}
      {onCall.isSuccess && onCall.data.length === 0 && <Text c="dimmed">No schedules yet.</Text>}
      {onCall.data?.map((item) => <OnCallBanner key={item.scheduleId} onCall={item} viewerZone={viewerZone} linkToSchedule />)}
    </Stack>
  );
}
