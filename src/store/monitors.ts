import { sql, type Kysely } from 'kysely';
import type { Grouping } from '../core/alert-grouping/types.js';
import type { MonitorUrgency } from '../core/escalation/urgency.js';
import { AppError } from '../core/errors.js';
import { audited } from './audit.js';
import { newSecretToken, sha256 } from '../security/secret-token.js';
import { newId } from './ids.js';
import { keysetPage, type Page, type PageRequest } from './page.js';
import type { DB, MonitorsTable } from './schema.js';
import type { DueTime } from './next-due.js';
import { perTransaction } from './per-transaction.js';
import { prepared } from './prepared.js';

export type MonitorRow = MonitorsTable;

export interface MonitorInput {
  teamId: string;
  name: string;
  kind: string;
  policyId: string;
  config: object;
  paused: boolean;
  /** Default high. */
  urgency?: MonitorUrgency;
  /** Checked monitors: the interval and the first check. */
  check?: { intervalMs: number; nextAt: number };
  /** Pushed monitors that take events: how their alerts fold into incidents; null: ungrouped. */
  grouping?: Grouping | null;
}

export async function insertMonitor(db: Kysely<DB>, input: MonitorInput, now: number): Promise<MonitorRow> {
  const row: MonitorRow = {
    id: newId(),
    team_id: input.teamId,
    name: input.name,
    kind: input.kind,
    policy_id: input.policyId,
    config: JSON.stringify(input.config),
    paused: input.paused ? 1 : 0,
    created_at: now,
    updated_at: now,
    integration_key_hash: null,
    heartbeat_due_at: null,
    next_check_at: input.check?.nextAt ?? null,
    check_interval_ms: input.check?.intervalMs ?? null,
    check_state: null,
    urgency: input.urgency ?? 'high',
    system: 0,
    grouping: input.grouping ? JSON.stringify(input.grouping) : null,
  };
  await audited(db, { entity: 'monitor', id: row.id, action: 'create' }, (trx) => trx.insertInto('monitors').values(row).execute());
  return row;
}

/** The policy a monitor pages through; a team's Manual pages monitor has none (each page brings its own). */
export function policyIdOf(row: Pick<MonitorRow, 'name' | 'policy_id'>): string {
  if (row.policy_id === null) throw new AppError('system_monitor', `${row.name} has no policy: each manual page names who it pages`);
  return row.policy_id;
}

export async function getMonitor(db: Kysely<DB>, id: string): Promise<MonitorRow> {
  const row = await db.selectFrom('monitors').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `No monitor ${id}`);
  return row;
}

export function listMonitors(db: Kysely<DB>, page: PageRequest): Promise<Page<MonitorRow>> {
  return keysetPage(page, (after, limit) =>
    db
      .selectFrom('monitors')
      .selectAll()
      // Manual pages monitors are no one's to configure: they show where their incidents do.
      .where('system', '=', 0)
      .$if(after !== undefined, (q) => q.where('id', '>', after as string))
      .orderBy('id')
      .limit(limit)
      .execute(),
  );
}

