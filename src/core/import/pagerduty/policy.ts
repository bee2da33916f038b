import type { ImportNote } from '../report.js';
import type { MappedPolicy, MappedTarget } from '../setup.js';
import type { PdEscalationPolicy } from './types.js';

/** Vigil's limits: 20 repeats, a week's wait. */
const MAX_REPEAT = 20;
const MAX_WAIT_SECONDS = 7 * 86400;

/**
 * PagerDuty waits `escalation_delay_in_minutes` after a rule before the next one (the last
 * rule's delay before looping); Vigil puts each wait on the step it leads to, and step 1's
 * wait is the pause before a repeat. num_loops is Vigil's repeat.
 */
export function mapPolicy(policy: PdEscalationPolicy): MappedPolicy {
  const subject = `escalation policy "${policy.name}"`;
  const notes: ImportNote[] = [];
  const rules = policy.escalation_rules;
  const delay = (i: number) => Math.min((rules[i]?.escalation_delay_in_minutes ?? 0) * 60, MAX_WAIT_SECONDS);
  const steps: MappedPolicy['steps'] = [];
  // A rule left out hands its wait on, so later rules fire when PagerDuty would fire them.
  let carried = 0;
  rules.forEach((rule, i) => {
    const targets: MappedTarget[] = [];
    for (const t of rule.targets) {
      if (t.type === 'user_reference' || t.type === 'user') targets.push({ type: 'user', sourceId: t.id });
      else if (t.type === 'schedule_reference' || t.type === 'schedule') targets.push({ type: 'schedule', sourceId: t.id });
      else notes.push({ subject: `${subject} rule ${i + 1}`, reason: `target ${t.summary ?? t.id} of type ${t.type} has no Vigil equivalent: left out` });
    }
    const wait = Math.min((i === 0 ? (policy.num_loops > 0 ? delay(rules.length - 1) : 0) : delay(i - 1)) + carried, MAX_WAIT_SECONDS);
    if (targets.length === 0) {
      notes.push({ subject: `${subject} rule ${i + 1}`, reason: 'has no target Vigil can page: left out' });
      carried = i === 0 ? 0 : wait;
      return;
    }
    carried = 0;
    steps.push({ waitSeconds: wait, targets });
  });
  if (policy.num_loops > MAX_REPEAT) notes.push({ subject, reason: `loops ${policy.num_loops} times; Vigil repeats at most ${MAX_REPEAT}` });
  if (rules.some((r) => r.escalation_delay_in_minutes * 60 > MAX_WAIT_SECONDS)) notes.push({ subject, reason: 'a delay over a week is shortened to a week' });
  if (steps.length === 0) notes.push({ subject, reason: 'not imported: no rule has a target Vigil can page' });
  return {
    sourceId: policy.id,
    name: policy.name,
    description: policy.description ?? '',
    teamSourceId: policy.teams[0]?.id ?? null,
    repeat: Math.min(policy.num_loops, MAX_REPEAT),
    steps,
    notes,
  };
}
