import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Range } from '../core/schedule/types.js';
import { DAY } from '../core/time/units.js';
import { rulesOf, type RuleWithMethod } from '../store/contacts.js';
import { claimGapScans, scannedSince, setOpenGaps, targetedSchedules } from '../store/gap-scans.js';
import { enqueue, type OutboxEntry } from '../store/notifications.js';
import type { DB } from '../store/schema.js';
import { gapsAhead } from './coverage-gaps.js';
import { gapAlertNotice } from './gap-alert-notice.js';

/** How often the loop looks for schedules due a scan. */
export const GAP_SCAN_INTERVAL = 15 * 60_000;
/**
 * A schedule is scanned again once this long has passed since its last scan: a day less
 * one interval of the loop, so the scan does not drift later by up to an interval a day.
 */
const RESCAN_AFTER = DAY - GAP_SCAN_INTERVAL;

export interface GapAlertDeps {
  db: Kysely<DB>;
  baseUrl: string;
}

/** Who hears about a team's gaps: its managers, or the owners when it has none. */
async function recipientsOf(db: Kysely<DB>, teamId: string): Promise<{ id: string; time_zone: string }[]> {
  const managers = await db
    .selectFrom('team_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.time_zone'])
    .where('m.team_id', '=', teamId)
    .where('m.role', '=', 'manager')
    .orderBy('u.id')
    .execute();
  if (managers.length > 0) return managers;
  return db.selectFrom('users').select(['id', 'time_zone']).where('role', '=', 'owner').orderBy('id').execute();
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** 'YYYY-MM-DD' in the zone; formatters are kept, as building one costs more than using it. */
function localDate(at: number, timeZone: string): string {
  let f = dateFormats.get(timeZone);
  if (!f) dateFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f.format(at);
}

/** The same gaps make the same key on any node, so a notice is queued once per person and day. */
function gapsDigest(gaps: Range[]): string {
  return createHash('sha256')
    .update(gaps.map((g) => `${g.start}-${g.end}`).join(','))
    .digest('hex')
    .slice(0, 16);
}

/**
 * One pass of the coverage-gap alert: each schedule a policy targets, not scanned for a
 * day by any node, is claimed, scanned over its next gapAlertDays, and its unintended
 * gaps are sent to the team's managers (the first non-voice method of their rules). The
 * idempotency key (schedule, person, their local date, the gaps) keeps a retried or
 * concurrent pass from telling anyone twice. Returns how many schedules were scanned.
 */
export async function alertCoverageGaps(deps: GapAlertDeps, now: number): Promise<number> {
  const { db } = deps;
  const targeted = await targetedSchedules(db);
  const recent = await scannedSince(db, targeted.map((s) => s.id), now - RESCAN_AFTER);
  const mine = await claimGapScans(db, targeted.filter((s) => !recent.has(s.id)).map((s) => s.id), now, now - RESCAN_AFTER);
  const claimed = targeted.filter((s) => mine.has(s.id));
  if (claimed.length === 0) return 0;
  const found = await gapsAhead(db, claimed.map((s) => ({ id: s.id, days: s.gapAlertDays })), now);
  const open = new Map<string, Range[]>();
  for (const schedule of claimed) {
    open.set(schedule.id, (found.get(schedule.id) ?? []).filter((g) => !g.intended).map(({ start, end }) => ({ start, end })));
  }
  await setOpenGaps(db, new Map([...open].map(([id, gaps]) => [id, gaps.length])));
  const alerting = claimed.filter((s) => (open.get(s.id) ?? []).length > 0);
  const recipients = new Map<string, { id: string; time_zone: string }[]>();
  for (const teamId of new Set(alerting.map((s) => s.teamId))) recipients.set(teamId, await recipientsOf(db, teamId));
  const methods = new Map<string, RuleWithMethod>();
  for (const rule of await rulesOf(db, [...new Set([...recipients.values()].flat().map((r) => r.id))])) {
    if (rule.kind !== 'voice' && !methods.has(rule.userId)) methods.set(rule.userId, rule);
  }
  const entries: OutboxEntry[] = [];
  for (const schedule of alerting) {
    const gaps = open.get(schedule.id) ?? [];
    const digest = gapsDigest(gaps);
    for (const person of recipients.get(schedule.teamId) ?? []) {
      const method = methods.get(person.id);
      if (!method) continue;
      entries.push({
        idempotencyKey: `gaps:${schedule.id}:${person.id}:${localDate(now, person.time_zone)}:${digest}`,
        incidentId: null,
        userId: person.id,
        contactMethodId: method.contactMethodId,
        channel: method.kind,
        address: method.address,
        dueAt: now,
        notice: gapAlertNotice({ baseUrl: deps.baseUrl, scheduleId: schedule.id, scheduleName: schedule.name, days: schedule.gapAlertDays, gaps, timeZone: person.time_zone, now }),
      });
    }
  }
  await enqueue(db, entries, now);
  return claimed.length;
}
