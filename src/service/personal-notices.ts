import type { Kysely } from 'kysely';
import { rulesOf, type RuleWithMethod } from '../store/contacts.js';
import { enqueue, type OutboxEntry } from '../store/notifications.js';
import type { DB } from '../store/schema.js';

export interface PersonalNotice {
  userId: string;
  /** Unique per message that should exist: queueing the same key twice keeps one. */
  key: string;
  subject: string;
  text: string;
}

/**
 * Queues messages that are not pages, due now, each to the first non-voice method of the
 * person's notification rules (as handoff notices are); someone without one is skipped.
 */
export async function queueNotices(db: Kysely<DB>, notices: PersonalNotice[], now: number): Promise<number> {
  if (notices.length === 0) return 0;
  const methods = new Map<string, RuleWithMethod>();
  for (const rule of await rulesOf(db, notices.map((n) => n.userId))) {
    if (rule.kind !== 'voice' && !methods.has(rule.userId)) methods.set(rule.userId, rule);
  }
  const entries: OutboxEntry[] = notices.flatMap((n) => {
    const method = methods.get(n.userId);
    if (!method) return [];
    return [
      {
        idempotencyKey: n.key,
        incidentId: null,
        userId: n.userId,
        contactMethodId: method.contactMethodId,
        channel: method.kind,
        address: method.address,
        dueAt: now,
        notice: { subject: n.subject, text: n.text },
      },
    ];
  });
  await enqueue(db, entries, now);
  return entries.length;
}
