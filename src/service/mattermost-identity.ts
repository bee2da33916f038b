import type { Kysely } from 'kysely';
import { DestinationRefused } from '../channels/channel.js';
import { mattermostCall, type MattermostConfig } from '../channels/mattermost-api.js';
import type { ChatActor } from '../http/chat-commands.js';
import type { DB } from '../store/schema.js';
import { findUserByEmail } from '../store/users.js';

/** The parts of a Mattermost user (GET /api/v4/users/{id}) Vigil reads. */
interface MattermostUser {
  email?: string;
  email_verified?: boolean;
  delete_at?: number;
  is_bot?: boolean;
}

const MATTERMOST_ID = /^[a-z0-9]{26}$/;

const UNKNOWN =
  'Vigil does not know who you are: ask an admin to give your Vigil user the email of your Mattermost account (once Mattermost has verified it), and make sure the Vigil bot may see emails.';

/**
 * The Vigil user a Mattermost account acts as: the one whose email is the account's, and
 * only when Mattermost says that email is verified (anyone can type an unverified one).
 * Mattermost hides emails from a bot without the right to see them; Vigil then knows
 * nobody. Rights are not checked here: the caller asks what this user may do now.
 * Throws DeliveryError when Mattermost cannot be asked.
 */
export async function mattermostActor(db: Kysely<DB>, cfg: MattermostConfig, mattermostUserId: string): Promise<ChatActor> {
  if (!MATTERMOST_ID.test(mattermostUserId)) return { ok: false, why: UNKNOWN };
  const account = await mattermostCall<MattermostUser>(cfg, 'GET', `/users/${mattermostUserId}`).catch((err: unknown) => {
    // No such account (404) or one the bot may not see: nobody Vigil knows.
    if (err instanceof DestinationRefused) return null;
    throw err;
  });
  if (!account) return { ok: false, why: UNKNOWN };
  if ((account.delete_at ?? 0) > 0 || account.is_bot === true) return { ok: false, why: 'Vigil does not act for deactivated Mattermost accounts or bots.' };
  if (typeof account.email !== 'string' || account.email === '' || account.email_verified !== true) return { ok: false, why: UNKNOWN };
  const user = await findUserByEmail(db, account.email);
  return user ? { ok: true, user } : { ok: false, why: UNKNOWN };
}
