import type { ImportNote } from '../report.js';
import type { MappedPolicy, MappedTarget } from '../setup.js';
import type { OgEscalation, OgEscalationRule } from './types.js';

/** Vigil's limits: 20 repeats, a week's wait. */
const MAX_REPEAT = 20;
const MAX_WAIT_SECONDS = 7 * 86400;
const UNIT_SECONDS = { minutes: 60, hours: 3600, days: 86400 } as const;

const delaySeconds = (rule: OgEscalationRule) => rule.delay.timeAmount * UNIT_SECONDS[rule.delay.timeUnit ?? 'minutes'];

function targetOf(rule: OgEscalationRule): MappedTarget | string {
  const r = rule.recipient;
  if (r.type === 'team') return "is a team: Vigil steps page users and schedules (put the team's schedule in the step instead)";
  if (r.type !== 'user' && r.type !== 'schedule') return `is a ${r.type}, which Vigil steps cannot page`;
  if (rule.notifyType !== 'default') return `notifies the schedule's ${rule.notifyType} on-call user, and Vigil pages whoever is on call now`;
  if (r.id === undefined) return 'names no id';
  return { type: r.type, sourceId: r.id };
}

/**
 * An Opsgenie escalation as a Vigil policy. Opsgenie counts each rule's delay from the
 * alert's creation; Vigil waits between steps, so rules with the same delay share a step and
 * each step waits the difference from the one before. Step 1's wait is Vigil's pause before a
 * repeat: Opsgenie's waitInterval after the last rule, plus the first rule's own delay.
 */
export function mapPolicy(escalation: OgEscalation): MappedPolicy {
  const subject = `escalation "${escalation.name}"`;
  const notes: ImportNote[] = [];
  const rules = escalation.rules.map((rule, i) => ({ rule, i, at: delaySeconds(rule) })).sort((a, b) => a.at - b.at || a.i - b.i);
  const steps: (MappedPolicy['steps'][number] & { at: number })[] = [];
  for (const { rule, i, at } of rules) {
    const about = `${subject} rule ${i + 1}`;
    const target = targetOf(rule);
    if (typeof target === 'string') {
      const who = rule.recipient.name ?? rule.recipient.username ?? rule.recipient.id;
      notes.push({ subject: about, reason: `its recipient${who ? ` ${who}` : ''} ${target}: left out` });
      continue;
    }
    if (rule.condition !== 'if-not-acked') notes.push({ subject: about, reason: `escalates ${rule.condition}; Vigil escalates until someone acknowledges` });
    const last = steps.at(-1);
    if (last && last.at === at) last.targets.push(target);
    else steps.push({ at, waitSeconds: at - (last?.at ?? at), targets: [target] });
  }
  const repeat = escalation.repeat?.count ?? 0;
  const first = steps[0];
  if (first) {
    if (first.at > 0) notes.push({ subject, reason: `its first rule waits ${first.at / 60} minutes after the alert; Vigil pages step 1 at once` });
    // From the last step back to step 1: Opsgenie's waitInterval, then the first rule's delay.
    first.waitSeconds = repeat > 0 ? (escalation.repeat?.waitInterval ?? 0) * 60 + first.at : 0;
    if (steps.some((s) => s.waitSeconds > MAX_WAIT_SECONDS)) notes.push({ subject, reason: 'a wait over a week is shortened to a week' });
  } else notes.push({ subject, reason: 'not imported: no rule has a recipient Vigil can page' });
  if (repeat > MAX_REPEAT) notes.push({ subject, reason: `repeats ${repeat} times; Vigil repeats at most ${MAX_REPEAT}` });
  if (escalation.repeat?.closeAlertAfterAll) notes.push({ subject, reason: 'closes the alert after its last repeat; Vigil leaves the incident open' });
  return {
    sourceId: escalation.id,
    name: escalation.name,
    description: escalation.description ?? '',
    teamSourceId: escalation.ownerTeam?.id ?? null,
    repeat: Math.min(repeat, MAX_REPEAT),
    steps: steps.map(({ waitSeconds, targets }) => ({ waitSeconds: Math.min(waitSeconds, MAX_WAIT_SECONDS), targets })),
    notes,
  };
}
