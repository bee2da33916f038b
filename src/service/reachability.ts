import type { Kysely } from 'kysely';
import type { ChannelKind, PlanWarning } from '../core/escalation/paging-plan.js';
import type { Instant } from '../core/escalation/types.js';
import type { DB } from '../store/schema.js';
import { planPaging } from './paging-plan.js';

/** The plan's warnings about one person (rather than a target or a step). */
const personCodes = ['no_verified_contact_method', 'no_notification_rule', 'channel_not_configured'] as const;
type PersonProblemCode = (typeof personCodes)[number];
type PersonWarning = PlanWarning & { code: PersonProblemCode };
const isAbout = (userId: string) => (w: PlanWarning): w is PersonWarning => w.userId === userId && (personCodes as readonly string[]).includes(w.code);

export interface Reachability {
  userId: string;
  /** A page to them now would go out: a rule on a verified method over a configured channel. */
  reachable: boolean;
  /** What stops (or partly stops) pages reaching them, as the paging plan words it. */
  problems: Pick<PersonWarning, 'code' | 'channel' | 'message'>[];
}

/**
 * Whether each user could be paged now. It is the paging plan of one step naming them all,
 * so the answer is the engine's own: the same rules, verification and configured channels.
 * Users that do not exist are left out.
 */
export async function reachabilityOf(db: Kysely<DB>, userIds: Iterable<string>, now: Instant, configured: ReadonlySet<ChannelKind>): Promise<Map<string, Reachability>> {
  const ids = [...new Set(userIds)];
  const answers = new Map<string, Reachability>();
  if (ids.length === 0) return answers;
  const plan = await planPaging(db, { steps: [{ waitSeconds: 0, targets: ids.map((userId) => ({ type: 'user' as const, userId })) }], repeat: 0 }, now, configured);
  for (const recipient of plan.steps[0]?.recipients ?? []) {
    if (recipient.kind !== 'user') continue;
    const problems = plan.warnings
      .filter(isAbout(recipient.userId))
      .map(({ code, channel, message }) => ({ code, message, ...(channel && { channel }) }));
    answers.set(recipient.userId, { userId: recipient.userId, reachable: recipient.reachable, problems });
  }
  return answers;
}
