export type Role = 'owner' | 'admin' | 'responder' | 'viewer';
export type TeamRole = 'manager' | 'member';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  timeZone: string;
  /** Send "you are on call from … to …" when a shift starts. */
  notifyHandoffs: boolean;
  /** Local 'HH:MM' of the daily on-call summary; null: none. */
  dailySummaryTime: string | null;
  /** false: signs in with single sign-on only. */
  hasPassword: boolean;
  createdAt: string;
}

export interface Session {
  user: User;
  csrfToken: string;
  /** Two-factor is required and not set up: the app shows only the set-up page. */
  mustEnrolTwoFactor: boolean;
}

/** A right password for an account with two-factor: the code comes next. */
export interface SecondFactorChallenge {
  secondFactorRequired: true;
  challenge: string;
}

export interface LoginMethods {
  password: boolean;
  sso: { label: string; startUrl: string } | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Team {
  id: string;
  name: string;
  description: string;
  createdAt: string;
}

export interface TeamMember {
  userId: string;
  name: string;
  email: string;
  role: TeamRole;
}

export interface TeamDetail extends Team {
  members: TeamMember[];
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password?: string;
  timeZone?: string;
}

export interface UserPatch {
  name?: string;
  role?: Role;
  timeZone?: string;
  password?: string;
  /** Required to change your own password. */
  currentPassword?: string;
  /** With a new password: also revoke the API tokens (the API's default). */
  revokeTokens?: boolean;
  notifyHandoffs?: boolean;
  dailySummaryTime?: string | null;
}

export interface NewTeam {
  name: string;
  description?: string;
}
