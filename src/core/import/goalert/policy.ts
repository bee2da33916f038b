import type { ImportNote } from '../report.js';
import type { MappedPolicy, MappedTarget } from '../setup.js';
import { rotationScheduleId } from './schedule.js';
import type { GaEscalationPolicy } from './types.js';

/** Vigil's limits: 20 repeats, a week's wait. */
const MAX_REPEAT = 20;
const MAX_WAIT_SECONDS = 7 * 86400;

/**
 * GoAlert waits a step's `delayMinutes` before the next step (after the last, before the
 * policy repeats); Vigil puts each wait on the step it leads to, and step 1's wait is the
 * pause before a repeat. `repeat` is Vigil's repeat. A rotation target pages the schedule
 * the rotation became (see rotationSchedule); Slack channels, webhooks and other
 * destinations have no Vigil step target and are reported.
 */
export function mapPolicy(policy: GaEscalationPolicy): MappedPolicy {
  const subject = `escalation policy "${policy.name}"`;
  const notes: ImportNote[] = [];
  const steps = [...policy.steps].sort((a, b) => a.stepNumber - b.stepNumber);
  const delay = (i: number) => Math.min((steps[i]?.delayMinutes ?? 0) * 60, MAX_WAIT_SECONDS);
  const mapped: MappedPolicy['steps'] = [];
  // A step left out hands its wait on, so later steps fire when GoAlert would fire them.
  let carried = 0;
  steps.forEach((step, i) => {
    const targets: MappedTarget[] = [];
    for (const t of step.targets) {
      if (t.type === 'user') targets.push({ type: 'user', sourceId: t.id });
      else if (t.type === 'schedule') targets.push({ type: 'schedule', sourceId: t.id });
      else if (t.type === 'rotation') targets.push({ type: 'schedule', sourceId: rotationScheduleId(t.id) });
      else notes.push({ subject: `${subject} step ${i + 1}`, reason: `target "${t.name}" of type ${t.type} has no Vigil equivalent: left out` });
    }
    const wait = Math.min((i === 0 ? (policy.repeat > 0 ? delay(steps.length - 1) : 0) : delay(i - 1)) + carried, MAX_WAIT_SECONDS);
    if (targets.length === 0) {
      notes.push({ subject: `${subject} step ${i + 1}`, reason: 'has no target Vigil can page: left out' });
      carried = i === 0 ? 0 : wait;
      return;
    }
    carried = 0;
    mapped.push({ waitSeconds: wait, targets });
  });
  if (policy.repeat > MAX_REPEAT) notes.push({ subject, reason: `repeats ${policy.repeat} times; Vigil repeats at most ${MAX_REPEAT}` });
  if (steps.some((s) => s.delayMinutes * 60 > MAX_WAIT_SECONDS)) notes.push({ subject, reason: 'a delay over a week is shortened to a week' });
  if (mapped.length === 0) notes.push({ subject, reason: 'not imported: no step has a target Vigil can page' });
  return { sourceId: policy.id, name: policy.name.slice(0, 200), description: policy.description, teamSourceId: null, repeat: Math.min(policy.repeat, MAX_REPEAT), steps: mapped, notes };
}
