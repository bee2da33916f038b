import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Range } from '../core/schedule/types.js';
import { DAY } from '../core/time/units.js';
import { rulesOf, type RuleWithMethod } from '../store/contacts.js';
import { claimGapScan, scannedSince, setOpenGaps, targetedSchedules, type ScannedSchedule } from '../store/gap-scans.js';
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

const localDate = (at: number, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

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
  const claimed: ScannedSchedule[] = [];
  for (const schedule of targeted) {
    if (!recent.has(schedule.id) && (await claimGapScan(db, schedule.id, now, now - RESCAN_AFTER))) claimed.push(schedule);
  }
  if (claimed.length === 0) return 0;
  const found = await gapsAhead(db, claimed.map((s) => ({ id: s.id, days: s.gapAlertDays })), now);
  const entries: OutboxEntry[] = [];
  const methods = new Map<string, RuleWithMethod | undefined>();
  for (const schedule of claimed) {
    const gaps = (found.get(schedule.id) ?? []).filter((g) => !g.intended).map(({ start, end }) => ({ start, end }));
    await setOpenGaps(db, schedule.id, gaps.length);
    if (gaps.length === 0) continue;
    const recipients = await recipientsOf(db, schedule.teamId);
    const unknown = recipients.filter((r) => !methods.has(r.id)).map((r) => r.id);
    for (const id of unknown) methods.set(id, undefined);
    for (const rule of await rulesOf(db, unknown)) if (rule.kind !== 'voice' && !methods.get(rule.userId)) methods.set(rule.userId, rule);
    const digest = gapsDigest(gaps);
    for (const person of recipients) {
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
