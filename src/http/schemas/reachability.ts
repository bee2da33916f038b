import { Type } from 'typebox';
import { Channel } from './paging-problem.js';
import { Id } from './common.js';

export const ReachabilityProblem = Type.Object({
  code: Type.Enum(['no_verified_contact_method', 'no_notification_rule', 'channel_not_configured'], { description: 'Stable: match on it' }),
  channel: Type.Optional(Channel),
  message: Type.String(),
});

export const ReachabilityView = Type.Object({
  userId: Id,
  reachable: Type.Boolean({ description: 'A page now would go out: a notification rule on a verified contact method over a channel this server has' }),
  problems: Type.Array(ReachabilityProblem, { description: 'What stops pages (or some of them) reaching the user; can be non-empty while reachable' }),
});
