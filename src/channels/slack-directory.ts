import { LruMap } from '../core/lru-map.js';
import type { Clock } from '../kernel/clock.js';
import { DeliveryError } from './channel.js';
import { postOutbound } from './outbound-request.js';

/** What Vigil needs to know about a Slack member to find them among its users. */
export interface SlackPerson {
  id: string;
  /** Their profile's email; null when Slack gave none (missing users:read.email, or none set). */
  email: string | null;
  /** Slack's is_email_confirmed: only a confirmed email names a Vigil user. */
  emailConfirmed: boolean;
  /** Deactivated members and bots act as nobody. */
  active: boolean;
}

interface UsersInfoAnswer {
  ok?: boolean;
  error?: string;
  user?: { id?: string; deleted?: boolean; is_bot?: boolean; is_email_confirmed?: boolean; profile?: { email?: string } };
}

/** How long an answer of users.info is reused: a changed email or a deactivation shows within it. */
const TTL_MS = 5 * 60_000;

/**
 * Looks Slack members up with users.info (bot token; scopes users:read and users:read.email),
 * keeping each answer for five minutes per node: a button press or command costs Slack's
 * API a call only the first time in a while. Slack's Tier 4 limit leaves room for this.
 */
export class SlackDirectory {
  private readonly cache = new LruMap<string, { person: SlackPerson | null; until: number }>(5_000);

  constructor(
    private readonly api: { botToken: string; apiUrl: string },
    private readonly clock: Clock,
  ) {}

  /** The member, or null when Slack knows no such user. */
  async person(slackUserId: string): Promise<SlackPerson | null> {
    const now = this.clock.now();
    const cached = this.cache.get(slackUserId);
    if (cached && cached.until > now) return cached.person;
    const text = await postOutbound({
      service: 'Slack',
      url: `${this.api.apiUrl}/users.info`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${this.api.botToken}` },
      body: new URLSearchParams({ user: slackUserId }).toString(),
    });
    const answer = parse(text);
    if (!answer.ok && answer.error !== 'user_not_found') throw new DeliveryError(`Slack users.info failed: ${answer.error ?? 'no answer'}`);
    const user = answer.ok ? answer.user : undefined;
    const person: SlackPerson | null = user
      ? { id: slackUserId, email: user.profile?.email || null, emailConfirmed: user.is_email_confirmed === true, active: user.deleted !== true && user.is_bot !== true }
      : null;
    this.cache.set(slackUserId, { person, until: now + TTL_MS });
    return person;
  }
}

function parse(text: string): UsersInfoAnswer {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as UsersInfoAnswer) : {};
  } catch {
    return {};
  }
}
