import type { Kysely } from 'kysely';
import type { SlackPerson } from '../channels/slack-directory.js';
import type { DB, UserRow } from '../store/schema.js';
import { findUserByEmail } from '../store/users.js';

/** Who a Slack member is in Vigil, or why nobody: told to them ephemerally. */
export type SlackActor = { ok: true; user: UserRow; via: 'email' } | { ok: false; why: string };

const UNKNOWN =
  'Vigil does not know who you are: ask an admin to give your Vigil user the email address of your Slack profile (once Slack has confirmed it).';

/**
 * The Vigil user a Slack member acts as: the user whose email is the member's email, and
 * only once Slack says that email is confirmed (anyone can type an unconfirmed one into
 * their profile). Rights are not checked here: the caller asks what this user may do now.
 */
export async function slackActor(db: Kysely<DB>, person: (slackUserId: string) => Promise<SlackPerson | null>, slackUserId: string): Promise<SlackActor> {
  const member = await person(slackUserId);
  if (!member) return { ok: false, why: UNKNOWN };
  if (!member.active) return { ok: false, why: 'Vigil does not act for deactivated Slack accounts or bots.' };
  if (!member.email || !member.emailConfirmed) return { ok: false, why: UNKNOWN };
  const user = await findUserByEmail(db, member.email);
  return user ? { ok: true, user, via: 'email' } : { ok: false, why: UNKNOWN };
}
