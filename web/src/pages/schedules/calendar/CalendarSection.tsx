import { Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useCallback, useMemo, useState } from 'react';
import type { ScheduleDetail } from '../../../api/scheduleTypes';
import { useTimeline } from '../../../api/timeline';
import { QueryError } from '../../../components/QueryError';
import { formatSpan } from '../../../time/format';
import { addDays, fromLocalInput, toLocalInput } from '../../../time/zoned';
import { CreateOverrideModal, type OverrideDraft } from '../timeline/CreateOverrideModal';
import { OverridesList } from '../timeline/OverridesList';
import { dayName, rangeName } from './calendarDates';
import { calendarRange, stepAnchor, type CalendarView } from './calendarRange';
import { CalendarToolbar } from './CalendarToolbar';
import { ShiftAgenda } from './ShiftAgenda';
import { ShiftLanes } from './ShiftLanes';
import { shiftRows, type Shift } from './shifts';

interface CalendarSectionProps {
  schedule: ScheduleDetail;
  viewerZone: string;
  /** The server's now: the day shown first, and what "now" means under a test clock. */
  now: string;
}

const periods: Record<CalendarView, string> = { day: 'on this day', week: 'this week', twoWeeks: 'in these two weeks', month: 'this month' };

/** Who is on call, in the final schedule and in each layer, a day to a month at a time; clicking a shift starts an override for it. */
export function CalendarSection({ schedule, viewerZone, now }: CalendarSectionProps) {
  const [view, setView] = useState<CalendarView>('week');
  // null follows today, so the calendar stays on it across midnight.
  const [anchor, setAnchor] = useState<string | null>(null);
  const [inScheduleZone, setInScheduleZone] = useState(false);
  const [draft, setDraft] = useState<OverrideDraft | null>(null);
  // Lanes of a week leave a name a few pixels on a phone: there the calendar is a list.
  const narrow = useMediaQuery('(max-width: 48em)');

  const zone = inScheduleZone ? schedule.timeZone : viewerZone;
  const today = toLocalInput(now, zone).slice(0, 10);
  const thisYear = today.slice(0, 4);
  const range = useMemo(() => calendarRange(view, anchor ?? today), [view, anchor, today]);
  const from = fromLocalInput(range.first, zone);
  const to = fromLocalInput(range.end, zone);
  const timeline = useTimeline(schedule.id, from, to);
  const rows = useMemo(() => (timeline.data ? shiftRows(timeline.data, (start, end) => formatSpan(start, end, zone)) : []), [timeline.data, zone]);
  const openOverride = useCallback((shift: Shift) => setDraft({ layerId: shift.layerId, start: shift.start, end: shift.end }), []);
  const atToday = anchor === null || calendarRange(view, today).first === range.first;

  return (
    <Stack component="section" aria-label="Calendar" gap="sm">
      <CalendarToolbar
        view={view}
        onView={setView}
        rangeName={rangeName(range.first, addDays(range.end, -1), range.month, thisYear)}
        atToday={atToday}
        onStep={(by) => setAnchor(stepAnchor(view, anchor ?? today, by))}
        onToday={() => setAnchor(null)}
        loading={timeline.isFetching}
        viewerZone={viewerZone}
        scheduleZone={schedule.timeZone}
        inScheduleZone={inScheduleZone}
        onScheduleZone={setInScheduleZone}
      />
      {timeline.isError && <QueryError error={timeline.error} />}
      {narrow ? (
        <ShiftAgenda days={range.bands.flat()} zone={zone} rows={rows} now={now} today={today} thisYear={thisYear} onShiftClick={openOverride} />
      ) : (
        range.bands.map((days) => (
          <ShiftLanes
            key={days[0]}
            days={days}
            zone={zone}
            rows={rows}
            now={now}
            today={today}
            bandName={range.bands.length > 1 ? `week of ${dayName(days[0] ?? today, false)}` : null}
            month={range.month?.slice(0, 7) ?? null}
            onShiftClick={openOverride}
          />
        ))
      )}
      <Text size="xs" c="dimmed">
        Each person has a colour. Striped shifts are overrides; faded ones are off-duty; red means nobody is on call; the red line is now. Click a shift to
        override it.
      </Text>
      <CreateOverrideModal scheduleId={schedule.id} layers={schedule.layers} draft={draft} viewerZone={zone} onClose={() => setDraft(null)} />
      <OverridesList scheduleId={schedule.id} layers={schedule.layers} from={from} to={to} viewerZone={zone} period={periods[view]} />
    </Stack>
  );
}
