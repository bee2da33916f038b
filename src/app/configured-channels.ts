import type { ChannelKind } from '../core/escalation/paging-plan.js';
import type { Config } from './config.js';

/**
 * The channels this node can send on, as startVigil wires them: webhooks, Slack,
 * Teams workflows and ntfy always, email with SMTP, SMS and voice with Twilio, Pushover with its app token, Telegram with its bot, the Slack app's channels and DMs with its bot token, Mattermost channels and DMs with its bot. The paging plan and the
 * paging-health check warn about rules on any other channel.
 */
export function configuredChannels(config: Pick<Config, 'smtpUrl' | 'twilio' | 'pushover' | 'telegram' | 'slack' | 'mattermost'>): ReadonlySet<ChannelKind> {
  const kinds: ChannelKind[] = ['webhook', 'slack', 'ntfy', 'teams'];
  if (config.smtpUrl) kinds.push('email');
  if (config.twilio) kinds.push('sms', 'voice');
  if (config.pushover) kinds.push('pushover');
  if (config.telegram) kinds.push('telegram');
  if (config.slack) kinds.push('slack_channel', 'slack_dm');
  if (config.mattermost) kinds.push('mattermost_channel', 'mattermost_dm');
  return new Set(kinds);
}
