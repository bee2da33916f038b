import { List, Text } from '@mantine/core';
import type { PlannedNotification, PlannedRecipient } from '../../../api/pagingPlanTypes';
import { formatTime } from '../../../time/format';
import { teamsWorkflowName } from '../teamsWorkflow';
import { after, channelLabel } from './planText';

/** Rules the engine passes over, and why. */
const skipped: Record<Exclude<PlannedNotification['status'], 'pages'>, { note: string; color: string }> = {
  unverified: { note: 'not verified: skipped', color: 'dimmed' },
  channel_not_configured: { note: 'not configured on this server: skipped', color: 'red.7' },
};

function Notification({ n, zone }: { n: PlannedNotification; zone: string }) {
  const skip = n.status === 'pages' ? null : skipped[n.status];
  return (
    <List.Item>
      <Text size="sm" c={skip?.color}>
        {channelLabel(n.kind, n.label)} · {after(n.delaySeconds)} ({formatTime(n.at, zone)}){skip && ` · ${skip.note}`}
      </Text>
    </List.Item>
  );
}

/** One person (and how each of their rules would reach them) or one webhook, Slack or Teams channel. */
export function PlanRecipient({ recipient, zone }: { recipient: PlannedRecipient; zone: string }) {
  if (recipient.kind !== 'user') {
    return (
      <List.Item>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {channelLabel(recipient.kind)} {'channelId' in recipient ? recipient.channelId : recipient.kind === 'teams' ? teamsWorkflowName(recipient.url) : recipient.url} · at once
        </Text>
      </List.Item>
    );
  }
  return (
    <List.Item>
      <Text size="sm" fw={500}>
        {recipient.name ?? 'A removed user'}
      </Text>
      {recipient.notifications.length === 0 ? (
        <Text size="xs" c="dimmed">
          No notification rules
        </Text>
      ) : (
        <List size="sm" spacing={2} withPadding listStyleType="none">
          {recipient.notifications.map((n) => (
            <Notification key={n.ruleId} n={n} zone={zone} />
          ))}
        </List>
      )}
    </List.Item>
  );
}
