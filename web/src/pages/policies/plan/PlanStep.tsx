import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { PlannedStep, PlanWarning } from '../../../api/pagingPlanTypes';
import { formatDateTime } from '../../../time/format';
import { TargetText } from '../TargetText';
import { after, secondsBetween } from './planText';
import { PlanRecipient } from './PlanRecipient';

function Warning({ warning, step }: { warning: PlanWarning; step: PlannedStep }) {
  const target = warning.target === undefined ? undefined : step.targets[warning.target]?.target;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" style={{ flexShrink: 0, marginTop: 2 }} aria-hidden />
      <Text size="sm" c="red.7" data-code={warning.code}>
        {target && (
          <>
            <TargetText target={target} />:{' '}
          </>
        )}
        {warning.message}
      </Text>
    </Group>
  );
}

/** One step of the plan: when it fires, who it reaches and how, and what is wrong with it. */
export function PlanStep({ step, trigger, warnings, zone }: { step: PlannedStep; trigger: string; warnings: PlanWarning[]; zone: string }) {
  const n = step.index + 1;
  return (
    <Stack gap={6} role="group" aria-label={`Paging plan, step ${n}`}>
      <Group gap="xs" wrap="wrap">
        <Text fw={600}>Step {n}</Text>
        <Text size="sm" c="dimmed">
          {formatDateTime(step.at, zone)} · {after(secondsBetween(trigger, step.at))}
        </Text>
        {step.skipped ? (
          <Badge color="orange" variant="light">
            Skipped
          </Badge>
        ) : (
          !step.reachable && (
            <Badge color="red" variant="light">
              Reaches nobody
            </Badge>
          )
        )}
      </Group>
      {step.recipients.length > 0 && (
        <List spacing={4} listStyleType="none" aria-label={`Who step ${n} pages`}>
          {step.recipients.map((r) => (
            <PlanRecipient key={r.kind === 'user' ? r.userId : 'channelId' in r ? `${r.kind}:${r.channelId}` : `${r.kind}:${r.url}`} recipient={r} zone={zone} />
          ))}
        </List>
      )}
      {warnings.length > 0 && (
        <Stack gap={2} role="group" aria-label={`Warnings for step ${n}`}>
          {warnings.map((w, i) => (
            <Warning key={i} warning={w} step={step} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
