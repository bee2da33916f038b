import { Type } from 'typebox';
import type { TeamRow } from '../../store/schema.js';
import { Id, Instant, toIso } from './common.js';

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Description = Type.String({ maxLength: 2000 });
export const TeamRoleSchema = Type.Enum(['manager', 'member']);

export const Team = Type.Object({ id: Id, name: Name, description: Description, createdAt: Instant });

export const TeamMember = Type.Object(
  { userId: Id, name: Type.String(), email: Type.String(), role: TeamRoleSchema },
);

export const TeamDetail = Type.Object({
  id: Id,
  name: Name,
  description: Description,
  createdAt: Instant,
  members: Type.Array(TeamMember),
});

export const CreateTeam = Type.Object({ name: Name, description: Type.Optional(Description) }, { additionalProperties: false });
export const PatchTeam = Type.Object(
  { name: Type.Optional(Name), description: Type.Optional(Description) },
  { additionalProperties: false },
);
export const PutMember = Type.Object({ role: TeamRoleSchema }, { additionalProperties: false });
export const MemberParams = Type.Object({ id: Id, userId: Id });

export const toTeam = (row: TeamRow) => ({ id: row.id, name: row.name, description: row.description, createdAt: toIso(row.created_at) });
