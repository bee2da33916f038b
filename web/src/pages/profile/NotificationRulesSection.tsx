import { Group, List, Skeleton, Text, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useNotificationRules, useRemoveNotificationRule } from '../../api/contacts';
import type { ContactMethod, NotificationRule } from '../../api/incidentTypes';
import { ConfirmButton } from '../../components/ConfirmButton';
import { QueryError } from '../../components/QueryError';
import { AddNotificationRuleForm } from './AddNotificationRuleForm';
import { LowUrgencyHoursField } from './LowUrgencyHoursField';
import { kindLabel } from './contactKinds';

/** "Email (you@example.com) immediately", "SMS (+1555…) after 2 minutes". */
function describeRule(rule: NotificationRule, methods: ContactMethod[]): string {
  const method = methods.find((m) => m.id === rule.contactMethodId);
  const how = method ? `${kindLabel(method.kind)} ${method.label} (${method.address})` : 'A removed contact method';
  const when = rule.delayMinutes === 0 ? 'immediately' : `after ${rule.delayMinutes} minute${rule.delayMinutes === 1 ? '' : 's'}`;
  const unverified = method !== undefined && !method.verified ? ' (unverified: not used until verified)' : '';
  const urgency = rule.urgency === null ? '' : `, ${rule.urgency} urgency only`;
  return `${how} ${when}${urgency}${unverified}`;
}

export function NotificationRulesSection({ userId, methods }: { userId: string; methods: ContactMethod[] }) {
  const rules = useNotificationRules(userId);
  const removing = useRemoveNotificationRule(userId);
  const sorted = [...(rules.data ?? [])].sort((a, b) => a.delayMinutes - b.delayMinutes);
  return (
    <section aria-labelledby="notification-rules">
      <Title order={3} id="notification-rules">
        Notification rules
      </Title>
      <Text size="sm" c="dimmed">
        While an incident paging you is unacknowledged, each rule notifies you through its contact method after its delay. A rule may be for
        high-urgency incidents only (say, a call) or low-urgency ones only (say, an email).
      </Text>
      {rules.isPending && <Skeleton h={60} />}
      {rules.isError && <QueryError error={rules.error} />}
      {rules.isSuccess && sorted.length === 0 && <Text c="dimmed">No notification rules: you will not be paged.</Text>}
      {sorted.length > 0 && (
        <List aria-label="Notification rules" mt="xs">
          {sorted.map((rule) => {
            const text = describeRule(rule, methods);
            return (
              <List.Item key={rule.id}>
                <Group gap="xs">
                  <Text size="sm">{text}</Text>
                  <ConfirmButton
                    label={`Remove rule: ${text}`}
                    icon={<IconTrash size={14} />}
                    message={`You will no longer be notified by: ${text}.`}
                    confirmLabel="Remove rule"
                    onConfirm={() => removing.mutateAsync({ id: rule.id })}
                    onForce={() => removing.mutateAsync({ id: rule.id, force: true })}
                  />
                </Group>
              </List.Item>
            );
          })}
        </List>
      )}
      {methods.length > 0 && <AddNotificationRuleForm userId={userId} methods={methods} />}
      <LowUrgencyHoursField />
    </section>
  );
}
