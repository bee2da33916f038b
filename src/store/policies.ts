import type { Kysely } from 'kysely';
import { AppError } from '../core/errors.js';
import { audited } from './audit.js';
import type { PolicySnapshot, PolicyStep } from '../core/escalation/types.js';
import { isForeignKeyViolation } from './database.js';
import { newId } from './ids.js';
import { keysetPage, type Page, type PageRequest } from './page.js';
import type { DB, EscalationPoliciesTable } from './schema.js';

export type PolicyRow = EscalationPoliciesTable;

export interface PolicyInput {
  teamId: string;
  name: string;
  description: string;
  repeat: number;
  ackTimeoutSeconds: number | null;
  steps: PolicyStep[];
}

const columnsOf = (input: PolicyInput) => ({
  team_id: input.teamId,
  name: input.name,
  description: input.description,
  repeat: input.repeat,
  ack_timeout_seconds: input.ackTimeoutSeconds,
  steps: JSON.stringify(input.steps),
});

export async function insertPolicy(db: Kysely<DB>, input: PolicyInput, now: number): Promise<PolicyRow> {
  const row: PolicyRow = { id: newId(), ...columnsOf(input), created_at: now, updated_at: now };
  await audited(db, { entity: 'policy', id: row.id, action: 'create' }, (trx) => trx.insertInto('escalation_policies').values(row).execute());
  return row;
}

export async function getPolicy(db: Kysely<DB>, id: string): Promise<PolicyRow> {
  const row = await findPolicy(db, id);
  if (!row) throw new AppError('not_found', `No escalation policy ${id}`);
  return row;
}

export function findPolicy(db: Kysely<DB>, id: string): Promise<PolicyRow | undefined> {
  return db.selectFrom('escalation_policies').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listPolicies(db: Kysely<DB>, page: PageRequest): Promise<Page<PolicyRow>> {
  return keysetPage(page, (after, limit) =>
    db.selectFrom('escalation_policies').selectAll().$if(after !== undefined, (q) => q.where('id', '>', after as string)).orderBy('id').limit(limit).execute(),
  );
}

export async function updatePolicy(db: Kysely<DB>, id: string, input: PolicyInput, now: number): Promise<void> {
  await audited(db, { entity: 'policy', id, action: 'update' }, (trx) =>
    trx
      .updateTable('escalation_policies')
      .set({ ...columnsOf(input), updated_at: now })
      .where('id', '=', id)
      .execute(),
  );
}

export function deletePolicy(db: Kysely<DB>, id: string): Promise<void> {
  return audited(db, { entity: 'policy', id, action: 'delete' }, async (trx) => {
    const result = await trx
      .deleteFrom('escalation_policies')
      .where('id', '=', id)
      .executeTakeFirst()
      .catch((err: unknown) => {
        if (isForeignKeyViolation(err)) throw new AppError('policy_in_use');
        throw err;
      });
    if (result.numDeletedRows === 0n) throw new AppError('not_found', `No escalation policy ${id}`);
  });
}

/** What an incident keeps of its policy when it triggers. */
export function snapshotOf(row: Pick<PolicyRow, 'id' | 'name' | 'steps' | 'repeat' | 'ack_timeout_seconds'>): PolicySnapshot {
  return { id: row.id, name: row.name, steps: JSON.parse(row.steps) as PolicyStep[], repeat: row.repeat, ackTimeoutSeconds: row.ack_timeout_seconds };
}
