// Row types as Kysely sees them. Instants are epoch milliseconds in BIGINT
// columns on both databases, so "due before now" comparisons are plain integers.
import type { Insertable, Selectable, Updateable } from 'kysely';

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

export interface SchedulesTable {
  id: string;
  team_id: string;
  name: string;
  description: string;
  time_zone: string;
  created_at: number;
  updated_at: number;
}

export interface ScheduleLayersTable {
  id: string;
  schedule_id: string;
  name: string;
  created_at: number;
}

export interface LayerVersionsTable {
  layer_id: string;
  effective_from: number;
  /** JSON of the core LayerVersion without effectiveFrom. */
  config: string;
  created_at: number;
}

export interface ScheduleStructuresTable {
  schedule_id: string;
  effective_from: number;
  /** JSON array of layer ids in position order (index 0 = Primary). */
  layer_ids: string;
  created_at: number;
}

export interface ScheduleOverridesTable {
  id: string;
  schedule_id: string;
  layer_id: string | null;
  user_id: string;
  start_at: number;
  end_at: number;
  created_at: number;
  created_by: string | null;
}

export interface FixedShiftsTable {
  id: string;
  schedule_id: string;
  layer_id: string;
  user_id: string;
  start_at: number;
  end_at: number;
  created_at: number;
}

export interface CalendarFeedsTable {
  id: string;
  owner_id: string;
  /** null: the owner's personal feed across all schedules. */
  schedule_id: string | null;
  secret_hash: string;
  created_at: number;
  revoked_at: number | null;
}

export interface DB {
  users: UsersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  schedules: SchedulesTable;
  schedule_layers: ScheduleLayersTable;
  layer_versions: LayerVersionsTable;
  schedule_structures: ScheduleStructuresTable;
  schedule_overrides: ScheduleOverridesTable;
  fixed_shifts: FixedShiftsTable;
  calendar_feeds: CalendarFeedsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type TeamRow = Selectable<TeamsTable>;
