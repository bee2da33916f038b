import type { ImportNote } from '../report.js';
import type { MappedPolicy, MappedTarget } from '../setup.js';
import type { GoEscalationChain, GoEscalationPolicy } from './types.js';

/** Grafana OnCall's repeat_escalation step goes back to the top at most 5 times. */
export const ONCALL_REPEATS = 5;
/** Vigil's longest wait. */
const MAX_WAIT_SECONDS = 7 * 86400;

/**
 * An escalation chain: its steps (escalation policies, by position) run top to bottom, the
 * notify steps between two waits at once. So each run of notify steps becomes one Vigil step
 * with all their targets, its wait the sum of the waits before it. A repeat_escalation step
 * starts over (5 times at most) and nothing after it runs: Vigil's repeat, whose pause before
 * starting over is step 1's wait (the chain's last waits, and its first). Other step types
 * (user groups, webhooks, Slack, resolve, time conditions, …) have no Vigil step target and are
 * reported; an "important" notification is paged with the user's only rules in Vigil.
 */
export function mapPolicy(chain: GoEscalationChain, policies: GoEscalationPolicy[]): MappedPolicy {
  const subject = `escalation chain "${chain.name}"`;
  const notes: ImportNote[] = [];
  const steps: MappedPolicy['steps'] = [];
  let wait = 0;
  let leading = 0;
  let targets: MappedTarget[] = [];
  let repeat = 0;
  const flush = () => {
    if (targets.length === 0) return;
    if (steps.length === 0) leading = wait;
    steps.push({ waitSeconds: steps.length === 0 ? 0 : Math.min(wait, MAX_WAIT_SECONDS), targets });
    targets = [];
    wait = 0;
  };
  for (const p of [...policies].sort((a, b) => a.position - b.position)) {
    const about = `${subject} step ${p.position + 1} (${p.type})`;
    if (p.type === 'wait') {
      flush();
      wait += p.duration ?? 0;
    } else if (p.type === 'notify_persons') {
      for (const id of p.persons_to_notify ?? []) targets.push({ type: 'user', sourceId: id });
      if (p.important) notes.push({ subject: about, reason: "an important notification: Vigil pages with the user's rules for the alert's urgency" });
    } else if (p.type === 'notify_on_call_from_schedule') {
      if (p.notify_on_call_from_schedule) targets.push({ type: 'schedule', sourceId: p.notify_on_call_from_schedule });
      if (p.important) notes.push({ subject: about, reason: "an important notification: Vigil pages with the user's rules for the alert's urgency" });
    } else if (p.type === 'repeat_escalation') {
      repeat = ONCALL_REPEATS;
      break;
    } else {
      notes.push({ subject: about, reason: 'has no Vigil equivalent: left out' });
    }
  }
  flush();
  const first = steps[0];
  if (first && repeat > 0) first.waitSeconds = Math.min(wait + leading, MAX_WAIT_SECONDS);
  else if (leading > 0) notes.push({ subject, reason: `waits ${leading} s before its first notification; Vigil pages the first step at once` });
  if (steps.length === 0) notes.push({ subject, reason: 'not imported: no step notifies anyone Vigil can page' });
  return { sourceId: chain.id, name: chain.name.slice(0, 200), description: 'Imported from Grafana OnCall', teamSourceId: chain.team_id, repeat, steps, notes };
}
