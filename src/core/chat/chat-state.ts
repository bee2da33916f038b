import type { IncidentStatus } from '../escalation/types.js';
import type { Urgency } from '../escalation/urgency.js';
import type { ChatEscalation } from './chat-escalation.js';

/** What a chat message about an incident shows of it, besides what never changes. */
export interface ChatStateOf {
  status: IncidentStatus;
  urgency: Urgency;
  /** The user who acknowledged it (null: its alert source did, or nobody yet). */
  acknowledgedBy: string | null;
  resolvedBy: string | null;
  /** chatEscalation of it: the step it is on while triggered, null otherwise. */
  escalation: ChatEscalation | null;
}

/**
 * The state a chat message shows, as one comparable string: when the incident's differs
 * from what a message was last updated to, the message is edited. Only what the message
 * displays is in it, so a change nobody would see (a repeat of the same step) costs no edit.
 */
export function chatState(incident: ChatStateOf): string {
  // status:urgency:by[:step/of | :x<passes>] — claimChatSyncs (store/chat-messages.ts) reads
  // the urgency in SQL as ":<urgency>:", so every field after it follows a colon. The step
  // needs no SQL: it moves only with a transition, which moves the incident's seq.
  const by = incident.status === 'acknowledged' ? incident.acknowledgedBy : incident.status === 'resolved' ? incident.resolvedBy : null;
  const fields = [incident.status, incident.urgency, by ?? ''];
  const escalation = incident.status === 'triggered' ? incident.escalation : null;
  if (escalation) fields.push('exhaustedAfter' in escalation ? `x${escalation.exhaustedAfter}` : `${escalation.step}/${escalation.of}`);
  return fields.join(':');
}

/** Whether a message showing this state will never need editing again. */
export const isSettled = (state: string) => state.startsWith('resolved:');

/** The state a page shows as first posted: pages go out only while their incident is triggered. */
export const postedChatState = (incident: { urgency?: Urgency | undefined; escalation?: ChatEscalation | null | undefined }): string =>
  chatState({ status: 'triggered', urgency: incident.urgency ?? 'high', acknowledgedBy: null, resolvedBy: null, escalation: incident.escalation ?? null });
