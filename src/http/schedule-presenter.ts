import type { Kysely } from 'kysely';
import { hiddenUrl } from '../core/hidden-url.js';
import { gapsOf } from '../core/schedule/coverage.js';
import { historyTimelineRows, resolveHistoryAt, type ScheduleHistory } from '../core/schedule/history.js';
import { layerIdsAt } from '../core/schedule/edit.js';
import { nextPrimary } from '../core/schedule/next-primary.js';
import type { Instant, LayerVersion, TimelineRows } from '../core/schedule/types.js';
import type { HolidayCalendar } from '../store/holiday-calendars.js';
import type { StoredSchedule } from '../store/schedules.js';
import type { DB } from '../store/schema.js';
import { usersByIds } from '../store/users.js';
import { toIso } from './schemas/common.js';

export interface UserRef {
  id: string;
  name: string;
  email: string;
}

export type Directory = (id: string) => UserRef;

/** Looks up display names once for everyone a response mentions. */
export async function directoryFor(db: Kysely<DB>, ids: Iterable<string>): Promise<Directory> {
  const users = await usersByIds(db, [...ids]);
  return (id) => {
    const u = users.get(id);
    // A user deleted since keeps appearing in history under their id.
    return u ? { id: u.id, name: u.name, email: u.email } : { id, name: 'Deleted user', email: '' };
  };
}

/** Every user id a stored schedule can mention. */
export function userIdsOf(stored: StoredSchedule): Set<string> {
  const ids = new Set<string>();
  for (const l of stored.layers) for (const v of l.versions) {
    v.members.forEach((m) => ids.add(m));
    if (v.carryOver) ids.add(v.carryOver.userId);
  }
  stored.overrides.forEach((o) => ids.add(o.userId));
  stored.fixedShifts.forEach((f) => ids.add(f.userId));
  return ids;
}

const shadowsOf = (ids: string[], users: Directory) => ids.map((id) => ({ user: users(id) }));
const coverOf = (coverFor: string | undefined, users: Directory) => (coverFor === undefined ? null : users(coverFor));

/** The last instant RFC 3339 can write: 9999-12-31T23:59:59.999Z. */
export const lastWritableInstant = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const untilIso = (t: Instant) => (t <= lastWritableInstant ? toIso(t) : null);

function config(v: LayerVersion, users: Directory) {
  return { timeZone: v.timeZone, rotation: v.rotation, restriction: v.restriction, members: v.members.map(users) };
}

export function presentSummary(stored: StoredSchedule['row']) {
  return {
    id: stored.id,
    name: stored.name,
    description: stored.description,
    teamId: stored.team_id,
    timeZone: stored.time_zone,
    createdAt: toIso(stored.created_at),
    gapAlertDays: stored.gap_alert_days,
  };
}

export function presentDetail(stored: StoredSchedule, now: Instant, users: Directory) {
  const ids = layerIdsAt(stored, now);
  const layers = ids.map((id, position) => {
    const layer = stored.layers.find((l) => l.id === id);
    const versions = layer?.versions ?? [];
    const current = [...versions].reverse().find((v) => v.effectiveFrom <= now) ?? (versions[0] as LayerVersion);
    return {
      id,
      name: layer?.name ?? '',
      position,
      ...config(current, users),
      effectiveFrom: toIso(current.effectiveFrom),
      upcoming: versions.filter((v) => v.effectiveFrom > now).map((v) => ({ effectiveFrom: toIso(v.effectiveFrom), ...config(v, users) })),
    };
  });
  return {
    ...presentSummary(stored.row),
    layers,
    scheduledChanges: stored.structures.filter((s) => s.effectiveFrom > now).map((s) => ({ effectiveFrom: toIso(s.effectiveFrom), layerIds: s.layerIds })),
  };
}

/** A holiday feed's address often carries a token: in full only for those who may edit the schedule, as webhook signing secrets. */
export function presentHolidays(calendar: HolidayCalendar, canEdit: boolean) {
  if (calendar.kind !== 'ical') return calendar;
  return { kind: calendar.kind, url: canEdit ? calendar.url : hiddenUrl(calendar.url), urlHidden: !canEdit };
}

export function presentOnCall(stored: StoredSchedule, history: ScheduleHistory, at: Instant, users: Directory) {
  const r = resolveHistoryAt(history, at);
  const names = new Map(stored.layers.map((l) => [l.id, l.name]));
  const next = nextPrimary(history, at);
  return {
    scheduleId: stored.row.id,
    scheduleName: stored.row.name,
    timeZone: stored.row.time_zone,
    at: toIso(at),
    until: untilIso(r.until),
    primary: r.primary && {
      user: users(r.primary.userId),
      layerId: r.primary.layerId,
      layerName: r.primary.layerId === null ? null : (names.get(r.primary.layerId) ?? null),
      source: r.primary.source,
      coverFor: coverOf(r.primary.coverFor, users),
    },
    shadows: shadowsOf(r.shadows, users),
    layers: r.layers.map((l, position) => ({
      layerId: l.layerId,
      name: names.get(l.layerId) ?? '',
      position,
      user: l.userId === null ? null : users(l.userId),
      source: l.source,
      coverFor: coverOf(l.coverFor, users),
      active: l.active,
      shadows: shadowsOf(l.shadows, users),
      until: untilIso(l.until),
    })),
    // A change after the last writable instant is no change in sight, as for `until`.
    next: next && next.start <= lastWritableInstant ? { user: next.userId === null ? null : users(next.userId), start: toIso(next.start) } : null,
  };
}

export function presentRows(rows: TimelineRows, stored: StoredSchedule, from: Instant, to: Instant, users: Directory) {
  const names = new Map(stored.layers.map((l) => [l.id, l.name]));
  return {
    from: toIso(from),
    to: toIso(to),
    timeZone: stored.row.time_zone,
    layers: rows.layers.map((row) => ({
      layerId: row.layerId,
      name: names.get(row.layerId) ?? row.name,
      segments: row.segments.map((s) => ({
        start: toIso(s.start),
        end: toIso(s.end),
        user: s.userId === null ? null : users(s.userId),
        source: s.source,
        coverFor: coverOf(s.coverFor, users),
        active: s.active,
        shadows: shadowsOf(s.shadows, users),
      })),
    })),
    final: rows.final.map((s) => ({
      start: toIso(s.start),
      end: toIso(s.end),
      user: s.primary ? users(s.primary.userId) : null,
      layerId: s.primary?.layerId ?? null,
      source: s.primary?.source ?? ('none' as const),
      coverFor: coverOf(s.primary?.coverFor, users),
      shadows: shadowsOf(s.shadows, users),
    })),
    gaps: gapsOf(rows.final).map((s) => ({ start: toIso(s.start), end: toIso(s.end) })),
  };
}

export function presentTimeline(stored: StoredSchedule, history: ScheduleHistory, from: Instant, to: Instant, users: Directory) {
  return presentRows(historyTimelineRows(history, from, to), stored, from, to, users);
}

