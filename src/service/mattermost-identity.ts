import type { Kysely } from 'kysely';
import { DestinationRefused } from '../channels/channel.js';
import { mattermostCall, type MattermostConfig } from '../channels/mattermost-api.js';
import type { ChatActor } from '../http/chat-commands.js';
import type { DB } from '../store/schema.js';
import { findUserByEmail } from '../store/users.js';
import { chatLink } from './chat-link.js';

/** The parts of a Mattermost user (GET /api/v4/users/{id}) Vigil reads. */
interface MattermostUser {
  email?: string;
  email_verified?: boolean;
  delete_at?: number;
  is_bot?: boolean;
}

const MATTERMOST_ID = /^[a-z0-9]{26}$/;

/** Why Vigil knows nobody for this account; it names the account's ID, which the profile's link needs (the answer is ephemeral: only its owner reads it). */
const unknownWhy = (mattermostUserId: string) =>
  `Vigil does not know who you are: on your Vigil profile add a Mattermost direct message contact method with your user ID${MATTERMOST_ID.test(mattermostUserId) ? ` \`${mattermostUserId}\`` : ''} and enter the code the bot sends you, or ask an admin to give your Vigil user the email of your Mattermost account (once Mattermost has verified it).`;

/**
 * The Vigil user a Mattermost account acts as. First a link made from the profile: a
 * verified Mattermost DM contact method for this user ID (chatLink), when exactly one
 * user has one. Otherwise the one whose email is the account's, and only when Mattermost
 * says that email is verified (anyone can type an unverified one). Mattermost hides
 * emails from a bot without the right to see them; Vigil then knows nobody by email.
 * Rights are not checked here: the caller asks what this user may do now.
 * Throws DeliveryError when Mattermost cannot be asked.
 */
export async function mattermostActor(db: Kysely<DB>, cfg: MattermostConfig, mattermostUserId: string): Promise<ChatActor> {
  if (!MATTERMOST_ID.test(mattermostUserId)) return { ok: false, why: unknownWhy(mattermostUserId) };
  const link = await chatLink(db, 'mattermost_dm', mattermostUserId);
  if (link.linked === 'several') return { ok: false, why: 'Your Mattermost account is linked to more than one Vigil user: remove the Mattermost contact method from the one you do not use.' };
  if (link.linked === 'one') return { ok: true, user: link.user };
  const account = await mattermostCall<MattermostUser>(cfg, 'GET', `/users/${mattermostUserId}`).catch((err: unknown) => {
    // No such account (404) or one the bot may not see: nobody Vigil knows.
    if (err instanceof DestinationRefused) return null;
    throw err;
  });
  if (!account) return { ok: false, why: unknownWhy(mattermostUserId) };
  if ((account.delete_at ?? 0) > 0 || account.is_bot === true) return { ok: false, why: 'Vigil does not act for deactivated Mattermost accounts or bots.' };
  if (typeof account.email !== 'string' || account.email === '' || account.email_verified !== true) return { ok: false, why: unknownWhy(mattermostUserId) };
  const user = await findUserByEmail(db, account.email);
  return user ? { ok: true, user } : { ok: false, why: unknownWhy(mattermostUserId) };
}
