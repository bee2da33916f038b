import type { Kysely } from 'kysely';
import type { DB, UserRow } from '../store/schema.js';

/** What a chat account's link from the profile says: the one Vigil user who proved it, none, or several (act as neither). */
export type ChatLink = { linked: 'one'; user: UserRow } | { linked: 'none' } | { linked: 'several' };

/**
 * The Vigil user who linked a chat account from their profile: a verified direct-message
 * contact method (`slack_dm`, `mattermost_dm`) at this account's ID. The code the bot sent
 * to that account proved its owner reads its DMs. Two users who each proved the same ID
 * would be one person with two users: the caller acts as neither.
 */
export async function chatLink(db: Kysely<DB>, kind: 'slack_dm' | 'mattermost_dm', accountId: string): Promise<ChatLink> {
  const linked = await db
    .selectFrom('contact_methods as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .selectAll('u')
    .where('c.kind', '=', kind)
    .where('c.address', '=', accountId)
    .where('c.verified_at', 'is not', null)
    .limit(2)
    .execute();
  if (linked.length > 1) return { linked: 'several' };
  return linked[0] ? { linked: 'one', user: linked[0] } : { linked: 'none' };
}