export async function updateMonitor(db: Kysely<DB>, id: string, patch: Partial<MonitorInput>, now: number): Promise<void> {
  await audited(db, { entity: 'monitor', id, action: 'update' }, (trx) =>
    trx
      .updateTable('monitors')
      .set({
        ...(patch.teamId !== undefined && { team_id: patch.teamId }),
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.policyId !== undefined && { policy_id: patch.policyId }),
        ...(patch.config !== undefined && { config: JSON.stringify(patch.config) }),
        ...(patch.paused !== undefined && { paused: patch.paused ? 1 : 0 }),
        ...(patch.urgency !== undefined && { urgency: patch.urgency }),
        ...(patch.grouping !== undefined && { grouping: patch.grouping === null ? null : JSON.stringify(patch.grouping) }),
        ...(patch.check !== undefined && { next_check_at: patch.check.nextAt, check_interval_ms: patch.check.intervalMs }),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute(),
  );
}

/** Points every monitor paging through one policy at another. */
export async function repointMonitors(db: Kysely<DB>, fromPolicy: string, toPolicy: string, now: number): Promise<void> {
  // One by one, so each repointed monitor has its own audit row.
  for (const { id } of await db.selectFrom('monitors').select('id').where('policy_id', '=', fromPolicy).execute()) {
    await audited(db, { entity: 'monitor', id, action: 'update' }, (trx) =>
      trx.updateTable('monitors').set({ policy_id: toPolicy, updated_at: now }).where('id', '=', id).execute(),
    );
  }
}

export function deleteMonitor(db: Kysely<DB>, id: string): Promise<void> {
  return audited(db, { entity: 'monitor', id, action: 'delete' }, async (trx) => {
    const result = await trx.deleteFrom('monitors').where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw new AppError('not_found', `No monitor ${id}`);
  });
}

/** Gives a pushed monitor a new integration key (the old one stops working) and returns it. */
export async function rotateIntegrationKey(db: Kysely<DB>, id: string): Promise<string> {
  const key = newSecretToken('vgi_');
  await audited(db, { entity: 'monitor', id, action: 'rotate_integration_key' }, (trx) =>
    trx.updateTable('monitors').set({ integration_key_hash: sha256(key) }).where('id', '=', id).execute(),
  );
  return key;
}

/**
 * Sets the key senders already use (a PagerDuty service's, when moving to Vigil) instead of
 * a generated one; false when another monitor has it.
 */
export async function setIntegrationKey(db: Kysely<DB>, id: string, key: string): Promise<boolean> {
  const hash = sha256(key);
  const taken = await db.selectFrom('monitors').select('id').where('integration_key_hash', '=', hash).where('id', '!=', id).executeTakeFirst();
  if (taken) return false;
  await audited(db, { entity: 'monitor', id, action: 'rotate_integration_key' }, (trx) => trx.updateTable('monitors').set({ integration_key_hash: hash }).where('id', '=', id).execute());
  return true;
}

/**
 * The monitor behind an integration key, with the version (migrations 0017, 0041) that
 * changes whenever anything ingest reads about such a monitor changes, read in one
 * statement so the two agree.
 */
export async function findMonitorByKeyHash(db: Kysely<DB>, keyHash: string): Promise<{ monitor: MonitorRow; version: string } | undefined> {
  const row = await db
    .selectFrom('monitors')
    .innerJoin('integration_key_version as v', (join) => join.on('v.id', '=', 1))
    .selectAll('monitors')
    .select('v.version as key_version')
    .where('integration_key_hash', '=', keyHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { key_version: version, ...monitor } = row;
  return { monitor, version };
}

const storedVersion = perTransaction(async (db: Kysely<DB>) => {
  const [row] = await keyVersion(db);
  if (!row) throw new Error('integration_key_version has no row (migration 0017 writes it)');
  return row.version;
});

/**
 * The version of what ingest keeps in memory about monitors (see findMonitorByKeyHash):
 * read once per transaction, by whichever cache asks first.
 */
export const monitorsVersionIn = (db: Kysely<DB>): Promise<string> => storedVersion(db, '');

// No parameter: it is an ingest transaction's first statement, which PostgreSQL then gets
// in one message with the BEGIN (postgres-lazy-begin.ts).
const keyVersion = prepared((db: Kysely<DB>) => db.selectFrom('integration_key_version').select('version').where('id', '=', sql.lit(1)));

/** One open "no heartbeat" incident per monitor; the next beat resolves it. */
export const HEARTBEAT_DEDUP_KEY = 'heartbeat';

export interface HeartbeatConfig {
  intervalSeconds: number;
  graceSeconds: number;
}

export const heartbeatWindowMs = (row: MonitorRow): number => {
  const config = JSON.parse(row.config) as HeartbeatConfig;
  return (config.intervalSeconds + config.graceSeconds) * 1000;
};

export async function setHeartbeatDue(db: Kysely<DB>, id: string, dueAt: number | null): Promise<void> {
  await db.updateTable('monitors').set({ heartbeat_due_at: dueAt }).where('id', '=', id).execute();
}

/**
 * Claims the heartbeat monitors whose beat is overdue: the update succeeds on one node
 * only, so a missed beat opens one incident however many nodes look.
 */
export async function claimOverdueHeartbeats(db: Kysely<DB>, now: number): Promise<MonitorRow[]> {
  const due = await overdueHeartbeats(db, now);
  const claimed: MonitorRow[] = [];
  for (const row of due) {
    const result = await db.updateTable('monitors').set({ heartbeat_due_at: null }).where('id', '=', row.id).where('heartbeat_due_at', '<=', now).executeTakeFirst();
    if (result.numUpdatedRows === 1n) claimed.push(row);
  }
  return claimed;
}

// The engine asks every pass (prepared.ts).
const overdueHeartbeats = prepared((db: Kysely<DB>, now: number) => db.selectFrom('monitors').selectAll().where('heartbeat_due_at', '<=', now).where('paused', '=', 0));

/** The earliest instant a heartbeat monitor's ping is due. */
export function heartbeatDueTimes(db: Kysely<DB>): DueTime[] {
  return [db.selectFrom('monitors').select((eb) => eb.fn.min('heartbeat_due_at').as('at')).where('paused', '=', 0)];
}

/** A monitor's grouping of its alerts; null when it has none. */
export const groupingOf = (row: MonitorRow): Grouping | null => (row.grouping === null ? null : (JSON.parse(row.grouping) as Grouping));
