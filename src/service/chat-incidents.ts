import type { Kysely } from 'kysely';
import type { IncidentSummary } from '../core/incident/incident-summary.js';
import { parseDetails } from '../core/alert/details.js';
import { chatEscalation, type ChatEscalation } from '../core/chat/chat-escalation.js';
import { chatState } from '../core/chat/chat-state.js';
import type { IncidentStatus, PolicySnapshot } from '../core/escalation/types.js';
import type { Urgency } from '../core/escalation/urgency.js';
import type { DB } from '../store/schema.js';

/** An incident as a chat message shows it: who acknowledged or resolved it by name (null: its alert source, or nobody). */
export interface ChatIncident extends IncidentSummary {
  status: IncidentStatus;
  urgency: Urgency;
  acknowledgedBy: string | null;
  resolvedBy: string | null;
  escalation: ChatEscalation | null;
}

/** An incident row's escalation as chat messages show it (its policy snapshot gives the number of steps). */
export function escalationOf(row: Pick<DB['incidents'], 'status' | 'step' | 'pass' | 'next_action_at' | 'policy'>): ChatEscalation | null {
  if (row.status !== 'triggered' || row.step < 0) return null;
  const steps = (JSON.parse(row.policy) as PolicySnapshot).steps.length;
  return chatEscalation({ status: row.status, step: row.step, pass: row.pass, nextActionAt: row.next_action_at === null ? null : Number(row.next_action_at) }, steps);
}

export interface ChatIncidentNow {
  incident: ChatIncident;
  /** chatState of it: what a message showing it up to date shows. */
  state: string;
  /** Its transitions so far, when it was read. */
  seq: number;
}

/** Incidents as chat messages show them now, by id, in one read (a missing id was deleted). */
export async function chatIncidents(db: Kysely<DB>, ids: string[], baseUrl: string): Promise<Map<string, ChatIncidentNow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('incidents as i')
    .innerJoin('monitors as m', 'm.id', 'i.monitor_id')
    .leftJoin('users as ack', 'ack.id', 'i.acknowledged_by')
    .leftJoin('users as res', 'res.id', 'i.resolved_by')
    .select(['i.id', 'i.title', 'i.description', 'i.status', 'i.urgency', 'i.seq', 'i.acknowledged_by', 'i.resolved_by', 'i.step', 'i.pass', 'i.next_action_at', 'i.policy', 'm.name as monitorName', 'ack.name as ackName', 'res.name as resName'])
    .select((eb) => eb.selectFrom('incident_alerts as a').select('a.details').whereRef('a.incident_id', '=', 'i.id').orderBy('a.id', 'desc').limit(1).as('details'))
    .where('i.id', 'in', ids)
    .execute();
  return new Map(
    rows.map((r) => {
      const incident: ChatIncident = {
        id: r.id,
        title: r.title,
        description: r.description,
        status: r.status,
        urgency: r.urgency,
        monitorName: r.monitorName,
        url: `${baseUrl}/incidents/${r.id}`,
        details: parseDetails(r.details),
        acknowledgedBy: r.ackName,
        resolvedBy: r.resName,
        escalation: escalationOf(r),
      };
      const state = chatState({ status: r.status, urgency: r.urgency, acknowledgedBy: r.acknowledged_by, resolvedBy: r.resolved_by, escalation: incident.escalation });
      return [r.id, { incident, state, seq: Number(r.seq) }];
    }),
  );
}
