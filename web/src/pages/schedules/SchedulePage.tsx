import { Anchor, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconBellRinging, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useScheduleOnCall } from '../../api/onCall';
import { useDeleteSchedule, useSchedule } from '../../api/schedules';
import { useTeamChoices } from '../../api/teams';
import { ConfirmButton } from '../../components/ConfirmButton';
import { QueryError } from '../../components/QueryError';
import { useViewerTimeZone } from '../../time/useViewerTimeZone';
import { hasRole } from '../../auth/roles';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { PageSomeoneModal } from '../incidents/PageSomeoneModal';
import { OnCallBanner } from '../on-call/OnCallBanner';
import { CalendarSection } from './calendar/CalendarSection';
import { CoverRequestsPanel } from './CoverRequestsPanel';
import { CoverageGapsPanel } from './gaps/CoverageGapsPanel';
import { LayerEditor } from './editor/LayerEditor';
import { HoursAndFairnessSection } from './fairness/HoursAndFairnessSection';


export function SchedulePage() {
  const { scheduleId = '' } = useParams();
  const schedule = useSchedule(scheduleId);
  const onCall = useScheduleOnCall(scheduleId);
  const teams = useTeamChoices();
  const deleting = useDeleteSchedule();
  const navigate = useNavigate();
  const viewerZone = useViewerTimeZone();
  const mayPage = hasRole(useCurrentUser().role, 'responder');
  const [paging, setPaging] = useState(false);

  if (schedule.isPending || onCall.isPending) return <Skeleton h={320} />;
  if (schedule.isError) return <QueryError error={schedule.error} />;
  if (onCall.isError) return <QueryError error={onCall.error} />;
  const { name, description, teamId, timeZone } = schedule.data;
  // The server's clock, not the browser's: "now" must agree with who is on call.
  const now = onCall.data.at;

  return (
    <Stack>
      <Anchor component={Link} to="/schedules" size="sm">
        ← All schedules
      </Anchor>
      <Group justify="space-between">
        <Stack gap={0}>
          <Title order={2}>{name}</Title>
          <Text size="sm" c="dimmed">
            Team {teams.data?.find((t) => t.id === teamId)?.name ?? '…'} · schedule zone {timeZone}
          </Text>
        </Stack>
        <Group>
          {mayPage && (
            <Button color="red" variant="light" leftSection={<IconBellRinging size={16} />} onClick={() => setPaging(true)}>
              Page on-call
            </Button>
          )}
          <ConfirmButton
            label={`Delete schedule ${name}`}
            icon={<IconTrash size={18} />}
            message={`The schedule ${name}, its layers, overrides and history will be deleted.`}
            confirmLabel="Delete schedule"
            onConfirm={() => deleting.mutateAsync({ id: scheduleId }).then(() => navigate('/schedules', { replace: true }))}
            onForce={() => deleting.mutateAsync({ id: scheduleId, force: true }).then(() => navigate('/schedules', { replace: true }))}
          />
        </Group>
      </Group>
      <PageSomeoneModal opened={paging} onClose={() => setPaging(false)} initial={{ type: 'schedule', id: scheduleId }} />
      {description !== '' && <Text c="dimmed">{description}</Text>}
      <OnCallBanner onCall={onCall.data} viewerZone={viewerZone} linkToSchedule={false} />
      <CoverRequestsPanel scheduleId={scheduleId} viewerZone={viewerZone} now={now} />
      <CoverageGapsPanel schedule={schedule.data} viewerZone={viewerZone} now={now} />
      <CalendarSection schedule={schedule.data} viewerZone={viewerZone} now={now} />
      <LayerEditor schedule={schedule.data} viewerZone={viewerZone} />
      <HoursAndFairnessSection scheduleId={scheduleId} scheduleName={name} holidays={schedule.data.holidays} viewerZone={viewerZone} now={now} />
    </Stack>
  );
}
