import { Type } from 'typebox';
import type { PagingProblem } from '../../store/paging-problems.js';
import { Id, Instant, toIso } from './common.js';

export const Channel = Type.Enum(['email', 'sms', 'voice', 'webhook', 'slack', 'ntfy', 'telegram', 'pushover', 'teams', 'slack_channel', 'slack_dm', 'mattermost_channel', 'mattermost_dm']);

export const PlanWarningView = Type.Object({
  code: Type.Enum(['nobody_on_call', 'team_empty', 'target_missing', 'step_skipped', 'step_unreached', 'no_verified_contact_method', 'no_notification_rule', 'channel_not_configured'], {
    description: 'Stable: match on it',
  }),
  step: Type.Integer({ description: 'Index of the step (0 = step 1)' }),
  target: Type.Optional(Type.Integer({ description: 'Index of the target within the step, for warnings about one target' })),
  userId: Type.Optional(Id),
  channel: Type.Optional(Channel),
  message: Type.String(),
});

export const PagingProblemView = Type.Object({
  since: Instant,
  checkedAt: Instant,
  warnings: Type.Array(PlanWarningView, { description: 'Why the first step reaches nobody' }),
});

export const toProblemView = (p: PagingProblem) => ({ since: toIso(p.since), checkedAt: toIso(p.checkedAt), warnings: p.warnings });
