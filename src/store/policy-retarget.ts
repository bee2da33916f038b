import type { Kysely } from 'kysely';
import type { PolicyStep, Target } from '../core/escalation/types.js';
import { audited } from './audit.js';
import type { DB } from './schema.js';

/** What becomes of one target: undefined keeps it, null removes it, a target re-points it. */
export type Retarget = (t: Target) => Target | null | undefined;

/**
 * Rewrites the targets of every policy naming `needle` (an id) after a forced or replaced
 * deletion. A step left without targets stays, so later steps keep their timing; it
 * reaches nobody and is skipped when it fires. Duplicates a re-point creates are merged.
 * Open incidents keep the snapshot they triggered with.
 */
export async function retargetPolicies(db: Kysely<DB>, needle: string, retarget: Retarget, now: number): Promise<void> {
  const rows = await db.selectFrom('escalation_policies').select(['id', 'steps']).where('steps', 'like', `%${needle}%`).execute();
  for (const row of rows) {
    const steps = JSON.parse(row.steps) as PolicyStep[];
    const rewritten = steps.map((step) => {
      const seen = new Set<string>();
      const targets = step.targets.flatMap((t) => {
        const next = retarget(t);
        const kept = next === undefined ? t : next;
        if (kept === null) return [];
        const key = JSON.stringify(kept);
        if (seen.has(key)) return [];
        seen.add(key);
        return [kept];
      });
      return { ...step, targets };
    });
    const json = JSON.stringify(rewritten);
    if (json === row.steps) continue;
    await audited(db, { entity: 'policy', id: row.id, action: 'update' }, (trx) =>
      trx.updateTable('escalation_policies').set({ steps: json, updated_at: now }).where('id', '=', row.id).execute(),
    );
  }
}
