import type { IncidentSummary } from '../core/incident/incident-summary.js';
import type { PageChannel } from '../store/schema.js';

/** What a channel needs to say: about an incident, or a test of the contact method. */
export interface Message {
  idempotencyKey: string;
  address: string;
  incident: IncidentSummary | null;
  /** Set when several incidents for one address are sent as one message (SMS). */
  bundle: IncidentSummary[] | null;
  /** Set for the message that proves a new contact method reaches its owner. */
  verificationCode?: string | undefined;
  /** Set for messages that are not pages: handoff notices and daily summaries. */
  notice?: { subject: string; text: string } | undefined;
  recipientId: string | null;
  recipientName: string | null;
}

/**
 * What a chat provider calls the message it posted (Slack: its channel and ts; Telegram:
 * chat and message id; Pushover: the receipt), so that it can be edited later.
 */
export interface SentRef {
  messageRef: string;
}

/**
 * Delivers one message or throws; the dispatcher retries with backoff. A channel whose
 * messages can be edited returns their ref: a page's is recorded as a chat message
 * (store/chat-messages.ts) that the chat sync keeps showing its incident's state.
 */
export interface Channel {
  send(message: Message): Promise<void | SentRef>;
}

export type Channels = Partial<Record<PageChannel, Channel>>;

export class DeliveryError extends Error {
  constructor(
    message: string,
    /**
     * True when the destination itself is failing (unreachable, timing out, 5xx, 429)
     * rather than this one address being wrong: only these trip its circuit breaker.
     */
    readonly destinationDown = false,
    /** How long the destination asked to be left alone (its Retry-After), when it said. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

/**
 * The destination policy refused the address (nothing was sent): no retry can change
 * that, so the page fails at once with this reason, and the destination is not "down".
 */
export class DestinationRefused extends DeliveryError {}

/** Whether an HTTP status says the receiving service is unhealthy, not the request wrong. */
export const isServiceFailure = (status: number) => status >= 500 || status === 429 || status === 408;
