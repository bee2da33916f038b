import { LruMap } from '../core/lru-map.js';

/** How long a node stops guessing keys new after a guess was wrong. */
export const GUESS_PAUSE_MS = 60_000;

const keyOf = (monitorId: string, dedupKey: string) => `${monitorId}\n${dedupKey}`;

/**
 * The alert keys this node has seen, for two guesses that save an alert storm statements.
 * A wrong guess costs time, never an alert or a count:
 * - A key it has never seen has no open incident, so its trigger opens one without first
 *   looking for one to fold into (on PostgreSQL one round trip of a batch's four). When one
 *   is open after all (opened before a restart, or through another node), the unique index
 *   on open keys refuses the insert, the batch's writes run again one by one on the full
 *   path, and the node stops guessing for a minute, so that a storm of repeats it has not
 *   seen (just after a restart) pays for it about once.
 * - A key whose open incident absorbed a repeat here takes absorbRepeats next time.
 * At most `capacity` keys are kept; a key resolved through this node is forgotten.
 */
export class SeenKeys {
  private readonly keys: LruMap<string, 'seen' | 'repeated'>;
  private guessingFrom = 0;

  constructor(capacity = 20_000) {
    this.keys = new LruMap(capacity);
  }

  /** Notes a trigger's key; true when it had not been seen and new keys are being guessed new. */
  see(monitorId: string, dedupKey: string, now: number): boolean {
    const key = keyOf(monitorId, dedupKey);
    if (this.keys.get(key) !== undefined) return false;
    this.keys.set(key, 'seen');
    return now >= this.guessingFrom;
  }

  /** A key guessed new had an open incident: no guesses until the pause is over. */
  guessedWrong(now: number): void {
    this.guessingFrom = now + GUESS_PAUSE_MS;
  }

  repeated(monitorId: string, dedupKey: string): void {
    this.keys.set(keyOf(monitorId, dedupKey), 'repeated');
  }

  hasRepeated(monitorId: string, dedupKey: string): boolean {
    return this.keys.get(keyOf(monitorId, dedupKey)) === 'repeated';
  }

  forget(monitorId: string, dedupKey: string): void {
    this.keys.delete(keyOf(monitorId, dedupKey));
  }
}
