import { Button, Divider, Group, Paper, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { Fragment } from 'react';
import type { PagingPlan } from '../../../api/pagingPlanTypes';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime } from '../../../time/format';
import { PlanStep } from './PlanStep';
import type { PlanInstant } from './usePlanInstant';

function Ending({ plan, zone }: { plan: PagingPlan; zone: string }) {
  const repeats = plan.repeats.map((r) => formatDateTime(r.at, zone));
  return (
    <Text size="sm" c="dimmed">
      {repeats.length > 0 && `Starts over at ${repeats.join(', ')}. `}
      Escalation ends at {formatDateTime(plan.exhaustedAt, zone)}; the incident then stays triggered.
    </Text>
  );
}

/**
 * "Who would be paged, how and when, if it fired at T": each step with its people, their
 * contact methods and delays, and warnings in red.
 */
export function PagingPlanPanel({ plan, instant, hint }: { plan: UseQueryResult<PagingPlan>; instant: PlanInstant; hint?: string | undefined }) {
  const { local, setLocal, zone } = instant;
  return (
    <Paper withBorder p="md" component="section" aria-label="Paging plan">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" gap="sm">
          <div>
            <Title order={3}>Paging plan</Title>
            <Text size="sm" c="dimmed">
              Who would be paged, how and when, if it fired {local === '' ? 'now' : 'then'} and nobody acknowledged.
            </Text>
          </div>
          <Group gap="xs" align="flex-end" wrap="nowrap" maw="100%">
            <TextInput label="If it fired at" type="datetime-local" value={local} onChange={(e) => setLocal(e.currentTarget.value)} flex={1} miw={0} maw={240} />
            <Button variant="default" disabled={local === ''} onClick={() => setLocal('')}>
              Now
            </Button>
          </Group>
        </Group>
        {hint !== undefined ? (
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        ) : plan.isError ? (
          <QueryError error={plan.error} />
        ) : !plan.data ? (
          <Skeleton h={120} />
        ) : (
          <>
            {plan.data.steps.map((step) => (
              <Fragment key={step.index}>
                {step.index > 0 && <Divider />}
                <PlanStep step={step} trigger={plan.data.at} warnings={plan.data.warnings.filter((w) => w.step === step.index)} zone={zone} />
              </Fragment>
            ))}
            <Ending plan={plan.data} zone={zone} />
          </>
        )}
        <Text size="xs" c="dimmed">
          Times in {zone}. Schedules are resolved at each step’s time; contact methods and rules as they are now.
        </Text>
      </Stack>
    </Paper>
  );
}
