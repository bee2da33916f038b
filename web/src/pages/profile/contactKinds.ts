import type { ContactKind } from '../../api/incidentTypes';

/** serverApp: pages through an app the server must be set up with (its bot or app token); offered only then. */
export const contactKinds: { value: ContactKind; label: string; placeholder: string; serverApp?: true }[] = [
  { value: 'email', label: 'Email', placeholder: 'you@example.com' },
  { value: 'sms', label: 'SMS', placeholder: '+15551234567' },
  { value: 'voice', label: 'Voice call', placeholder: '+15551234567' },
  { value: 'webhook', label: 'Webhook', placeholder: 'https://' },
  { value: 'slack', label: 'Slack', placeholder: 'https://hooks.slack.com/…' },
  { value: 'ntfy', label: 'ntfy (push)', placeholder: 'https://ntfy.sh/your-secret-topic' },
  { value: 'pushover', label: 'Pushover', placeholder: 'uQiRzpo4DXghDmr9QzzfQu27cmVRsG', serverApp: true },
  // Linked through the bot's link once added: no address to type.
  { value: 'telegram', label: 'Telegram', placeholder: '', serverApp: true },
  { value: 'slack_dm', label: 'Slack (direct message)', placeholder: 'U0123ABCD', serverApp: true },
  { value: 'mattermost_dm', label: 'Mattermost (direct message)', placeholder: '26 letters and digits', serverApp: true },
];

export const kindLabel = (kind: ContactKind) => contactKinds.find((k) => k.value === kind)?.label ?? kind;
