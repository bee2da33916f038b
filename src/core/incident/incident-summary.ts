import type { AlertDetails } from '../alert/details.js';
import type { ChatEscalation } from '../chat/chat-escalation.js';
import type { Urgency } from '../escalation/urgency.js';

/** What a message about an incident says of it: a page, a Slack message, a Teams card. */
export interface IncidentSummary {
  id: string;
  title: string;
  description: string;
  status: string;
  monitorName: string;
  url: string;
  /** Absent for a page built without it (a channel that does not need it). */
  urgency?: Urgency | undefined;
  /** The latest alert's details; absent for a page that has none (a test page). */
  details?: AlertDetails | undefined;
  /** The step it is on, for a chat message (core/chat/chat-escalation.ts); absent where no message shows it. */
  escalation?: ChatEscalation | null | undefined;
}
