import type { Timeline } from '../../../api/scheduleTypes';
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
}

/** A lane of the calendar: the final schedule or one layer. */
export interface ShiftRow {
  key: string;
  name: string;
  final: boolean;
  shifts: Shift[];
}

export const finalRowKey = 'final';

/** The final schedule first (it is who gets paged), then the layers in position order. */
export function shiftRows(timeline: Timeline, spanText: (start: string, end: string) => string): ShiftRow[] {
  const overrideNote = (source: string) => (source === 'override' ? ', override' : '');
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
              text: segment.user.name,
              label: `Final: ${segment.user.name}, ${spanText(segment.start, segment.end)}${overrideNote(segment.source)}`,
              override: segment.source === 'override',
              offDuty: false,
              gap: false,
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
      text: segment.user?.name ?? 'Nobody',
      label: `${row.name}: ${segment.user?.name ?? 'Nobody'}, ${spanText(segment.start, segment.end)}${overrideNote(segment.source)}${segment.active ? '' : ', off-duty'}`,
      override: segment.source === 'override',
      offDuty: !segment.active,
      gap: false,
    })),
  }));
  return [{ key: finalRowKey, name: 'Final schedule', final: true, shifts: final }, ...layers];
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
