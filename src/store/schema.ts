// Row types as Kysely sees them. Instants are epoch milliseconds in BIGINT
// columns on both databases, so "due before now" comparisons are plain integers.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type Role = 'owner' | 'admin' | 'responder' | 'viewer';
export type TeamRole = 'manager' | 'member';

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: Role;
  time_zone: string;
  password_hash: string | null;
  created_at: number;
  updated_at: number;
}

export interface TeamsTable {
  id: string;
  name: string;
  description: string;
  created_at: number;
  updated_at: number;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
  role: TeamRole;
  created_at: number;
}

export interface SessionsTable {
  /** sha256 of the cookie value: a stolen database does not yield live sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  /** sha256 of the token; the token itself is shown once at creation. */
  token_hash: string;
  /** First characters, to recognise a token in the UI without revealing it. */
  prefix: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface MigrationLockTable {
  id: Generated<number>;
}

export interface DB {
  users: UsersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type TeamRow = Selectable<TeamsTable>;
