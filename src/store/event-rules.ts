import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { NamedRule } from '../core/event-rules/types.js';
import { badReplacement } from '../core/in-use.js';
import { audited } from './audit.js';
import { eventRulesSetting, savedEventRules } from './audit-snapshots.js';
import { newId } from './ids.js';
import type { DB } from './schema.js';

/** The rules of one list, in order; monitorId null: the organisation's global list. */
export async function listEventRules(db: Kysely<DB>, monitorId: string | null): Promise<NamedRule[]> {
  return (await savedEventRules(db, monitorId)) as NamedRule[];
}

/**
 * Replaces a list whole, in one transaction with its audit row (the monitor's, or the
 * global list as a setting) and a new version, so every node compiles it afresh.
 */
export async function replaceEventRules(db: Kysely<DB>, monitorId: string | null, rules: NamedRule[], now: number): Promise<void> {
  const change = monitorId === null ? ({ entity: 'setting', id: eventRulesSetting } as const) : ({ entity: 'monitor', id: monitorId } as const);
  await audited(db, { ...change, action: 'update' }, async (trx) => {
    await trx
      .deleteFrom('event_rules')
      .$if(monitorId === null, (q) => q.where('monitor_id', 'is', null))
      .$if(monitorId !== null, (q) => q.where('monitor_id', '=', monitorId as string))
      .execute();
    if (rules.length > 0) {
      await trx
        .insertInto('event_rules')
        .values(
          rules.map(({ name, when, then, continue: goOn }, position) => ({
            id: newId(),
            monitor_id: monitorId,
            position,
            name,
            rule: JSON.stringify({ when, then, ...(goOn !== undefined && { continue: goOn }) }),
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
    }
    await trx.updateTable('event_rules_version').set({ version: randomUUID() }).where('id', '=', 1).execute();
  });
}

/**
 * Points the rules that route to one policy at another, list by list (each saved whole,
 * with its audit row), when that policy is deleted. A monitor's rules route within its
 * team, so a replacement from another team is refused, as a save of those rules would be.
 */
export async function repointRuleRoutes(db: Kysely<DB>, fromPolicy: string, to: { id: string; team_id: string }, now: number): Promise<void> {
  const lists = await db
    .selectFrom('event_rules as r')
    .leftJoin('monitors as m', 'm.id', 'r.monitor_id')
    .select(['r.monitor_id', 'm.name', 'm.team_id'])
    .distinct()
    .where('r.rule', 'like', `%${fromPolicy}%`)
    .execute();
  for (const list of lists) {
    const rules = await listEventRules(db, list.monitor_id);
    if (!rules.some((r) => r.then.policyId === fromPolicy)) continue;
    if (list.team_id !== null && list.team_id !== to.team_id) {
      throw badReplacement(`belongs to another team than monitor "${list.name ?? ''}", whose event rules route to this policy`);
    }
    const repointed = rules.map((r) => (r.then.policyId === fromPolicy ? { ...r, then: { ...r.then, policyId: to.id } } : r));
    await replaceEventRules(db, list.monitor_id, repointed, now);
  }
}

/** Changes with every save of any list: one read tells a node whether its compiled rules are current. */
export async function eventRulesVersion(db: Kysely<DB>): Promise<string> {
  const row = await db.selectFrom('event_rules_version').select('version').where('id', '=', 1).executeTakeFirstOrThrow();
  return row.version;
}

export interface RuleKey {
  monitorId: string;
  sentKey: string;
  dedupKey: string;
}

/** Remembers the keys rules gave alerts, the latest per sent key (a batch may repeat one). */
export async function rememberRuleKeys(db: Kysely<DB>, keys: RuleKey[], now: number): Promise<void> {
  const latest = new Map(keys.map((k) => [JSON.stringify([k.monitorId, k.sentKey]), k]));
  if (latest.size === 0) return;
  await db
    .insertInto('event_rule_keys')
    .values([...latest.values()].map((k) => ({ monitor_id: k.monitorId, sent_key: k.sentKey, dedup_key: k.dedupKey, at: now })))
    .onConflict((oc) => oc.columns(['monitor_id', 'sent_key']).doUpdateSet((eb) => ({ dedup_key: eb.ref('excluded.dedup_key'), at: eb.ref('excluded.at') })))
    .execute();
}

/** The key a rule gave the alert its sender knows by `sentKey`, if one did. */
export async function ruleKeyOf(db: Kysely<DB>, monitorId: string, sentKey: string): Promise<string | undefined> {
  const row = await db.selectFrom('event_rule_keys').select('dedup_key').where('monitor_id', '=', monitorId).where('sent_key', '=', sentKey).executeTakeFirst();
  return row?.dedup_key;
}

/** The sender resolved its alert: its key is needed no more. */
export async function forgetRuleKey(db: Kysely<DB>, monitorId: string, sentKey: string): Promise<void> {
  await db.deleteFrom('event_rule_keys').where('monitor_id', '=', monitorId).where('sent_key', '=', sentKey).execute();
}

/**
 * Forgets remembered keys older than `before` whose alert is no longer open (the sender
 * never resolved it, or resolved it by the rule's key): a late resolve then falls back to
 * the sender's own key, which finds nothing open either. Keys of open alerts stay, grouped
 * ones included.
 */
export async function pruneRuleKeys(db: Kysely<DB>, before: number): Promise<number> {
  const result = await db
    .deleteFrom('event_rule_keys')
    .where('at', '<', before)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('incidents')
            .select('incidents.id')
            .whereRef('incidents.monitor_id', '=', 'event_rule_keys.monitor_id')
            .where('incidents.status', '!=', 'resolved')
            .where((eb) =>
              eb.or([
                eb('incidents.dedup_key', '=', eb.ref('event_rule_keys.dedup_key')),
                eb.exists(
                  eb
                    .selectFrom('incident_alerts')
                    .select('incident_alerts.id')
                    .whereRef('incident_alerts.incident_id', '=', 'incidents.id')
                    .whereRef('incident_alerts.dedup_key', '=', 'event_rule_keys.dedup_key')
                    .where('incident_alerts.resolved_at', 'is', null),
                ),
              ]),
            ),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
