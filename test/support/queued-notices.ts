import type { TestApp } from './test-app.js';

export interface QueuedNotice {
  key: string;
  userId: string;
  dueAt: number;
  subject: string;
  text: string;
}

/** The notices in the outbox whose idempotency key starts with `prefix`, oldest first. */
export async function queuedNotices(t: TestApp, prefix: string): Promise<QueuedNotice[]> {
  const rows = await t.vigil.database.db
    .selectFrom('notifications')
    .select(['idempotency_key', 'user_id', 'notice', 'due_at'])
    .where('idempotency_key', 'like', `${prefix}%`)
    .orderBy('created_at')
    .orderBy('idempotency_key')
    .execute();
  return rows.map((n) => ({ key: n.idempotency_key, userId: n.user_id as string, dueAt: Number(n.due_at), ...(JSON.parse(n.notice ?? '{}') as { subject: string; text: string }) }));
}
