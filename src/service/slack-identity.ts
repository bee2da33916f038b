import type { Kysely } from 'kysely';
import type { SlackPerson } from '../channels/slack-directory.js';
import type { DB, UserRow } from '../store/schema.js';
import { findUserByEmail } from '../store/users.js';
import { chatLink } from './chat-link.js';

/** Who a Slack member is in Vigil, and how Vigil knows; or why nobody, told to them ephemerally. */
export type SlackActor = { ok: true; user: UserRow; via: 'linked' | 'email' } | { ok: false; why: string };

const UNKNOWN =
  'Vigil does not know who you are: on your Vigil profile add a Slack direct message contact method with your member ID and enter the code the bot sends you, or ask an admin to give your Vigil user the email of your Slack profile (once Slack has confirmed it).';

/**
 * The Vigil user a Slack member acts as. First a link made from the profile: a verified
 * Slack DM contact method for this member ID (chatLink), when exactly one user has one.
 * Otherwise the user whose email is the member's email, and only once Slack says that email is confirmed (anyone can type
 * an unconfirmed one into their profile). Rights are not checked here: the caller asks what
 * this user may do now.
 */
export async function slackActor(db: Kysely<DB>, person: (slackUserId: string) => Promise<SlackPerson | null>, slackUserId: string): Promise<SlackActor> {
  const link = await chatLink(db, 'slack_dm', slackUserId);
  if (link.linked === 'several') return { ok: false, why: 'Your Slack account is linked to more than one Vigil user: remove the Slack contact method from the one you do not use.' };
  if (link.linked === 'one') return { ok: true, user: link.user, via: 'linked' };
  const member = await person(slackUserId);
  if (!member) return { ok: false, why: UNKNOWN };
  if (!member.active) return { ok: false, why: 'Vigil does not act for deactivated Slack accounts or bots.' };
  if (!member.email || !member.emailConfirmed) return { ok: false, why: UNKNOWN };
  const user = await findUserByEmail(db, member.email);
  return user ? { ok: true, user, via: 'email' } : { ok: false, why: UNKNOWN };
}
