import type { Kysely } from 'kysely';
import { deepFreeze } from '../core/deep-freeze.js';
import { LruMap } from '../core/lru-map.js';
import type { PolicySnapshot } from '../core/escalation/types.js';
import type { MonitorUrgency } from '../core/escalation/urgency.js';
import { monitorsVersionIn } from './monitors.js';
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
 * A monitor's terms, remembered for the rest of the transaction and, across transactions,
 * by the stored version (migration 0041) that every change to them replaces: a group
 * commit of new incidents needs the monitor, its policy and its dependency links, and
 * an alert storm commits hundreds of such batches for the same few monitors, each of
 * which reads the version anyway (ingest's keys). The version is read before the terms,
 * so terms are never kept under a version newer than they are. A monitor not found is not
 * remembered: creating one changes no version. Undefined for a monitor that does not
 * exist (any more).
 */
export const monitorTermsIn = perTransaction(async (db: Kysely<DB>, monitorId: string): Promise<MonitorTerms | undefined> => {
  const version = await monitorsVersionIn(db);
  const key = `${version} ${monitorId}`;
  const kept = keptTerms.get(key);
  if (kept) return kept;
  const [row] = await termsOf(db, monitorId);
  if (!row) return undefined;
  const { id, name, steps, repeat, ack_timeout_seconds } = row;
  const terms: MonitorTerms = {
    name: row.monitorName,
    urgency: row.urgency,
    policy_id: row.policy_id,
    policy: id === null || name === null || steps === null || repeat === null ? null : snapshotOf({ id, name, steps, repeat, ack_timeout_seconds }),
    // SQLite answers 0 or 1, PostgreSQL a boolean.
    links: { hasParents: Boolean(Number(row.has_parents)), hasChildren: Boolean(Number(row.has_children)) },
  };
  keptTerms.set(key, deepFreeze(terms));
  return terms;
});

// Shared by every database a process opens: a version is random, so two databases share
// one only as copies of the same data (a template), whose terms are the same.
const keptTerms = new LruMap<string, MonitorTerms>(1_000);
