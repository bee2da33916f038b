import type { ContactKind } from './incidentTypes';

export interface ApiToken {
  id: string;
  name: string;
  /** First characters of the token, to recognise it. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  /** null: never expires. */
  expiresAt: string | null;
}

export interface CreatedApiToken {
  /** The secret: the only time it is ever shown. */
  token: string;
  apiToken: ApiToken;
}

export interface CalendarFeed {
  id: string;
  /** null: your own shifts across every schedule. */
  scheduleId: string | null;
  createdAt: string;
}

export interface CreatedCalendarFeed extends CalendarFeed {
  /** The secret subscription URL: shown once. */
  url: string;
}

export type ReachabilityProblemCode = 'no_verified_contact_method' | 'no_notification_rule' | 'channel_not_configured';

export interface Reachability {
  userId: string;
  reachable: boolean;
  problems: { code: ReachabilityProblemCode; channel?: ContactKind; message: string }[];
}

export interface MyReachability extends Reachability {
  /** Which channels this server can send on. */
  channels: Record<ContactKind, boolean>;
}
