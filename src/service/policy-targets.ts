import type { Kysely } from 'kysely';
import { AppError, type FieldError } from '../core/errors.js';
import { layerIdsAt } from '../core/schedule/edit.js';
import type { PolicyStep } from '../core/escalation/types.js';
import type { Dialect } from '../store/database.js';
import { loadSchedule } from '../store/schedules.js';
import type { DB } from '../store/schema.js';

/**
 * Every schedule, layer, user and team a policy names must exist (layers: currently).
 * Run inside the transaction that saves the policy: on PostgreSQL the rows found stay
 * share-locked until it commits, so a concurrent guarded deletion either waits and then
 * sees the new reference, or commits first and the check fails.
 */
export async function checkPolicyTargets(db: Kysely<DB>, dialect: Dialect, steps: PolicyStep[], now: number): Promise<void> {
  const errors: FieldError[] = [];
  const exists = async (table: 'users' | 'teams' | 'schedules', id: string) =>
    (await db
      .selectFrom(table)
      .select('id')
      .where('id', '=', id)
      .$if(dialect === 'postgres', (q) => q.forShare())
      .executeTakeFirst()) !== undefined;
  for (const [i, step] of steps.entries()) {
    for (const [j, t] of step.targets.entries()) {
      const path = `/body/steps/${i}/targets/${j}`;
      if (t.type === 'user' && !(await exists('users', t.userId))) errors.push({ path: `${path}/userId`, message: 'is not an existing user' });
      if (t.type === 'team' && !(await exists('teams', t.teamId))) errors.push({ path: `${path}/teamId`, message: 'is not an existing team' });
      if (t.type === 'schedule' || t.type === 'schedule_layer' || t.type === 'schedule_all_layers') {
        if (!(await exists('schedules', t.scheduleId))) {
          errors.push({ path: `${path}/scheduleId`, message: 'is not an existing schedule' });
        } else if (t.type === 'schedule_layer') {
          const stored = await loadSchedule(db, t.scheduleId, { from: now, to: now + 1 });
          if (!layerIdsAt(stored, now).includes(t.layerId)) errors.push({ path: `${path}/layerId`, message: 'is not a current layer of that schedule' });
        }
      }
    }
  }
  if (errors.length > 0) throw new AppError('validation_failed', 'Some targets do not exist', errors);
}
