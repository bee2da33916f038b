import { ActionIcon, Group, List, NumberInput, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash, IconX } from '@tabler/icons-react';
import type { Target } from '../../api/incidentTypes';
import type { StepDraft } from './policyDraft';
import { TargetPicker } from './TargetPicker';
import { TargetSigningSecret } from './TargetSigningSecret';
import { TargetText } from './TargetText';

interface StepCardProps {
  step: StepDraft;
  index: number;
  count: number;
  /** Step 1's wait only matters when the policy starts over. */
  repeats: boolean;
  /** API field errors under this step, keyed like "waitSeconds" or "targets/0/scheduleId". */
  errors: Record<string, string>;
  /** Webhook URL → signing secret, for the URLs of the saved policy. */
  signingSecrets: Record<string, string>;
  onChange: (step: StepDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

const minutes = (n: number) => `${n} minute${n === 1 ? '' : 's'}`;

function targetError(errors: Record<string, string>, j: number): string | undefined {
  const key = Object.keys(errors).find((k) => k === `targets/${j}` || k.startsWith(`targets/${j}/`));
  return key === undefined ? undefined : `${key.split('/').slice(2).join(' ') || 'target'} ${errors[key] ?? ''}`.trim();
}

export function StepCard({ step, index, count, repeats, errors, signingSecrets, onChange, onMove, onRemove }: StepCardProps) {
  const n = index + 1;
  const heading = index === 0 ? 'Step 1: notify' : `Step ${n}: if no one acknowledges within ${minutes(step.waitMinutes)}, notify`;
  const setTargets = (targets: Target[]) => onChange({ ...step, targets });
  const setWait = (value: string | number) => onChange({ ...step, waitMinutes: typeof value === 'number' ? value : 0 });

  return (
    <Paper withBorder p="md" component="section" aria-label={`Step ${n}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{heading}</Title>
          <Group gap={4}>
            <Tooltip label="Move up">
              <ActionIcon variant="subtle" aria-label={`Move step ${n} up`} disabled={index === 0} onClick={() => onMove(-1)}>
                <IconArrowUp size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Move down">
              <ActionIcon variant="subtle" aria-label={`Move step ${n} down`} disabled={index === count - 1} onClick={() => onMove(1)}>
                <IconArrowDown size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Remove step">
              <ActionIcon variant="subtle" color="red" aria-label={`Remove step ${n}`} disabled={count === 1} onClick={onRemove}>
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
        {(index > 0 || repeats) && (
          <NumberInput
            label={index === 0 ? 'Pause before starting over (minutes)' : 'Wait before escalating (minutes)'}
            description={index === 0 ? 'After the last step, wait this long before notifying step 1 again.' : `Wait ${minutes(step.waitMinutes)} before escalating to step ${n}.`}
            min={0}
            max={7 * 24 * 60}
            value={step.waitMinutes}
            onChange={setWait}
            error={errors['waitSeconds']}
            w={320}
          />
        )}
        {step.targets.length === 0 ? (
          <Text c={errors['targets'] ? 'red' : 'dimmed'} size="sm">
            No targets yet{errors['targets'] ? `: targets ${errors['targets']}` : ''}.
          </Text>
        ) : (
          <List aria-label={`Targets of step ${n}`} spacing={4}>
            {step.targets.map((target, j) => {
              const error = targetError(errors, j);
              return (
                <List.Item key={`${target.type}-${j}`}>
                  {/* The remove button stays beside the name when a narrow screen wraps it. */}
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Text size="sm" style={{ minWidth: 0 }}>
                      <TargetText target={target} />
                    </Text>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-label={`Remove target ${j + 1} of step ${n}`}
                      onClick={() => setTargets(step.targets.filter((_, k) => k !== j))}
                    >
                      <IconX size={14} />
                    </ActionIcon>
                  </Group>
                  <TargetSigningSecret target={target} secrets={signingSecrets} />
                  {error !== undefined && (
                    <Text c="red" size="xs" role="alert">
                      {error}
                    </Text>
                  )}
                </List.Item>
              );
            })}
          </List>
        )}
        <TargetPicker stepNumber={n} onAdd={(target) => setTargets([...step.targets, target])} />
      </Stack>
    </Paper>
  );
}
