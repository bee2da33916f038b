import type { BodyOf, ResponseOf } from './schema';

export type User = ResponseOf<'getUsersById'>;
export type Role = User['role'];
export type Session = ResponseOf<'getAuthSession'>;
/** A right password for an account with two-factor: the code comes next. */
export type SecondFactorChallenge = Extract<ResponseOf<'postAuthLogin'>, { secondFactorRequired: true }>;
export type LoginMethods = ResponseOf<'getAuthMethods'>;

/** Every list answer: pass nextCursor back for the next page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type Team = ResponseOf<'getTeams'>['items'][number];
export type TeamDetail = ResponseOf<'getTeamsById'>;
export type TeamMember = TeamDetail['members'][number];
export type TeamRole = TeamMember['role'];

export type NewUser = BodyOf<'postUsers'>;
export type UserPatch = BodyOf<'patchUsersById'>;
export type NewTeam = BodyOf<'postTeams'>;
