import type { Kysely } from 'kysely';
import type { AlertDetails } from '../core/alert/details.js';
import { absorbPlainRepeats, type IncidentRow, type RepeatAlert } from '../store/incidents.js';
import type { DB } from '../store/schema.js';

/** An alert sent again for an incident that is open, as far as its sender's node knows. */
export interface PlainRepeat {
  monitorId: string;
  /** The monitors' version at which the node read the monitor (not paused, not grouped). */
  version: string;
  dedupKey: string;
  /** Kept in the incident's alerts, as every alert is. */
  title: string;
  details: AlertDetails | undefined;
}

/**
 * Counts repeats into their open incidents and keeps their alerts, without a transaction
 * on PostgreSQL: the incident each one joined, or null when it needs the full trigger
 * path (no open incident, a count the timeline notes, or a monitor changed since it was
 * read). A key repeated r times in the batch is counted r at once, in one statement with
 * its monitor's other keys repeated as often.
 */
export async function absorbRepeats(db: Kysely<DB>, repeats: PlainRepeat[], now: number): Promise<(IncidentRow | null)[]> {
  const indexesOf = new Map<string, number[]>();
  for (const [index, r] of repeats.entries()) {
    const key = JSON.stringify([r.monitorId, r.version, r.dedupKey]);
    indexesOf.set(key, [...(indexesOf.get(key) ?? []), index]);
  }
  const statements = new Map<string, { monitorId: string; version: string; times: number; alertsByKey: Map<string, RepeatAlert[]> }>();
  for (const indexes of indexesOf.values()) {
    const { monitorId, version, dedupKey } = repeats[indexes[0] as number] as PlainRepeat;
    const key = JSON.stringify([monitorId, version, indexes.length]);
    const statement = statements.get(key) ?? { monitorId, version, times: indexes.length, alertsByKey: new Map() };
    statement.alertsByKey.set(
      dedupKey,
      indexes.map((i) => ({ title: (repeats[i] as PlainRepeat).title, details: (repeats[i] as PlainRepeat).details })),
    );
    statements.set(key, statement);
  }
  const results: (IncidentRow | null)[] = repeats.map(() => null);
  for (const { monitorId, version, times, alertsByKey } of statements.values()) {
    for (const incident of await absorbPlainRepeats(db, monitorId, version, alertsByKey, times, now)) {
      for (const index of indexesOf.get(JSON.stringify([monitorId, version, incident.dedup_key])) ?? []) results[index] = incident;
    }
  }
  return results;
}
