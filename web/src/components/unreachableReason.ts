import type { Reachability } from '../api/accountTypes';

const channelNames = { email: 'email', sms: 'SMS', voice: 'voice', webhook: 'webhook', slack: 'Slack', ntfy: 'ntfy', telegram: 'Telegram', pushover: 'Pushover', teams: 'Microsoft Teams', slack_channel: 'Slack', slack_dm: 'Slack', mattermost_channel: 'Mattermost', mattermost_dm: 'Mattermost' } as const;

/** Why a page would not reach someone, in a few words: "no verified contact method". */
export function unreachableReason(reachability: Reachability): string {
  const problem = reachability.problems[0];
  switch (problem?.code) {
    case 'no_verified_contact_method':
      return 'no verified contact method';
    case 'no_notification_rule':
      return 'no notification rule on a verified contact method';
    case 'channel_not_configured':
      return `this server cannot send ${problem.channel ? channelNames[problem.channel] : 'on their'} notifications`;
    default:
      return 'no way to page them';
  }
}
