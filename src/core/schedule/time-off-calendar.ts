import ICAL from 'ical.js';
import { indexableKey } from '../indexable-key.js';
import { wallFromParts } from '../time/wall-clock.js';
import { zone } from '../time/zone.js';
import type { Instant } from './types.js';

/** One stretch of time off read from a calendar, keyed for re-imports. */
export interface CalendarAbsence {
  /** The event's UID, with the occurrence's start for a recurring event (a digest when long). */
  uid: string;
  start: Instant;
  end: Instant;
  note: string;
}

/**
 * Occurrences of one recurring event kept, at most (a daily rule over 180 days needs 180),
 * and stepped through: a weekly day off since 2005 passes a thousand before today.
 */
const MAX_OCCURRENCES = 1_000;
const MAX_STEPS = 100_000;
const NOTE_MAX = 200;

const isZone = (name: string) => {
  try {
    zone(name);
    return true;
  } catch {
    return false;
  }
};

/**
 * The instant of a calendar time. A date (all-day) is midnight in `userZone`: time off is
 * whole days where the person lives. A time with an IANA zone (or UTC) is read with our
 * zone rules; one with a zone only the calendar defines (Outlook's "W. Europe Standard
 * Time") with the definition it carries; a floating time in `userZone`.
 */
function instantOf(t: ICAL.Time, userZone: string, tzidHint: string | null): Instant {
  if (t.isDate) return zone(userZone).fromWall(wallFromParts(t.year, t.month, t.day), 'start');
  const wall = wallFromParts(t.year, t.month, t.day, t.hour, t.minute) + t.second * 1_000;
  if (t.zone === ICAL.Timezone.utcTimezone) return wall;
  const defined = t.zone && t.zone !== ICAL.Timezone.localTimezone && t.zone.tzid !== 'floating' ? t.zone : null;
  // A TZID without a VTIMEZONE in the file leaves the time floating: the parameter still names it.
  const tzid = defined?.tzid ?? tzidHint;
  if (tzid && isZone(tzid)) return zone(tzid).fromWall(wall, 'start');
  if (defined?.component) return t.toUnixTime() * 1_000;
  return zone(userZone).fromWall(wall, 'start');
}

/**
 * The time off an iCalendar document holds over [from, to): every event that is not
 * marked free (TRANSP:TRANSPARENT) or cancelled, recurring ones expanded (with their
 * moved and cancelled occurrences). Throws on text that is not iCalendar.
 */
export function absencesFromCalendar(text: string, userZone: string, from: Instant, to: Instant): CalendarAbsence[] {
  const root = new ICAL.Component(ICAL.parse(text));
  const calendars = root.name === 'vcalendar' ? [root] : root.getAllSubcomponents('vcalendar');
  if (calendars.length === 0) throw new Error('not an iCalendar document (no VCALENDAR)');
  const out: CalendarAbsence[] = [];
  for (const calendar of calendars) {
    const vevents = calendar.getAllSubcomponents('vevent');
    const masters = new Map<string, ICAL.Event>();
    const exceptions: ICAL.Event[] = [];
    for (const vevent of vevents) {
      const event = new ICAL.Event(vevent);
      if (!event.uid || !event.startDate) continue;
      if (event.isRecurrenceException()) exceptions.push(event);
      else masters.set(event.uid, event);
    }
    for (const e of exceptions) masters.get(e.uid)?.relateException(e);

    for (const event of masters.values()) {
      if (!isBusy(event.component)) continue;
      const note = (event.summary ?? '').trim().slice(0, NOTE_MAX);
      const tzid = String(event.component.getFirstProperty('dtstart')?.getParameter('tzid') ?? '') || null;
      const at = (t: ICAL.Time) => instantOf(t, userZone, tzid);
      if (!event.isRecurring()) {
        const span = spanOf(event.startDate, event.endDate, at);
        if (span.end > from && span.start < to) out.push({ uid: indexableKey(event.uid), ...span, note });
        continue;
      }
      const it = event.iterator();
      let kept = 0;
      for (let step = 0, next = it.next(); next && step < MAX_STEPS && kept < MAX_OCCURRENCES; step++, next = it.next()) {
        const details = event.getOccurrenceDetails(next);
        const span = spanOf(details.startDate, details.endDate, at);
        if (span.start >= to) break;
        if (span.end <= from || !isBusy(details.item.component)) continue;
        kept++;
        out.push({ uid: indexableKey(`${event.uid}/${at(details.recurrenceId)}`), ...span, note: (details.item.summary ?? '').trim().slice(0, NOTE_MAX) || note });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start || a.uid.localeCompare(b.uid));
}

function isBusy(vevent: ICAL.Component): boolean {
  const transparency = String(vevent.getFirstPropertyValue('transp') ?? '').toUpperCase();
  const status = String(vevent.getFirstPropertyValue('status') ?? '').toUpperCase();
  return transparency !== 'TRANSPARENT' && status !== 'CANCELLED';
}

/** ical.js gives an event without DTEND its DURATION, or one day when it is all-day (RFC 5545 §3.6.1). */
function spanOf(start: ICAL.Time, end: ICAL.Time, at: (t: ICAL.Time) => Instant): { start: Instant; end: Instant } {
  const s = at(start);
  return { start: s, end: Math.max(s, at(end)) };
}
