import { Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import type { ScheduleDetail } from '../../../api/scheduleTypes';
import { useTimeline } from '../../../api/timeline';
import { useTimeOffOf } from '../../../api/timeOff';
import { useCurrentUser } from '../../../auth/useCurrentUser';
import { QueryError } from '../../../components/QueryError';
import { addDays, fromLocalInput, toLocalInput } from '../../../time/zoned';
import { TimeOffModal, type TimeOffDraft } from '../../time-off/TimeOffModal';
import { CreateOverrideModal, type OverrideDraft } from '../timeline/CreateOverrideModal';
import { AskForCoverModal, type CoverDraft } from './AskForCoverModal';
import { OverridesList } from '../timeline/OverridesList';
import { dayName, localInstant, rangeName } from './calendarDates';
import { calendarRange, stepAnchor, type CalendarView } from './calendarRange';
import { CalendarToolbar } from './CalendarToolbar';
import { snapMinutes } from './dragSnap';
import { ShiftAgenda } from './ShiftAgenda';
import { ShiftLanes } from './ShiftLanes';
import { ShiftMenu, type PickedShift } from './ShiftMenu';
import { finalRowKey, shiftRows, spanFormatter, timeOffRowKey, type Shift } from './shifts';
import { useRangeDrag } from './useRangeDrag';

interface CalendarSectionProps {
  schedule: ScheduleDetail;
  viewerZone: string;
  /** The server's now: the day shown first, and what "now" means under a test clock. */
  now: string;
}

/**
 * The overrides table draws again only when its own props change, not with every change of
 * the timeline's fetch state: a month's hundred rows of Mantine cells are the costliest part
 * of a step, and a step re-rendered them up to twice after they had arrived.
 */
const Overrides = memo(OverridesList);

const periods: Record<CalendarView, string> = { day: 'on this day', week: 'this week', twoWeeks: 'in these two weeks', month: 'this month' };

/**
 * Who is on call, in the final schedule and in each layer, a day to a month at a time.
 * Clicking a shift offers to override it or take it; dragging across a row (over several
 * weeks of a month, too) starts an override of the span dragged.
 */
export function CalendarSection({ schedule, viewerZone, now }: CalendarSectionProps) {
  const me = useCurrentUser();
  const [view, setView] = useState<CalendarView>('week');
  // null follows today, so the calendar stays on it across midnight.
  const [anchor, setAnchor] = useState<string | null>(null);
  const [inScheduleZone, setInScheduleZone] = useState(false);
  const [picked, setPicked] = useState<PickedShift | null>(null);
  const [draft, setDraft] = useState<OverrideDraft | null>(null);
  const [coverDraft, setCoverDraft] = useState<CoverDraft | null>(null);
  const [timeOffDraft, setTimeOffDraft] = useState<TimeOffDraft | null>(null);
  const sectionRef = useRef<HTMLDivElement>(null);
  // Lanes of a week leave a name a few pixels on a phone: there the calendar is a list.
  const narrow = useMediaQuery('(max-width: 48em)');

  const zone = inScheduleZone ? schedule.timeZone : viewerZone;
  const today = toLocalInput(now, zone).slice(0, 10);
  const thisYear = today.slice(0, 4);
  const range = useMemo(() => calendarRange(view, anchor ?? today), [view, anchor, today]);
  const from = fromLocalInput(range.first, zone);
  const to = fromLocalInput(range.end, zone);
  const timeline = useTimeline(schedule.id, from, to);
  // While another range loads, the one on screen stays drawn with its own data: drawing the
  // new days with the old data first made a month's lanes mount twice per step.
  const [drawn, setDrawn] = useState(range);
  if (!timeline.isPlaceholderData && drawn !== range) setDrawn(range);
  const shown = timeline.isPlaceholderData ? drawn : range;
  // Everyone any current layer names: their time off is drawn on its own row.
  const members = useMemo(() => {
    const byId = new Map<string, string>();
    for (const layer of schedule.layers) for (const m of [...layer.members, ...layer.upcoming.flatMap((u) => u.members)]) byId.set(m.id, m.name);
    return byId;
  }, [schedule.layers]);
  const timeOff = useTimeOffOf([...members.keys()], from, to);
  const rows = useMemo(
    () => (timeline.data ? shiftRows(timeline.data, spanFormatter(zone), (timeOff.data ?? []).map((t) => ({ ...t, userName: members.get(t.userId) ?? 'Someone' }))) : []),
    [timeline.data, zone, timeOff.data, members],
  );
  const pickShift = useCallback((shift: Shift, element: HTMLElement) => {
    const outer = sectionRef.current?.getBoundingClientRect();
    const block = element.getBoundingClientRect();
    setPicked({ shift, box: { left: block.left - (outer?.left ?? 0), top: block.top - (outer?.top ?? 0), width: block.width, height: block.height } });
  }, []);
  const drag = useRangeDrag({
    zone,
    snapMinutes: snapMinutes[view],
    // A layer's row is keyed by the layer's id; a drag on the final schedule is schedule-wide.
    onDone: (rowKey, start, end) =>
      rowKey !== timeOffRowKey && setDraft({ layerId: rowKey === finalRowKey ? null : rowKey, start: new Date(start).toISOString(), end: new Date(end).toISOString() }),
  });
  // Each band gets the dragged span only if it reaches into it, so a drag redraws just those.
  const selectionIn = (days: string[]) => {
    const { range: dragged } = drag;
    const first = days[0];
    const last = days[days.length - 1];
    if (dragged === null || first === undefined || last === undefined) return null;
    return dragged.end > localInstant(first, zone) && dragged.start < localInstant(addDays(last, 1), zone) ? dragged : null;
  };
  const atToday = anchor === null || calendarRange(view, today).first === range.first;

  return (
    <Stack component="section" aria-label="Calendar" gap="sm" pos="relative" ref={sectionRef}>
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
        <ShiftAgenda days={shown.bands.flat()} zone={zone} rows={rows} now={now} today={today} thisYear={thisYear} onShiftClick={pickShift} />
      ) : (
        shown.bands.map((days) => (
          <ShiftLanes
            key={days[0]}
            days={days}
            zone={zone}
            rows={rows}
            now={now}
            today={today}
            bandName={shown.bands.length > 1 ? `week of ${dayName(days[0] ?? today, false)}` : null}
            month={shown.month?.slice(0, 7) ?? null}
            onShiftClick={pickShift}
            selection={selectionIn(days)}
            onLanePointerDown={drag.onPointerDown}
            onLaneClickCapture={drag.onClickCapture}
          />
        ))
      )}
      <Text size="xs" c="dimmed">
        Each person has a colour. Striped shifts are overrides; dashed ones cover someone on time off (shown on the Time off row); faded ones are off-duty; red means nobody is on call; the red line is now. Click a shift
        (or press Enter on it) to override it, take it, or ask for cover for your own{narrow ? '' : '; drag across a row to override any span of it'}.
      </Text>
      <ShiftMenu
        picked={picked}
        userId={me.id}
        now={now}
        onOverride={(shift) => setDraft({ layerId: shift.layerId, start: shift.start, end: shift.end })}
        onTake={(shift) => setDraft({ layerId: shift.layerId, start: shift.start, end: shift.end, userId: me.id })}
        onAskForCover={(shift) => setCoverDraft({ layerId: shift.layerId, start: shift.start, end: shift.end })}
        onChangeCover={(shift) => setDraft({ layerId: shift.holderLayerId, start: shift.start, end: shift.end })}
        onMarkAway={(shift) => shift.userId !== null && setTimeOffDraft({ userId: shift.userId, userName: shift.userName ?? 'them', start: shift.start, end: shift.end })}
        onChangeTimeOff={(shift) => shift.away && setTimeOffDraft({ userId: shift.away.userId, userName: shift.userName ?? 'them', start: shift.start, end: shift.end, existing: shift.away })}
        onClose={() => setPicked(null)}
      />
      <TimeOffModal draft={timeOffDraft} viewerZone={zone} self={timeOffDraft?.userId === me.id} now={Date.parse(now)} onClose={() => setTimeOffDraft(null)} />
      <CreateOverrideModal scheduleId={schedule.id} layers={schedule.layers} draft={draft} viewerZone={zone} onClose={() => setDraft(null)} />
      <AskForCoverModal scheduleId={schedule.id} layers={schedule.layers} draft={coverDraft} viewerZone={zone} onClose={() => setCoverDraft(null)} />
      <Overrides scheduleId={schedule.id} layers={schedule.layers} from={from} to={to} viewerZone={zone} period={periods[view]} />
    </Stack>
  );
}
