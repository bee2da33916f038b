import { Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { addDays, fromLocalInput } from '../../../time/zoned';
import { columnName } from './calendarDates';
import { ShiftBlock } from './ShiftBlock';
import classes from './ShiftLanes.module.css';
import type { Shift, ShiftRow } from './shifts';

interface ShiftLanesProps {
  /** Consecutive local dates: the columns of this band. */
  days: string[];
  zone: string;
  rows: ShiftRow[];
  now: string;
  today: string;
  /** Added to each lane's name when a view has several bands (a month). */
  bandName: string | null;
  dimmed: (date: string) => boolean;
  onShiftClick: (shift: Shift) => void;
}

/** Hour ticks of a one-day band, as many as fit: every 1, 2, 3, 6 or 12 hours. */
function hourTicks(date: string, zone: string, width: number): { at: number; text: string }[] {
  const step = [1, 2, 3, 6, 12].find((hours) => (width / 24) * hours >= 44) ?? 12;
  const ticks = [];
  for (let hour = 0; hour < 24; hour += step) {
    const text = `${String(hour).padStart(2, '0')}:00`;
    ticks.push({ at: Date.parse(fromLocalInput(`${date}T${text}`, zone)), text });
  }
  return ticks;
}

/**
 * Days side by side and, under them, a lane per row with its shifts placed by time, so a
 * DST day is as long as it really is; a red line marks now.
 */
export function ShiftLanes({ days, zone, rows, now, today, bandName, dimmed, onShiftClick }: ShiftLanesProps) {
  const { ref, width } = useElementSize();
  const first = days[0] ?? today;
  const start = Date.parse(fromLocalInput(first, zone));
  const end = Date.parse(fromLocalInput(addDays(days[days.length - 1] ?? first, 1), zone));
  const share = (at: number) => ((Math.min(Math.max(at, start), end) - start) / (end - start)) * 100;
  const nowAt = Date.parse(now);
  const dayStarts = days.map((date) => Date.parse(fromLocalInput(date, zone)));
  const columns =
    days.length === 1
      ? hourTicks(first, zone, width).map((tick, i, all) => ({ key: tick.text, at: tick.at, until: all[i + 1]?.at ?? end, text: tick.text, strong: false, dim: false }))
      : days.map((date, i) => ({
          key: date,
          at: dayStarts[i] ?? start,
          until: dayStarts[i + 1] ?? end,
          text: columnName(date, width / days.length),
          strong: date === today,
          dim: dimmed(date),
        }));
  const suffix = bandName === null ? '' : `, ${bandName}`;

  return (
    <div className={classes.band}>
      <div className={classes.names} aria-hidden>
        {rows.map((row) => (
          <Text key={row.key} size="sm" fw={row.final ? 700 : 500} className={classes.name}>
            {row.name}
          </Text>
        ))}
      </div>
      <div className={classes.lanes} ref={ref}>
        <div className={classes.header} aria-hidden>
          {columns.map((column) => (
            <Text
              key={column.key}
              size="xs"
              fw={column.strong ? 700 : 400}
              c={column.strong ? undefined : 'dimmed'}
              opacity={column.dim ? 0.5 : 1}
              className={classes.column}
              style={{ left: `${share(column.at)}%`, width: `${share(column.until) - share(column.at)}%` }}
            >
              {column.text}
            </Text>
          ))}
        </div>
        {rows.map((row) => (
          <div key={row.key} role="group" aria-label={`${row.name} row${suffix}`} className={classes.lane}>
            {row.shifts
              .filter((shift) => Date.parse(shift.end) > start && Date.parse(shift.start) < end)
              .map((shift) => {
                const left = share(Date.parse(shift.start));
                return <ShiftBlock key={shift.key} shift={shift} left={left} width={share(Date.parse(shift.end)) - left} onClick={onShiftClick} />;
              })}
          </div>
        ))}
        {columns.slice(1).map((column) => (
          <div key={column.key} className={classes.line} style={{ left: `${share(column.at)}%` }} />
        ))}
        {nowAt >= start && nowAt < end && (
          <div className={classes.now} style={{ left: `${share(nowAt)}%` }} role="img" aria-label="Now" title="Now" />
        )}
      </div>
    </div>
  );
}
