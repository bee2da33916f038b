import { Alert, Anchor } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useCoverageGaps, type ScheduleWithGaps } from '../../../api/coverageGaps';
import { useTeamAccess } from '../../../auth/teamAccess';
import { formatShiftSpan } from '../../../time/shiftTime';

/** On a schedule's card on the Who's on-call page: gaps ahead that nobody marked intended. */
export function UpcomingGapsNote({ scheduleId, teamId, viewerZone, now }: { scheduleId: string; teamId: string; viewerZone: string; now: string }) {
  // One request serves every card: React Query shares it.
  const schedules = useCoverageGaps();
  const mine = schedules.data?.find((s) => s.scheduleId === scheduleId);
  return mine ? <GapsNote gaps={mine} teamId={teamId} viewerZone={viewerZone} now={now} /> : null;
}

/** Apart, so the team's members are asked for only where there are gaps. */
function GapsNote({ gaps, teamId, viewerZone, now }: { gaps: ScheduleWithGaps; teamId: string; viewerZone: string; now: string }) {
  const { mayEdit } = useTeamAccess(teamId);
  const [first] = gaps.gaps;
  return (
    <Alert color="orange" title={gaps.gaps.length === 1 ? `A coverage gap in the next ${gaps.days} days` : `${gaps.gaps.length} coverage gaps in the next ${gaps.days} days`}>
      {first && `Nobody would be paged ${formatShiftSpan(first.start, first.end, viewerZone, now)}${gaps.gaps.length > 1 ? ', and more' : ''}. `}
      <Anchor component={Link} to={`/schedules/${gaps.scheduleId}`} size="sm">
        {mayEdit ? 'See and fill the gaps' : 'See the gaps'}
      </Anchor>
    </Alert>
  );
}
