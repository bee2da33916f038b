import type { ChannelKind } from '../core/escalation/paging-plan.js';
import type { Config } from './config.js';

/**
 * The channels this node can send on, as startVigil wires them: webhooks, Slack and
 * ntfy always, email with SMTP, SMS and voice with Twilio. The paging plan and the
 * paging-health check warn about rules on any other channel.
 */
export function configuredChannels(config: Pick<Config, 'smtpUrl' | 'twilio'>): ReadonlySet<ChannelKind> {
  const kinds: ChannelKind[] = ['webhook', 'slack', 'ntfy'];
  if (config.smtpUrl) kinds.push('email');
  if (config.twilio) kinds.push('sms', 'voice');
  return new Set(kinds);
}
