import type { Kysely } from 'kysely';
import { redactChange, type Snapshot } from '../core/audit/redact.js';
import { currentChangeOrigin } from '../kernel/change-origin.js';
import { loadSnapshot, type AuditEntityType } from './audit-snapshots.js';
import { newId } from './ids.js';
import { keysetPage, type Page, type PageRequest } from './page.js';
import type { AuditLogTable, DB } from './schema.js';
import { transact } from './transact.js';

export const auditActions = [
  'create',
  'update',
  'delete',
  'add_member',
  'change_member',
  'remove_member',
  'rotate_integration_key',
  'revoke',
  'enable_two_factor',
  'disable_two_factor',
  'replace_recovery_codes',
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditedChange<T> {
  entity: AuditEntityType;
  /** The entity's id, or how to find it in what the write returns (a creation). */
  id: string | ((result: T) => string);
  action: AuditAction;
}

/** The entities each open transaction is recording a change of right now. */
const recording = new WeakMap<Kysely<DB>, Set<string>>();

/** How long a User-Agent header is kept: enough to tell browsers and scripts apart. */
const USER_AGENT_MAX = 512;

/**
 * Runs `write` and records it in the audit log in the same transaction (the caller's, or
 * one opened here), so no change is ever stored without its audit row. The entity is
 * read before and after the write; an update that changed nothing is not recorded. The
 * actor, address and user agent come from the request the change is made for (see
 * src/kernel/change-origin.ts); secrets are redacted before anything is written.
 */
export async function audited<T>(db: Kysely<DB>, change: AuditedChange<T>, write: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (!db.isTransaction) return transact(db, (trx) => audited(trx, change, write));
  const knownId = typeof change.id === 'string' ? change.id : null;
  // A write that is part of a bigger change of the same entity (a rename inside a layer
  // edit, new recovery codes inside an enrolment) is recorded by the outer call, once.
  const key = `${change.entity} ${knownId}`;
  const open = recording.get(db) ?? new Set<string>();
  if (knownId !== null && open.has(key)) return write(db);
  recording.set(db, open.add(key));
  try {
    const before = knownId === null ? null : await loadSnapshot(db, change.entity, knownId);
    const result = await write(db);
    const id = knownId ?? (change.id as (result: T) => string)(result);
    const after = change.action === 'delete' ? null : await loadSnapshot(db, change.entity, id);
    if (JSON.stringify(before) !== JSON.stringify(after)) await recordChange(db, { entity: change.entity, id, action: change.action, before, after });
    return result;
  } finally {
    open.delete(key);
  }
}

/** Writes one audit row: the origin from the request context, the snapshots redacted. */
async function recordChange(
  db: Kysely<DB>,
  change: { entity: AuditEntityType; id: string; action: AuditAction; before: Snapshot | null; after: Snapshot | null },
): Promise<void> {
  const origin = currentChangeOrigin();
  const { before, after } = redactChange(change.before, change.after);
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      at: origin.at,
      actor_id: origin.actorId,
      actor_email: origin.actorEmail,
      via: origin.via,
      ip: origin.ip,
      user_agent: origin.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
      entity_type: change.entity,
      entity_id: change.id,
      action: change.action,
      before: before === null ? null : JSON.stringify(before),
      after: after === null ? null : JSON.stringify(after),
    })
    .execute();
}

export interface AuditFilter {
  actorId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  /** Epoch ms, inclusive. */
  from?: number | undefined;
  /** Epoch ms, exclusive. */
  to?: number | undefined;
}

export interface AuditRecord extends Omit<AuditLogTable, 'before' | 'after'> {
  before: Snapshot | null;
  after: Snapshot | null;
}

const parse = (json: string | null): Snapshot | null => (json === null ? null : (JSON.parse(json) as Snapshot));

/** Newest first: ids are time-ordered, so the keyset runs downwards from the cursor. */
export async function listAudit(db: Kysely<DB>, filter: AuditFilter, page: PageRequest): Promise<Page<AuditRecord>> {
  const result = await keysetPage(page, (after, limit) =>
    db
      .selectFrom('audit_log')
      .selectAll()
      .$if(after !== undefined, (q) => q.where('id', '<', after as string))
      .$if(filter.actorId !== undefined, (q) => q.where('actor_id', '=', filter.actorId as string))
      .$if(filter.entityType !== undefined, (q) => q.where('entity_type', '=', filter.entityType as string))
      .$if(filter.entityId !== undefined, (q) => q.where('entity_id', '=', filter.entityId as string))
      .$if(filter.action !== undefined, (q) => q.where('action', '=', filter.action as string))
      .$if(filter.from !== undefined, (q) => q.where('at', '>=', filter.from as number))
      .$if(filter.to !== undefined, (q) => q.where('at', '<', filter.to as number))
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),
  );
  return { items: result.items.map((r) => ({ ...r, before: parse(r.before), after: parse(r.after) })), nextCursor: result.nextCursor };
}

/** Deletes the audit rows older than `before` (epoch ms); returns how many. */
export async function pruneAudit(db: Kysely<DB>, before: number): Promise<number> {
  const result = await db.deleteFrom('audit_log').where('at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
