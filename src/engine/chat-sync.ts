import type { Logger } from 'pino';
import { DeliveryError, DestinationRefused } from '../channels/channel.js';
import { chatIncidents, type ChatIncident, type ChatIncidentNow } from '../service/chat-incidents.js';
import { claimChatSyncs, markChatSyncFailed, markChatSynced, type ChatMessageRow } from '../store/chat-messages.js';
import type { Database } from '../store/database.js';
import { isDatabaseUnavailable } from '../store/database-fault.js';
import type { PageChannel } from '../store/schema.js';

/**
 * Edits one posted message to show its incident as it is now (Slack's chat.update,
 * Telegram's editMessageText…), or does what the provider needs instead (Pushover cancels
 * an emergency's receipt once its incident is no longer triggered). Throws like a
 * Channel's send: DestinationRefused when no retry can help, a DeliveryError (with
 * retryAfterMs when the provider said) when a later try may. `state` is the chatState the
 * message will show (Mattermost signs it into the buttons).
 */
export type ChatUpdater = (message: ChatMessageRow, incident: ChatIncident, state: string) => Promise<void>;
export type ChatUpdaters = Partial<Record<PageChannel, ChatUpdater>>;

/** Failed edits of one message before it is left as it is. */
const MAX_ATTEMPTS = 8;
/** 30 s, 1 min, 2 min… at most 15 min between tries. */
const backoffMs = (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 900_000);

export interface ChatSyncDeps {
  database: Database;
  updaters: ChatUpdaters;
  logger: Logger;
  baseUrl: string;
  clock: { now(): number };
}

/**
 * Keeps posted pages showing their incident: finds chat messages whose incident changed
 * since they were last compared, and edits those that show something else now. The
 * difference is in the database (shown_state against the incident), so a crash or a
 * failed edit loses nothing: the message is claimed again when its lease or its backoff
 * runs out. Edits run in the background, like the dispatcher's sends.
 */
export class ChatSync {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly deps: ChatSyncDeps,
    private readonly leaseMs: number,
  ) {}

  /** Claims messages due a look and starts their edits; returns how many it claimed. */
  async syncDue(now: number, batch: number): Promise<number> {
    const { db } = this.deps.database;
    const rows = await claimChatSyncs(db, this.deps.database.dialect, now, this.leaseMs, batch);
    if (rows.length === 0) return 0;
    const incidents = await chatIncidents(db, [...new Set(rows.map((r) => r.incident_id))], this.deps.baseUrl);
    for (const row of rows) {
      const current = incidents.get(row.incident_id);
      // Deleted since the claim: its messages went with it.
      if (!current) continue;
      const run = this.sync(row, current)
        .catch((err: unknown) => {
          // Left claimed: looked at again when the lease runs out.
          if (!isDatabaseUnavailable(err)) this.deps.logger.error({ err, chatMessage: row.id }, 'updating a chat message failed');
        })
        .finally(() => this.inFlight.delete(run));
      this.inFlight.add(run);
    }
    return rows.length;
  }

  busy(): boolean {
    return this.inFlight.size > 0;
  }

  /** Waits until every edit started so far has finished and been recorded. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }

  private async sync(row: ChatMessageRow, { incident, state, seq }: ChatIncidentNow): Promise<void> {
    const { db } = this.deps.database;
    // A change the message does not show (a step repeated) needs no edit.
    if (state === row.shown_state) return markChatSynced(db, row.id, state, seq);
    const updater = this.deps.updaters[row.provider];
    if (!updater) return markChatSyncFailed(db, row.id, null);
    try {
      await updater(row, incident, state);
    } catch (err) {
      const attempt = row.attempts + 1;
      const final = err instanceof DestinationRefused || attempt >= MAX_ATTEMPTS;
      const asked = err instanceof DeliveryError ? (err.retryAfterMs ?? 0) : 0;
      this.deps.logger.warn({ chatMessage: row.id, provider: row.provider, attempt, final, error: err instanceof Error ? err.message : String(err) }, 'chat message update failed');
      return markChatSyncFailed(db, row.id, final ? null : this.deps.clock.now() + Math.max(backoffMs(attempt), asked));
    }
    await markChatSynced(db, row.id, state, seq);
  }
}
