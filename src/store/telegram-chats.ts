import type { Kysely } from 'kysely';
import type { ContactMethodRow } from './contacts.js';
import type { DB } from './schema.js';

/**
 * Telegram contact methods: added without an address, they wait for their person to
 * open the bot's deep link, whose one-time code (kept hashed, like a verification code)
 * names the method; the chat it arrives from becomes the address.
 */
export function findPendingTelegram(db: Kysely<DB>, codeHash: string, now: number): Promise<ContactMethodRow | undefined> {
  return db
    .selectFrom('contact_methods')
    .selectAll()
    .where('kind', '=', 'telegram')
    .where('verification_hash', '=', codeHash)
    .where('verified_at', 'is', null)
    .where('verification_expires_at', '>', now)
    .executeTakeFirst();
}

/** The users whose verified Telegram methods are this chat (one, unless linking refused nothing). */
export async function usersOfTelegramChat(db: Kysely<DB>, chatId: string): Promise<string[]> {
  const rows = await db.selectFrom('contact_methods').select('user_id').distinct().where('kind', '=', 'telegram').where('address', '=', chatId).where('verified_at', 'is not', null).execute();
  return rows.map((r) => r.user_id);
}

/** Binds the chat to the method and verifies it, the code spent; false when another update spent it first. */
export async function bindTelegramChat(db: Kysely<DB>, id: string, chatId: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('contact_methods')
    .set({ address: chatId, verified_at: now, verification_hash: null, verification_expires_at: null, verification_attempts: 0 })
    .where('id', '=', id)
    .where('verified_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
