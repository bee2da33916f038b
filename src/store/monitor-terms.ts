import type { Kysely } from 'kysely';
import type { PolicySnapshot } from '../core/escalation/types.js';
import type { MonitorUrgency } from '../core/escalation/urgency.js';
import { perTransaction } from './per-transaction.js';
import { prepared } from './prepared.js';
import { snapshotOf } from './policies.js';
import type { DB } from './schema.js';

/** What opening incidents for a monitor needs to know of it. */
export interface MonitorTerms {
  name: string;
  urgency: MonitorUrgency;
  /** Null for a team's Manual pages monitor: each manual page names who it pages. */
  policy_id: string | null;
  /** That policy as new incidents snapshot it. */
  policy: PolicySnapshot | null;
  /** Whether it depends on another monitor, and whether another depends on it. */
  links: { hasParents: boolean; hasChildren: boolean };
}

const termsOf = prepared((db: Kysely<DB>, monitorId: string) =>
  db
    .selectFrom('monitors as m')
    .leftJoin('escalation_policies as p', 'p.id', 'm.policy_id')
    .select((eb) => [
      'm.name as monitorName',
      'm.urgency',
      'm.policy_id',
      'p.id',
      'p.name',
      'p.steps',
      'p.repeat',
      'p.ack_timeout_seconds',
      eb.exists(eb.selectFrom('monitor_dependencies').select('monitor_id').where('monitor_id', '=', monitorId)).as('has_parents'),
      eb.exists(eb.selectFrom('monitor_dependencies').select('monitor_id').where('depends_on_id', '=', monitorId)).as('has_children'),
    ])
    .where('m.id', '=', monitorId),
);

/**
 * A monitor's terms in one statement, remembered for the rest of the transaction: a group
 * commit of new incidents needs the monitor, its policy and its dependency links, and on
 * PostgreSQL each separate read is a round trip while the batch holds the ingest queue.
 * Undefined for a monitor that does not exist (any more).
 */
export const monitorTermsIn = perTransaction(async (db: Kysely<DB>, monitorId: string): Promise<MonitorTerms | undefined> => {
  const [row] = await termsOf(db, monitorId);
  if (!row) return undefined;
  const { id, name, steps, repeat, ack_timeout_seconds } = row;
  return {
    name: row.monitorName,
    urgency: row.urgency,
    policy_id: row.policy_id,
    policy: id === null || name === null || steps === null || repeat === null ? null : snapshotOf({ id, name, steps, repeat, ack_timeout_seconds }),
    // SQLite answers 0 or 1, PostgreSQL a boolean.
    links: { hasParents: Boolean(Number(row.has_parents)), hasChildren: Boolean(Number(row.has_children)) },
  };
});
