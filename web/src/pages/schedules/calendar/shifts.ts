import type { Timeline } from '../../../api/scheduleTypes';
import type { TimeOff } from '../../../api/timeOff';
import { formatDateTime, formatDay, formatTime } from '../../../time/format';

/** One block of the calendar: a shift, an override or a gap, with what it says and what it means. */
export interface Shift {
  key: string;
  /** The layer it is on, null on the final schedule (where clicking starts a schedule-wide override). */
  layerId: string | null;
  start: string;
  end: string;
  userId: string | null;
  /** The text in the block. */
  text: string;
  /** The shift in words: accessible name and tooltip. */
  label: string;
  override: boolean;
  offDuty: boolean;
  gap: boolean;
  /** Who holds it (for "Mark … away"). */
  userName: string | null;
  /** An automatic cover: the name of the person away whose turn this is. */
  coverFor: string | null;
  /** The layer that holds it (the final row's shifts too): where "Change cover…" overrides. */
  holderLayerId: string | null;
  /** A stretch of someone's time off, on the time-off row. */
  away: TimeOff | null;
}

/** A lane of the calendar: the final schedule or one layer. */
export interface ShiftRow {
  key: string;
  name: string;
  final: boolean;
  shifts: Shift[];
}

export const finalRowKey = 'final';
export const timeOffRowKey = 'time-off';

const plain = { coverFor: null, away: null } as const;

/**
 * The final schedule first (it is who gets paged), then the layers in position order, then
 * the time off of the people in them (`timeOff` with their names), when there is any.
 */
export function shiftRows(timeline: Timeline, spanText: (start: string, end: string) => string, timeOff: (TimeOff & { userName: string })[] = []): ShiftRow[] {
  const note = (source: string, coverFor: { name: string } | null) =>
    source === 'override' ? ', override' : coverFor !== null ? `, covering for ${coverFor.name} (time off)` : '';
  const final: Shift[] = [
    ...timeline.final.flatMap((segment) =>
      segment.user === null
        ? []
        : [
            {
              key: segment.start,
              layerId: null,
              start: segment.start,
              end: segment.end,
              userId: segment.user.id,
              text: segment.coverFor ? `${segment.user.name} (for ${segment.coverFor.name})` : segment.user.name,
              label: `Final: ${segment.user.name}, ${spanText(segment.start, segment.end)}${note(segment.source, segment.coverFor)}`,
              override: segment.source === 'override',
              offDuty: false,
              gap: false,
              userName: segment.user.name,
              coverFor: segment.source === 'cover' ? (segment.coverFor?.name ?? null) : null,
              holderLayerId: segment.layerId,
              away: null,
            },
          ],
    ),
    ...timeline.gaps.map((gap) => ({
      key: `gap ${gap.start}`,
      layerId: null,
      start: gap.start,
      end: gap.end,
      userId: null,
      text: 'Nobody on call',
      label: `Gap: nobody on call, ${spanText(gap.start, gap.end)}`,
      override: false,
      offDuty: false,
      gap: true,
      userName: null,
      holderLayerId: null,
      ...plain,
    })),
  ].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const layers = timeline.layers.map((row) => ({
    key: row.layerId,
    name: row.name,
    final: false,
    shifts: row.segments.map((segment) => ({
      key: segment.start,
      layerId: row.layerId,
      start: segment.start,
      end: segment.end,
      userId: segment.user?.id ?? null,
      text: segment.user && segment.coverFor ? `${segment.user.name} (for ${segment.coverFor.name})` : (segment.user?.name ?? (segment.coverFor ? `Nobody (${segment.coverFor.name} away)` : 'Nobody')),
      label: `${row.name}: ${segment.user?.name ?? 'Nobody'}, ${spanText(segment.start, segment.end)}${segment.user ? note(segment.source, segment.coverFor) : segment.coverFor ? `, ${segment.coverFor.name} away and nobody to cover` : ''}${segment.active ? '' : ', off-duty'}`,
      override: segment.source === 'override',
      offDuty: !segment.active,
      gap: false,
      userName: segment.user?.name ?? null,
      coverFor: segment.source === 'cover' ? (segment.coverFor?.name ?? null) : null,
      holderLayerId: row.layerId,
      away: null,
    })),
  }));
  const rows = [{ key: finalRowKey, name: 'Final schedule', final: true, shifts: final }, ...layers];
  if (timeOff.length === 0) return rows;
  const away: Shift[] = timeOff
    .map((t) => ({
      key: t.id,
      layerId: null,
      start: t.start,
      end: t.end,
      userId: t.userId,
      text: `${t.userName} away`,
      label: `Time off: ${t.userName}, ${spanText(t.start, t.end)}${t.note ? ` (${t.note})` : ''}`,
      override: false,
      offDuty: false,
      gap: false,
      userName: t.userName,
      holderLayerId: null,
      coverFor: null,
      away: t,
    }))
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return [...rows, { key: timeOffRowKey, name: 'Time off', final: false, shifts: away }];
}

/**
 * formatSpan for a calendar's shifts, each edge formatted once: a shift ends where the next
 * begins, and the final row repeats the layers' edges, so a month has far fewer edges than
 * spans. Intl formatting was the largest part of turning a month's data into rows.
 */
export function spanFormatter(zone: string): (start: string, end: string) => string {
  const edges = new Map<string, { day: string; dateTime: string; time?: string }>();
  const edge = (iso: string) => {
    let found = edges.get(iso);
    if (!found) {
      found = { day: formatDay(iso, zone), dateTime: formatDateTime(iso, zone) };
      edges.set(iso, found);
    }
    return found;
  };
  return (start, end) => {
    const from = edge(start);
    const until = edge(end);
    if (from.day !== until.day) return `${from.dateTime} – ${until.dateTime}`;
    until.time ??= formatTime(end, zone);
    return `${from.dateTime} – ${until.time}`;
  };
}
