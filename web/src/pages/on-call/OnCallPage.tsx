import { Button, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router-dom';
import { useAllOnCall } from '../../api/onCall';
import { QueryError } from '../../components/QueryError';
import { useViewerTimeZone } from '../../time/useViewerTimeZone';
import { MyCoverRequests } from '../cover-requests/MyCoverRequests';
import { MyOnCallSection } from './MyOnCallSection';
import { OnCallBanner } from './OnCallBanner';
import { OnCallFilters } from './OnCallFilters';
import { onCallMatches, teamsOf } from './onCallFilter';

export function OnCallPage() {
  const onCall = useAllOnCall();
  const viewerZone = useViewerTimeZone();
  // In the address, so a filtered view survives a reload and can be shared.
  const [params, setParams] = useSearchParams();
  const setParam = (key: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === '') next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );
  const items = onCall.data ?? [];
  const teams = teamsOf(items);
  // A team from an old link that owns no schedule now filters nothing out.
  const teamId = teams.some((t) => t.id === params.get('team')) ? (params.get('team') ?? '') : '';
  const search = params.get('q') ?? '';
  const shown = items.filter((item) => onCallMatches(item, teamId, search));

  return (
    <Stack>
      <Title order={2}>Who&apos;s on-call</Title>
      <MyOnCallSection />
      {/* The server's now when known (a test clock); it only decides whether dates show their year. */}
      <MyCoverRequests viewerZone={viewerZone} now={items[0]?.at ?? new Date().toISOString()} />
      <Title order={3}>All schedules</Title>
      {onCall.isPending && <Skeleton h={160} />}
      {onCall.isError && <QueryError error={onCall.error} />}
      {onCall.isSuccess && items.length === 0 && <Text c="dimmed">No schedules yet.</Text>}
      {items.length > 0 && (
        <OnCallFilters teams={teams} teamId={teamId} search={search} onTeamChange={(id) => setParam('team', id)} onSearchChange={(text) => setParam('q', text)} />
      )}
      {items.length > 0 && shown.length === 0 && (
        <Paper withBorder p="md" radius="md">
          <Stack gap="xs" align="flex-start">
            <Text fw={600}>
              No schedule matches{search.trim() === '' ? '' : ` “${search.trim()}”`}
              {teamId === '' ? '' : ` in ${teams.find((t) => t.id === teamId)?.name ?? 'this team'}`}
            </Text>
            <Text size="sm" c="dimmed">
              The search looks at schedule names and at the people on call now and next.
            </Text>
            <Button variant="light" size="compact-sm" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
              Clear filters
            </Button>
          </Stack>
        </Paper>
      )}
      {shown.map((item) => (
        <OnCallBanner key={item.scheduleId} onCall={item} viewerZone={viewerZone} linkToSchedule />
      ))}
    </Stack>
  );
}
