import type { Kysely } from 'kysely';
import type { Person } from '../core/escalation/paging-plan.js';
import type { DB } from './schema.js';

/**
 * Users with every contact method (verified or not) and notification rule, for the paging
 * plan: it shows the rules the engine would pass over, and why.
 */
export async function loadPeople(db: Kysely<DB>, userIds: Iterable<string>): Promise<Person[]> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return [];
  const [users, methods, rules] = await Promise.all([
    db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute(),
    db.selectFrom('contact_methods').select(['id', 'user_id', 'kind', 'label', 'verified_at']).where('user_id', 'in', ids).orderBy('id').execute(),
    db.selectFrom('notification_rules').select(['id', 'user_id', 'contact_method_id', 'delay_seconds', 'urgency']).where('user_id', 'in', ids).orderBy('delay_seconds').orderBy('id').execute(),
  ]);
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    methods: methods.filter((m) => m.user_id === u.id).map((m) => ({ id: m.id, kind: m.kind, label: m.label, verified: m.verified_at !== null })),
    rules: rules.filter((r) => r.user_id === u.id).map((r) => ({ id: r.id, contactMethodId: r.contact_method_id, delaySeconds: r.delay_seconds, urgency: r.urgency })),
  }));
}
