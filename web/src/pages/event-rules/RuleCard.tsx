import { ActionIcon, Button, Group, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { messagesUnder } from '../../api/ApiError';
import { ConditionRow } from './ConditionRow';
import { newCondition, type RuleDraft } from './ruleDraft';

interface RuleCardProps {
  rule: RuleDraft;
  index: number;
  count: number;
  /** Options of "Route to policy". */
  policies: { value: string; label: string }[];
  /** API errors under this rule, keyed like "name" or "when/0/pattern". */
  errors: Record<string, string>;
  onChange: (rule: RuleDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

const urgencies = [
  { value: '', label: 'As the event says' },
  { value: 'high', label: 'High' },
  { value: 'low', label: 'Low' },
];

// Looks disabled but keeps focus: a rule moved to the top from the keyboard keeps the
// focus on its button instead of dropping it to the page.
const stuck = (atEnd: boolean) => (atEnd ? { 'aria-disabled': true, 'data-disabled': true } : {});

const templateHint = 'Empty keeps the event’s own. {{labels.instance}} puts in a field of the event.';

export function RuleCard({ rule, index, count, policies, errors, onChange, onMove, onRemove }: RuleCardProps) {
  const n = index + 1;
  const set = (patch: Partial<RuleDraft>) => onChange({ ...rule, ...patch });
  const then = messagesUnder(errors, 'then');
  return (
    <Paper withBorder p="md" component="section" aria-label={`Rule ${n}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={4} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            {n}. {rule.name || 'Unnamed rule'}
          </Title>
          <Group gap={4} wrap="nowrap">
            <Tooltip label="Move up">
              <ActionIcon variant="subtle" aria-label={`Move rule ${n} up`} {...stuck(index === 0)} onClick={() => index > 0 && onMove(-1)}>
                <IconArrowUp size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Move down">
              <ActionIcon variant="subtle" aria-label={`Move rule ${n} down`} {...stuck(index === count - 1)} onClick={() => index < count - 1 && onMove(1)}>
                <IconArrowDown size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Remove rule">
              <ActionIcon variant="subtle" color="red" aria-label={`Remove rule ${n}`} onClick={onRemove}>
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
        <TextInput label="Name" required value={rule.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors['name']} maw={420} />

        <Text fw={600} size="sm">
          When {rule.when.length > 1 ? 'every condition holds' : rule.when.length === 1 ? 'this holds' : 'any event arrives'}
        </Text>
        {rule.when.length === 0 && (
          <Text size="sm" c="dimmed">
            No conditions: every event matches.
          </Text>
        )}
        {rule.when.map((condition, j) => (
          <ConditionRow
            key={condition.key}
            condition={condition}
            label={`condition ${j + 1} of rule ${n}`}
            errors={messagesUnder(errors, `when/${j}`)}
            onChange={(changed) => set({ when: rule.when.map((c) => (c.key === condition.key ? changed : c)) })}
            onRemove={() => set({ when: rule.when.filter((c) => c.key !== condition.key) })}
          />
        ))}
        {errors['when'] !== undefined && (
          <Text c="red" size="xs" role="alert">
            Conditions {errors['when']}
          </Text>
        )}
        <Group>
          <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => set({ when: [...rule.when, newCondition()] })}>
            Add condition
          </Button>
        </Group>

        <Text fw={600} size="sm">
          Then
        </Text>
        <Switch
          label="Drop the event"
          description="Accepted and discarded: no incident, nobody paged."
          checked={rule.drop}
          onChange={(e) => set({ drop: e.currentTarget.checked })}
          error={then['drop']}
        />
        {!rule.drop && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select label="Urgency" allowDeselect={false} data={urgencies} value={rule.urgency} onChange={(v) => set({ urgency: (v ?? '') as RuleDraft['urgency'] })} error={then['urgency']} />
              <Select
                label="Route to policy"
                placeholder="The monitor’s policy"
                clearable
                searchable
                data={policies}
                value={rule.policyId}
                onChange={(policyId) => set({ policyId })}
                error={then['policyId']}
              />
              <TextInput
                label="Title"
                placeholder="{{labels.alertname}} on {{labels.instance}}"
                description={templateHint}
                value={rule.title}
                onChange={(e) => set({ title: e.currentTarget.value })}
                error={then['title']}
              />
              <TextInput
                label="Dedup key"
                placeholder="{{labels.cluster}}"
                description="Events with the same key are one incident. Empty keeps the event’s own."
                value={rule.dedupKey}
                onChange={(e) => set({ dedupKey: e.currentTarget.value })}
                error={then['dedupKey']}
              />
            </SimpleGrid>
            <Switch
              label="Suppress"
              description="Record the incident, but page nobody until someone pages it."
              checked={rule.suppress}
              onChange={(e) => set({ suppress: e.currentTarget.checked })}
              error={then['suppress']}
            />
          </>
        )}
        <Switch
          label="Continue with the next rules"
          description="Off: the first matching rule decides. On: later matching rules fill in what this one leaves unset."
          checked={rule.continue}
          onChange={(e) => set({ continue: e.currentTarget.checked })}
          error={errors['continue']}
        />
      </Stack>
    </Paper>
  );
}
