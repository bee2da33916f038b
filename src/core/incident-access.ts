/** `team`: members of the team that owns the monitor (and admins); `everyone`: every responder. */
export type IncidentActionsSetting = 'team' | 'everyone';

export interface IncidentActor {
  role: 'owner' | 'admin' | 'responder' | 'viewer';
  /** Whether they belong to the team that owns the incident's monitor, as of now. */
  memberOfOwningTeam: boolean;
}

/**
 * Who may acknowledge, resolve, escalate, reassign, comment on an incident or raise an
 * alert on a monitor. Asked again whenever a signed link or SMS reply is used, so a
 * page sent to someone since demoted or removed from the team no longer acts.
 */
export function mayActOnIncidents(actor: IncidentActor, setting: IncidentActionsSetting): boolean {
  if (actor.role === 'owner' || actor.role === 'admin') return true;
  if (actor.role !== 'responder') return false;
  return setting === 'everyone' || actor.memberOfOwningTeam;
}
