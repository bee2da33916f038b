import { sql, type Kysely } from 'kysely';
import { addEvent } from '../store/incidents.js';
import { chunksOf } from '../store/chunks.js';
import { enqueue, type OutboxEntry } from '../store/notifications.js';
import type { DB, NotificationStatus } from '../store/schema.js';

/**
 * Statuses of a page that may still reach, or has reached, its recipient. Written into
 * the SQL, not bound: SQLite runs `status IN (?, ?, ?, ?)` six times slower than the same
 * list of literals (70 µs against 11 µs, measured), and every exhausted policy asks.
 */
const LIVE = (['queued', 'sending', 'sent', 'delivered'] as const).map((status) => sql.lit<NotificationStatus>(status));

/**
 * The outbox rows of one transition share the key prefix "<incident>:<seq>:". A page
 * whose last attempt failed tells which transition it belonged to.
 */
function transitionOf(idempotencyKey: string): { incidentId: string; seq: number } | null {
  const [incidentId, seq] = idempotencyKey.split(':');
  const n = Number(seq);
  return incidentId && Number.isInteger(n) ? { incidentId, seq: n } : null;
}

/**
 * A page failed for good. If every page of the step it belonged to has failed, the step
 * reached nobody: the next step fires at once instead of after its wait (and when none
 * is left, the policy ends and the fallback below tells the managers). True when there
 * is new work for the engine now.
 */
export async function afterFinalFailure(db: Kysely<DB>, idempotencyKey: string, at: number): Promise<boolean> {
  const step = transitionOf(idempotencyKey);
  if (!step) return false;
  const live = await db
    .selectFrom('notifications')
    .select('id')
    .where('incident_id', '=', step.incidentId)
    .where('idempotency_key', 'like', `${step.incidentId}:${step.seq}:%`)
    .where('status', 'in', LIVE)
    .limit(1)
    .executeTakeFirst();
  if (live) return false;
  // Only while the incident is still waiting after that very step (seq moved by one).
  const moved = await db
    .updateTable('incidents')
    .set({ next_action_at: at })
    .where('id', '=', step.incidentId)
    .where('status', '=', 'triggered')
    .where('seq', '=', step.seq + 1)
    .where('next_action_at', '>', at)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) > 0) {
    await addEvent(db, step.incidentId, { at, kind: 'step_unreached', data: { reason: 'every delivery failed' } });
    return true;
  }
  // The policy already ran out while these pages were being retried.
  const incident = await db.selectFrom('incidents').select(['id', 'monitor_id', 'title', 'status', 'next_action_at']).where('id', '=', step.incidentId).executeTakeFirst();
  if (incident?.status === 'triggered' && incident.next_action_at === null) return (await fallbackIfNobodyReached(db, [incident], at, at)) > 0;
  return false;
}

/** Which of these incidents have a page that went out, or still may. */
async function reachedAnyone(db: Kysely<DB>, incidentIds: string[]): Promise<Set<string>> {
  const reached = new Set<string>();
  for (const chunk of chunksOf(incidentIds)) {
    const rows = await db.selectFrom('notifications').select('incident_id').distinct().where('incident_id', 'in', chunk).where('status', 'in', LIVE).execute();
    for (const row of rows) if (row.incident_id) reached.add(row.incident_id);
  }
  return reached;
}

type Unreached = { id: string; monitor_id: string; title: string };

/**
 * The policy ran out for these incidents. Those that no page reached (nearly always none:
 * one read for all of them) fall back to the managers: how many pages that queued.
 */
export async function fallbackIfNobodyReached(db: Kysely<DB>, incidents: Unreached[], at: number, now: number): Promise<number> {
  if (incidents.length === 0) return 0;
  const reached = await reachedAnyone(
    db,
    incidents.map((i) => i.id),
  );
  let queued = 0;
  for (const incident of incidents) if (!reached.has(incident.id)) queued += await tellManagers(db, incident, at, now);
  return queued;
}

/**
 * No page of the incident reached anyone: the team's managers and the owners are told
 * through every verified contact method they have, whatever their notification rules
 * say, so an incident is never silent.
 */
async function tellManagers(db: Kysely<DB>, incident: Unreached, at: number, now: number): Promise<number> {
  const told = await db.selectFrom('notifications').select('id').where('idempotency_key', 'like', `${incident.id}:fallback:%`).limit(1).executeTakeFirst();
  if (told) return 0;
  const monitor = await db.selectFrom('monitors').select(['team_id', 'name']).where('id', '=', incident.monitor_id).executeTakeFirst();
  const methods = await db
    .selectFrom('contact_methods as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.id', 'm.user_id', 'm.kind', 'm.address'])
    .where('m.verified_at', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('u.role', '=', 'owner'),
        eb('u.id', 'in', eb.selectFrom('team_members').select('user_id').where('team_id', '=', monitor?.team_id ?? '').where('role', '=', 'manager')),
      ]),
    )
    .execute();
  const notice = {
    subject: `Nobody was reached for "${incident.title}"`,
    text: `Vigil could not reach anyone for the incident "${incident.title}" (monitor ${monitor?.name ?? '?'}): every step of its escalation policy reached nobody or every page failed. It is still open (incident ${incident.id}); check its policy's paging plan.`,
  };
  const entries: OutboxEntry[] = methods.map((m) => ({
    idempotencyKey: `${incident.id}:fallback:${m.id}`,
    incidentId: incident.id,
    userId: m.user_id,
    contactMethodId: m.id,
    channel: m.kind,
    address: m.address,
    dueAt: at,
    notice,
  }));
  await enqueue(db, entries, now);
  await addEvent(db, incident.id, { at, kind: 'nobody_reached', data: { told: [...new Set(methods.map((m) => m.user_id))] } });
  return entries.length;
}
