import { sql, type Kysely } from 'kysely';
import { isSettled } from '../core/chat/chat-state.js';
import type { Dialect } from './database.js';
import { chunksOf } from './chunks.js';
import { newId } from './ids.js';
import type { ChatMessagesTable, DB, PageChannel } from './schema.js';
import type { DueTime } from './next-due.js';
import type { Write } from './atomic-writes.js';
import { prepared } from './prepared.js';

export type ChatMessageRow = ChatMessagesTable;

export interface NewChatMessage {
  provider: PageChannel;
  incidentId: string;
  address: string;
  messageRef: string;
  userId: string | null;
  /** chatState of the incident as the message was posted. */
  shownState: string;
}

/**
 * Records posted pages so the chat sync keeps them up to date. Recorded with the send
 * (in its transaction); a ref seen before (a page sent again after its lease ran out
 * gets a new one, so only a replayed record) keeps its row.
 */
export function chatMessageWrites(messages: NewChatMessage[], now: number): Write[] {
  return chunksOf(messages).map((chunk) => (db) =>
    db
      .insertInto('chat_messages')
      .values(
        chunk.map((m) => ({
          id: newId(),
          provider: m.provider,
          incident_id: m.incidentId,
          address: m.address,
          message_ref: m.messageRef,
          user_id: m.userId,
          shown_state: m.shownState,
          // Compared at the next pass: the incident may have changed while the page was out.
          shown_seq: -1,
          next_sync_at: now,
          attempts: 0,
          created_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['provider', 'message_ref']).doNothing()),
  );
}

/** Messages whose incident moved on since they were posted or last edited, oldest due first; the engine asks every pass (prepared.ts). */
const syncCandidatesOn = (dialect: Dialect) =>
  prepared((db: Kysely<DB>, now: number, limit: number) => {
    const shown = sql.ref('c.shown_state');
    const urgency = sql<string>`':' || ${sql.ref('i.urgency')} || ':'`;
    // instr is SQLite's, strpos PostgreSQL's: half the cost of a LIKE on SQLite's one connection.
    const showsOtherUrgency = dialect === 'postgres' ? sql<boolean>`strpos(${shown}, ${urgency}) = 0` : sql<boolean>`instr(${shown}, ${urgency}) = 0`;
    return (
      db
        .selectFrom('chat_messages as c')
        .innerJoin('incidents as i', 'i.id', 'c.incident_id')
        .selectAll('c')
        .where('c.next_sync_at', '<=', now)
        // A transition moves seq; a change of urgency does not (service/unreached.ts counts on
        // seq moving only with transitions), so the urgency the message shows is compared too:
        // it is chatState's second field.
        .where((eb) => eb.or([eb('c.shown_seq', '<>', eb.ref('i.seq')), showsOtherUrgency]))
        .orderBy('c.next_sync_at')
        .limit(limit)
    );
  });
const syncCandidates = { postgres: syncCandidatesOn('postgres'), sqlite: syncCandidatesOn('sqlite') };

/**
 * Claims chat messages whose incident changed since they were last compared and that
 * are not waiting out a failed update, for `leaseMs` (another node or pass leaves them
 * alone meanwhile; a node that dies lets them come back when it runs out).
 */
export async function claimChatSyncs(db: Kysely<DB>, dialect: Dialect, now: number, leaseMs: number, limit: number): Promise<ChatMessageRow[]> {
  const candidates = await syncCandidates[dialect](db, now, limit);
  if (candidates.length === 0) return [];
  const claimed = new Set(
    (
      await db
        .updateTable('chat_messages')
        .set({ next_sync_at: now + leaseMs })
        .where(
          'id',
          'in',
          candidates.map((c) => c.id),
        )
        .where('next_sync_at', '<=', now)
        .returning('id')
        .execute()
    ).map((r) => r.id),
  );
  return candidates.filter((c) => claimed.has(c.id)).map((c) => ({ ...c, next_sync_at: now + leaseMs }));
}

/** The message now shows `state`, compared at the incident's `seq`: looked at again on the incident's next change, unless it is settled. */
export async function markChatSynced(db: Kysely<DB>, id: string, state: string, seq: number): Promise<void> {
  await db
    .updateTable('chat_messages')
    .set({ shown_state: state, shown_seq: seq, attempts: 0, next_sync_at: isSettled(state) ? null : 0 })
    .where('id', '=', id)
    .execute();
}

/** An update failed: tried again at `retryAt`, or never (null) when no retry can help. */
export async function markChatSyncFailed(db: Kysely<DB>, id: string, retryAt: number | null): Promise<void> {
  await db
    .updateTable('chat_messages')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), next_sync_at: retryAt }))
    .where('id', '=', id)
    .execute();
}

/** The earliest instant after `now` a chat message waits for (a retry or a lease). */
export function chatSyncDueTimes(db: Kysely<DB>, now: number): DueTime[] {
  return [db.selectFrom('chat_messages').select((eb) => eb.fn.min('next_sync_at').as('at')).where('next_sync_at', '>', now)];
}

/** The chat message a provider's callback names (a button pressed on it). */
export function findChatMessage(db: Kysely<DB>, provider: PageChannel, messageRef: string): Promise<ChatMessageRow | undefined> {
  return db.selectFrom('chat_messages').selectAll().where('provider', '=', provider).where('message_ref', '=', messageRef).executeTakeFirst();
}

/** An incident's chat messages, oldest first. */
export function chatMessagesOf(db: Kysely<DB>, incidentId: string): Promise<ChatMessageRow[]> {
  return db.selectFrom('chat_messages').selectAll().where('incident_id', '=', incidentId).orderBy('created_at').orderBy('id').execute();
}

/**
 * A press came from a message that shows an outdated state: compare it again at the next
 * pass (the chat sync edits it if its incident changed since). A message being edited
 * keeps its lease (no second edit alongside), one waiting out a failed edit its backoff
 * (stale presses cannot hurry a rate-limited provider), one given up on stays so.
 */
export async function markChatMessageDue(db: Kysely<DB>, providers: PageChannel[], messageRef: string, now: number): Promise<void> {
  await db
    .updateTable('chat_messages')
    .set({ shown_seq: -1, next_sync_at: now })
    .where('provider', 'in', providers)
    .where('message_ref', '=', messageRef)
    .where('attempts', '=', 0)
    .where((eb) => eb.or([eb('next_sync_at', 'is', null), eb('next_sync_at', '<=', now)]))
    .execute();
}
