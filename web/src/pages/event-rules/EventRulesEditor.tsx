import { Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { fieldMessages, fieldMessagesUnder } from '../../api/ApiError';
import { useEventRules, useSaveEventRules, type EventRule } from '../../api/eventRules';
import { usePolicyChoices } from '../../api/policies';
import { useTeamChoices } from '../../api/teams';
import { FormError } from '../../components/FormError';
import { QueryError } from '../../components/QueryError';
import { teamLabelledOptions } from '../../components/teamLabelledOptions';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { DryRunPanel } from './DryRunPanel';
import { RuleCard } from './RuleCard';
import { differs, freshName, moved, newRule, toDrafts, toRules, type RuleDraft } from './ruleDraft';

/** The monitor a sample event is tried on, and its kind (which decides the sample's shape). */
export interface TestTarget {
  monitorId: string;
  kind: string;
}

interface EventRulesEditorProps {
  /** null: the organisation's global rules, which run before every monitor's own. */
  monitorId: string | null;
  /** Where "Test with a sample event" runs; null hides it until there is one. */
  testOn: TestTarget | null;
  /** Shown in the test panel: which monitor to test on, where that is a choice. */
  testPicker?: ReactNode;
  canEdit: boolean;
}

function RulesForm({ monitorId, saved, testOn, testPicker, canEdit }: Omit<EventRulesEditorProps, 'monitorId'> & { monitorId: string | null; saved: EventRule[] }) {
  const saving = useSaveEventRules(monitorId);
  const policies = usePolicyChoices();
  const teams = useTeamChoices();
  const [drafts, setDrafts] = useState<RuleDraft[]>(() => toDrafts(saved));
  const dirty = differs(drafts, saved);
  const listError = fieldMessages(saving.error)['rules'];
  const policyOptions = teamLabelledOptions(policies.data ?? [], teams.data);

  // Errors name rules by position: once the list is reordered they would point at the wrong rule.
  const reshape = (next: RuleDraft[]) => {
    saving.reset();
    setDrafts(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    saving.mutate(toRules(drafts), {
      onSuccess: () => notifications.show({ color: 'green', message: `Event rules saved: ${drafts.length === 0 ? 'none now' : `${drafts.length} rule${drafts.length === 1 ? '' : 's'}`}. They apply to the next event.` }),
    });
  };

  return (
    <Stack component="form" onSubmit={submit} aria-label="Event rules">
      <UnsavedChangesGuard dirty={dirty && !saving.isPending} />
      <FormError error={saving.error} />
      {drafts.length === 0 && (
        <Text c="dimmed" size="sm">
          No rules: every event is raised as its sender describes it.
        </Text>
      )}
      {/* Those who may not edit read the rules as the form shows them, every input disabled. */}
      <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack>
          {drafts.map((rule, index) => (
            <RuleCard
              key={rule.key}
              rule={rule}
              index={index}
              count={drafts.length}
              policies={policyOptions}
              errors={fieldMessagesUnder(saving.error, `/body/rules/${index}`)}
              onChange={(changed) => setDrafts(drafts.map((d) => (d.key === rule.key ? changed : d)))}
              onMove={(by) => reshape(moved(drafts, index, by))}
              onRemove={() => reshape(drafts.filter((d) => d.key !== rule.key))}
            />
          ))}
        </Stack>
      </fieldset>
      {listError !== undefined && (
        <Text c="red" size="sm" role="alert">
          Rules {listError}
        </Text>
      )}
      {canEdit && (
        <Group justify="space-between">
          <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setDrafts([...drafts, newRule(freshName(drafts))])}>
            Add rule
          </Button>
          <Group>
            <Button variant="default" disabled={!dirty || saving.isPending} onClick={() => reshape(toDrafts(saved))}>
              Discard changes
            </Button>
            <Button type="submit" loading={saving.isPending} disabled={!dirty}>
              Save rules
            </Button>
          </Group>
        </Group>
      )}
      {testOn && <DryRunPanel key={testOn.monitorId} monitorId={testOn.monitorId} kind={testOn.kind} edited={monitorId === null ? { globalRules: toRules(drafts) } : { rules: toRules(drafts) }} picker={testPicker} />}
    </Stack>
  );
}

/** An ordered list of event rules, edited here and saved whole, with a dry run on a sample event. */
export function EventRulesEditor(props: EventRulesEditorProps) {
  const rules = useEventRules(props.monitorId);
  if (rules.isPending) return <Skeleton h={160} />;
  if (rules.isError) return <QueryError error={rules.error} />;
  return <RulesForm {...props} saved={rules.data.rules} />;
}
