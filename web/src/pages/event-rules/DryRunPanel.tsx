import { Badge, Button, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useEventRulesDryRun, type DryRun, type DryRunInput } from '../../api/eventRules';
import { FormError } from '../../components/FormError';
import { sampleEventText } from './sampleEvents';

interface DryRunPanelProps {
  monitorId: string;
  kind: string;
  /** The list as edited, as `rules` (the monitor's) or `globalRules`, tried instead of the saved one. */
  edited: Omit<DryRunInput, 'event'>;
  /** Where the global rules are edited: which monitor's events to try. */
  picker?: ReactNode;
}

function Outcome({ run }: { run: DryRun }) {
  const r = run.result;
  const rows: [string, string][] = r.dropped
    ? [['Dropped', 'Yes: accepted, no incident']]
    : [
        ['Title', r.title],
        ['Dedup key', r.dedupKey ?? 'none (a new incident each time)'],
        ['Urgency', r.urgency],
        ['Policy', r.policy?.name ?? 'the monitor’s'],
        ['Suppressed', r.suppressed ? `Yes, by ${r.suppressedBy ?? 'a rule'}: recorded, nobody paged` : 'No'],
      ];
  return (
    <Stack gap="xs" aria-label="Dry-run result" role="region">
      <Group gap="xs">
        <Text size="sm">Matched:</Text>
        {run.matched.length === 0 ? (
          <Text size="sm" c="dimmed">
            no rule
          </Text>
        ) : (
          run.matched.map((name) => (
            <Badge key={name} variant="light" tt="none">
              {name}
            </Badge>
          ))
        )}
      </Group>
      <Table withRowBorders={false} layout="fixed">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={110}>{label}</Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** Runs the rules on a pasted event without raising anything: which rules match, and what the alert would be. */
export function DryRunPanel({ monitorId, kind, edited, picker }: DryRunPanelProps) {
  const [text, setText] = useState(() => sampleEventText(kind));
  const [jsonError, setJsonError] = useState<string>();
  const running = useEventRulesDryRun(monitorId);
  const run = () => {
    let event: unknown;
    try {
      event = JSON.parse(text);
    } catch (error) {
      setJsonError(`This is not JSON: ${(error as Error).message}`);
      running.reset();
      return;
    }
    setJsonError(undefined);
    running.mutate({ event, ...edited });
  };
  return (
    <Paper withBorder p="md" component="section" aria-label="Test with a sample event">
      <Stack gap="sm">
        <Title order={4}>Test with a sample event</Title>
        <Text size="sm" c="dimmed">
          Runs the rules as edited here, saved or not, with the {edited.globalRules ? 'monitor’s saved ones after them' : 'saved global ones before them'}. Nothing is raised and nobody is paged.
        </Text>
        {picker}
        <Textarea
          label="Event (JSON, as the sender sends it)"
          autosize
          minRows={6}
          maxRows={20}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={jsonError}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-xs)' } }}
        />
        <Group>
          <Button variant="default" leftSection={<IconPlayerPlay size={16} />} loading={running.isPending} onClick={run}>
            Run test
          </Button>
          <Button variant="subtle" onClick={() => setText(sampleEventText(kind))}>
            Reset sample
          </Button>
        </Group>
        <FormError error={running.error} />
        {running.data && !running.isPending && <Outcome run={running.data} />}
      </Stack>
    </Paper>
  );
}
