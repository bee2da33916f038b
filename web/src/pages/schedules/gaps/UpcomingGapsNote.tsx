import { Alert, Anchor } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useCoverageGaps } from '../../../api/coverageGaps';
import { formatShiftSpan } from '../../../time/shiftTime';

/** On a schedule's card on the Who's on-call page: gaps ahead that nobody marked intended. */
export function UpcomingGapsNote({ scheduleId, viewerZone, now }: { scheduleId: string; viewerZone: string; now: string }) {
  // One request serves every card: React Query shares it.
  const schedules = useCoverageGaps();
  const mine = schedules.data?.find((s) => s.scheduleId === scheduleId);
  if (!mine) return null;
  const [first] = mine.gaps;
  return (
    <Alert color="orange" title={mine.gaps.length === 1 ? `A coverage gap in the next ${mine.days} days` : `${mine.gaps.length} coverage gaps in the next ${mine.days} days`}>
      {first && `Nobody would be paged ${formatShiftSpan(first.start, first.end, viewerZone, now)}${mine.gaps.length > 1 ? ', and more' : ''}. `}
      <Anchor component={Link} to={`/schedules/${scheduleId}`} size="sm">
        See and fill the gaps
      </Anchor>
    </Alert>
  );
}
