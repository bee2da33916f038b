import { useElementSize } from '@mantine/hooks';
import { memo, useMemo, type MouseEvent, type PointerEvent } from 'react';
import { addDays } from '../../../time/zoned';
import { columnName, localInstant } from './calendarDates';
import { RangeSelection } from './RangeSelection';
import { ShiftBlock } from './ShiftBlock';
import classes from './ShiftLanes.module.css';
import type { Shift, ShiftRow } from './shifts';
import type { DraggedRange } from './useRangeDrag';

interface ShiftLanesProps {
  /** Consecutive local dates: the columns of this band. */
  days: string[];
  zone: string;
  rows: ShiftRow[];
  now: string;
  today: string;
  /** Added to each lane's name when a view has several bands (a month). */
  bandName: string | null;
  /** 'YYYY-MM' of a month view, whose days before and after the month are dimmed. */
  month: string | null;
  onShiftClick: (shift: Shift, element: HTMLElement) => void;
  /** The span being dragged, when it reaches into this band. */
  selection: DraggedRange | null;
  /** A press on a lane, which may become a drag (useRangeDrag). */
  onLanePointerDown: (event: PointerEvent<HTMLElement>, rowKey: string) => void;
  onLaneClickCapture: (event: MouseEvent) => void;
}

interface Column {
  key: string;
  at: number;
  until: number;
  /** The heading for a column this many pixels wide. */
  text: (width: number) => string;
  strong: boolean;
  dim: boolean;
}

/** Hour columns of a one-day band, as many as fit: every 1, 2, 3, 6 or 12 hours. */
function hourColumns(date: string, zone: string, end: number): Column[] {
  return Array.from({ length: 24 }, (_, hour) => {
    const text = `${String(hour).padStart(2, '0')}:00`;
    return { key: text, at: localInstant(`${date}T${text}`, zone), until: end, text: () => text, strong: false, dim: false };
  }).map((column, hour, all) => ({ ...column, until: all[hour + 1]?.at ?? end }));
}

/**
 * Days side by side and, under them, a lane per row with its shifts placed by time, so a
 * DST day is as long as it really is; a red line marks now. Dragging across a lane picks a
 * span for an override (CalendarSection's useRangeDrag; a lane's data attributes say which
 * row and instants it covers). Memoised, with the header measuring its own width and each lane's
 * blocks laid out once per data: a month's hundreds of blocks render once, not again per
 * resize or per pointer move of a drag. Plain elements styled by class rather than
 * Mantine's Text, for the same reason.
 */
export const ShiftLanes = memo(function ShiftLanes(props: ShiftLanesProps) {
  const { days, zone, rows, now, today, bandName, month, onShiftClick, selection, onLanePointerDown, onLaneClickCapture } = props;
  const first = days[0] ?? today;
  const start = localInstant(first, zone);
  const end = localInstant(addDays(days[days.length - 1] ?? first, 1), zone);
  const share = useMemo(() => (at: number) => ((Math.min(Math.max(at, start), end) - start) / (end - start)) * 100, [start, end]);
  const nowAt = Date.parse(now);
  const columns = useMemo(
    (): Column[] =>
      days.length === 1
        ? hourColumns(days[0] ?? today, zone, end)
        : days.map((date, i) => ({
            key: date,
            at: localInstant(date, zone),
            until: i + 1 < days.length ? localInstant(days[i + 1] ?? date, zone) : end,
            text: (width) => columnName(date, width),
            strong: date === today,
            dim: month !== null && !date.startsWith(month),
          })),
    [days, zone, end, today, month],
  );
  const blocks = useMemo(
    () =>
      rows.map((row) =>
        row.shifts
          .filter((shift) => Date.parse(shift.end) > start && Date.parse(shift.start) < end)
          .map((shift) => {
            const left = share(Date.parse(shift.start));
            return <ShiftBlock key={shift.key} shift={shift} left={left} width={share(Date.parse(shift.end)) - left} onClick={onShiftClick} />;
          }),
      ),
    [rows, start, end, share, onShiftClick],
  );
  const suffix = bandName === null ? '' : `, ${bandName}`;

  return (
    <div className={classes.band}>
      <div className={classes.names} aria-hidden>
        {rows.map((row) => (
          <div key={row.key} className={row.final ? `${classes.name} ${classes.final}` : classes.name}>
            {row.name}
          </div>
        ))}
      </div>
      <div className={classes.lanes}>
        <BandHeader columns={columns} share={share} hours={days.length === 1} />
        {rows.map((row, i) => (
          <div
            key={row.key}
            role="group"
            aria-label={`${row.name} row${suffix}`}
            className={classes.lane}
            data-lane-row={row.key}
            data-start={start}
            data-end={end}
            onPointerDown={(event) => onLanePointerDown(event, row.key)}
            onClickCapture={onLaneClickCapture}
          >
            {blocks[i]}
            {selection?.rowKey === row.key && (
              <RangeSelection
                left={share(selection.start)}
                right={share(selection.end)}
                start={selection.start}
                end={selection.end}
                zone={zone}
                // Said once, under the band where the span begins.
                labelled={selection.start >= start}
              />
            )}
          </div>
        ))}
        {columns.slice(1).map((column) => (
          <div key={column.key} className={classes.line} style={{ left: `${share(column.at)}%` }} />
        ))}
        {nowAt >= start && nowAt < end && <div className={classes.now} style={{ left: `${share(nowAt)}%` }} role="img" aria-label="Now" title="Now" />}
      </div>
    </div>
  );
});

/** Column headings as long as the measured width allows; hours thinned out to those that fit. */
function BandHeader({ columns, share, hours }: { columns: Column[]; share: (at: number) => number; hours: boolean }) {
  const { ref, width } = useElementSize();
  const step = hours ? ([1, 2, 3, 6, 12].find((n) => (width / 24) * n >= 44) ?? 12) : 1;
  const shown = columns.filter((_, i) => i % step === 0);
  return (
    <div className={classes.header} ref={ref} aria-hidden>
      {shown.map((column, i) => {
        const left = share(column.at);
        const right = share(shown[i + 1]?.at ?? column.until);
        return (
          <div
            key={column.key}
            className={[classes.column, column.strong && classes.today, column.dim && classes.outside].filter(Boolean).join(' ')}
            style={{ left: `${left}%`, width: `${right - left}%` }}
          >
            {column.text(((right - left) / 100) * width)}
          </div>
        );
      })}
    </div>
  );
}
