import type { TargetType } from '../../api/incidentTypes';

export const targetTypes: { value: TargetType; label: string }[] = [
  { value: 'schedule', label: 'Schedule (whoever is on call)' },
  { value: 'schedule_layer', label: 'One layer of a schedule' },
  { value: 'schedule_all_layers', label: 'All active layers of a schedule' },
  { value: 'user', label: 'User' },
  { value: 'team', label: 'Team (every member)' },
  { value: 'webhook', label: 'Webhook URL' },
  { value: 'slack', label: 'Slack URL' },
  { value: 'teams', label: 'Microsoft Teams (workflow webhook)' },
  { value: 'slack_channel', label: 'Slack channel (with buttons)' },
  { value: 'mattermost_channel', label: 'Mattermost channel (with buttons)' },
];
