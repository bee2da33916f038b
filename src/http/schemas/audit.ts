import { Type } from 'typebox';
import { auditEntityTypes } from '../../store/audit-snapshots.js';
import { auditActions, type AuditRecord } from '../../store/audit.js';
import { diffSnapshots } from '../../core/audit/diff.js';
import { Id, Instant, PageQuery, toIso } from './common.js';

const Snapshot = Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], {
  description: 'The entity as it was (before) or became (after); null where it did not exist. Secrets read "[redacted]", or "changed" when the change set them',
});

export const AuditQuery = Type.Object(
  {
    ...PageQuery.properties,
    actorId: Type.Optional(Id),
    entityType: Type.Optional(Type.Enum([...auditEntityTypes])),
    entityId: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'An entity id (settings use their name)' })),
    action: Type.Optional(Type.Enum([...auditActions])),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Changes at or after this instant' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Changes before this instant' })),
  },
  { additionalProperties: false },
);

export const AuditEntry = Type.Object({
  id: Id,
  at: Instant,
  actor: Type.Union([Type.Object({ id: Id, email: Type.Union([Type.String(), Type.Null()]) }), Type.Null()], { description: 'null: Vigil itself (the demo seed) or an unauthenticated request' }),
  via: Type.String({ description: 'session, token, anonymous, system (Vigil itself) or cli (the vigil command line)' }),
  ip: Type.Union([Type.String(), Type.Null()]),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  // Rows hold these as text; the document names every value they can take.
  entityType: Type.Unsafe<string>(Type.Enum([...auditEntityTypes])),
  entityId: Type.String(),
  action: Type.Unsafe<string>(Type.Enum([...auditActions])),
  before: Snapshot,
  after: Snapshot,
  changes: Type.Array(Type.Object({ path: Type.String({ description: 'JSON pointer into the snapshots' }), before: Type.Unknown(), after: Type.Unknown() }), {
    description: 'The fields that differ between before and after',
  }),
});

export function toAuditEntry(r: AuditRecord) {
  return {
    id: r.id,
    at: toIso(r.at),
    actor: r.actor_id === null ? null : { id: r.actor_id, email: r.actor_email },
    via: r.via,
    ip: r.ip,
    userAgent: r.user_agent,
    entityType: r.entity_type,
    entityId: r.entity_id,
    action: r.action,
    before: r.before,
    after: r.after,
    changes: diffSnapshots(r.before, r.after),
  };
}
