import type { ChannelKind } from '../../../api/pagingPlanTypes';

const kindLabels: Record<ChannelKind, string> = { email: 'Email', sms: 'SMS', voice: 'Voice call', webhook: 'Webhook', slack: 'Slack', ntfy: 'ntfy (push)', telegram: 'Telegram', pushover: 'Pushover', teams: 'Microsoft Teams', slack_channel: 'Slack channel', slack_dm: 'Slack (direct message)', mattermost_channel: 'Mattermost channel', mattermost_dm: 'Mattermost (direct message)' };

export const channelLabel = (kind: ChannelKind, label = '') => (label === '' ? kindLabels[kind] : `${kindLabels[kind]} (${label})`);

/** "at once", "after 15 min", "after 1 h 30 min", "after 2 d 4 h". */
export function after(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes <= 0) return seconds > 0 ? `after ${seconds} s` : 'at once';
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const parts = [d > 0 && `${d} d`, h > 0 && `${h} h`, m > 0 && d === 0 && `${m} min`].filter(Boolean);
  return `after ${parts.join(' ')}`;
}

export const secondsBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 1000;
