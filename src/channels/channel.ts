import type { ContactKind } from '../store/schema.js';

/** What a channel needs to say: about an incident, or a test of the contact method. */
export interface Message {
  idempotencyKey: string;
  address: string;
  incident: { id: string; title: string; description: string; status: string; monitorName: string; url: string } | null;
  recipientId: string | null;
  recipientName: string | null;
}

/** Delivers one message or throws; the dispatcher retries with backoff. */
export interface Channel {
  send(message: Message): Promise<void>;
}

export type Channels = Partial<Record<ContactKind, Channel>>;

export class DeliveryError extends Error {}
