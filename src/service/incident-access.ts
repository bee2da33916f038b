import type { Kysely } from 'kysely';
import { mayActOnIncidents, type IncidentActionsSetting } from '../core/incident-access.js';
import { getIncident } from '../store/incidents.js';
import { getMonitor } from '../store/monitors.js';
import type { DB, UserRow } from '../store/schema.js';
import { findMembership } from '../store/teams.js';

/** Whether the user may act on incidents of monitors owned by this team, by their current role and membership. */
export async function mayActForTeam(db: Kysely<DB>, user: Pick<UserRow, 'id' | 'role'>, teamId: string, setting: IncidentActionsSetting): Promise<boolean> {
  const memberOfOwningTeam = user.role === 'responder' && setting === 'team' && (await findMembership(db, teamId, user.id)) !== undefined;
  return mayActOnIncidents({ role: user.role, memberOfOwningTeam }, setting);
}

/** The same for one incident (404 if it does not exist). */
export async function mayActOnIncident(db: Kysely<DB>, user: Pick<UserRow, 'id' | 'role'>, incidentId: string, setting: IncidentActionsSetting): Promise<boolean> {
  const incident = await getIncident(db, incidentId);
  const monitor = await getMonitor(db, incident.monitor_id);
  return mayActForTeam(db, user, monitor.team_id, setting);
}
