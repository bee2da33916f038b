import { Alert, Anchor, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { MyReachability } from '../../api/accountTypes';
import { useMyReachability } from '../../api/reachability';

const link = (id: string, text: string) => <Anchor href={`#${id}`} inherit>{text}</Anchor>;

/** What this server cannot send, and what an admin sets to fix that. */
function MissingChannels({ channels }: { channels: MyReachability['channels'] }) {
  const missing = [
    !channels.email && 'email (an admin sets VIGIL_SMTP_URL)',
    !channels.sms && 'SMS and voice calls (an admin sets VIGIL_TWILIO_ACCOUNT_SID, VIGIL_TWILIO_AUTH_TOKEN and VIGIL_TWILIO_FROM)',
    !channels.pushover && 'Pushover (an admin sets VIGIL_PUSHOVER_APP_TOKEN)',
    !channels.telegram && 'Telegram (an admin sets VIGIL_TELEGRAM_BOT_TOKEN and VIGIL_TELEGRAM_WEBHOOK_SECRET)',
    !channels.slack_dm && 'Slack direct messages (an admin installs the Slack app: VIGIL_SLACK_BOT_TOKEN and VIGIL_SLACK_SIGNING_SECRET)',
    !channels.mattermost_dm && 'Mattermost direct messages (an admin sets VIGIL_MATTERMOST_URL and VIGIL_MATTERMOST_BOT_TOKEN)',
  ].filter((m): m is string => typeof m === 'string');
  if (missing.length === 0) return null;
  return (
    <Text size="sm">
      This server cannot send {missing.join(', nor ')}, so such contact methods can neither be verified nor paged here. A webhook, Slack or ntfy method works
      without them.
    </Text>
  );
}

/** At the top of the profile: nothing can page you (or some of your rules cannot), and how to fix it. */
export function ReachabilityAlert() {
  const reachability = useMyReachability();
  const r = reachability.data;
  if (!r || r.problems.length === 0) return null;
  const steps = r.problems.map((p) => {
    switch (p.code) {
      case 'no_verified_contact_method':
        return <>You have no verified contact method: add one under {link('contact-methods', 'Contact methods')} and verify it with the code sent to it.</>;
      case 'no_notification_rule':
        return <>None of your notification rules uses a verified contact method: add a rule under {link('notification-rules', 'Notification rules')}.</>;
      case 'channel_not_configured':
        return <>A notification rule of yours pages you by {p.channel}, which this server cannot send: those notifications fail.</>;
    }
  });
  return (
    <Alert
      color={r.reachable ? 'yellow' : 'red'}
      icon={<IconAlertTriangle />}
      title={r.reachable ? 'Some of your notifications cannot be sent' : 'Nobody can page you right now'}
      // A standing condition of the page, not news: a landmark to find, not an interruption.
      role="region"
    >
      {!r.reachable && <Text size="sm">If an incident paged you now, nothing would reach you and it would move on to the next step.</Text>}
      <List size="sm" mt={4}>
        {steps.map((step, i) => (
          <List.Item key={`${r.problems[i]?.code}-${r.problems[i]?.channel ?? ''}`}>{step}</List.Item>
        ))}
      </List>
      <MissingChannels channels={r.channels} />
    </Alert>
  );
}
