import { compareOnCall, type Fidelity, type OnCallSpan } from '../../core/import/fidelity.js';
import type { ImportedSetup, MappedSchedule } from '../../core/import/setup.js';
import type { Instant } from '../../core/schedule/types.js';
import { plannedOnCall } from './local-timeline.js';
import type { VigilApi } from '../vigil-api.js';
import { nameKey, type WrittenSetup } from './write-setup.js';

export interface ScheduleFidelity {
  schedule: string;
  /** null: not checked (the source gives no answer for it). */
  result: Fidelity | null;
}

export interface FidelityCheck {
  from: Instant;
  to: Instant;
  /** When the import took place: a dry run's plan is resolved as if created then. */
  now: Instant;
  dryRun: boolean;
  /** The source's name, e.g. "PagerDuty". */
  source: string;
  /** What the source's answer is called in the report, e.g. "PagerDuty's /oncalls". */
  answer: string;
  /** The source's own answer for a schedule, naming source user ids; a string says why there is none. */
  sourceSpans: (schedule: MappedSchedule) => OnCallSpan[] | string;
}

const when = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/**
 * Who is on call at every handoff of [from, to), the source's answer against Vigil's (its
 * schedule timeline, or in a dry run its resolver on the plan), people compared by email.
 */
export async function checkFidelity(setup: ImportedSetup, written: WrittenSetup, vigil: VigilApi, check: FidelityCheck, print: (line: string) => void): Promise<{ fidelity: ScheduleFidelity[]; differences: number }> {
  const { from, to } = check;
  const emails = new Map(setup.users.map((u) => [u.sourceId, nameKey(u.email)]));
  const emailOfVigil = new Map([...written.userIds].map(([sourceId, vigilId]) => [vigilId, emails.get(sourceId) ?? null]));
  const plan = (line: string) => print(`  ${line}`);
  print(`Fidelity over the next ${Math.round((to - from) / 86_400_000)} days (${check.answer} against Vigil${check.dryRun ? "'s resolver on the plan" : ''}):`);
  const fidelity: ScheduleFidelity[] = [];
  let differences = 0;
  for (const { schedule, id, planned } of written.schedules) {
    const answer = check.sourceSpans(schedule);
    if (typeof answer === 'string') {
      plan(`schedule "${schedule.name}": not checked (${answer})`);
      fidelity.push({ schedule: schedule.name, result: null });
      continue;
    }
    const sourceSpans = answer.map((s) => ({ ...s, who: s.who === null ? null : (emails.get(s.who) ?? s.who) }));
    const vigilSpans = planned
      ? plannedOnCall(schedule, check.now, from, to, (u) => emails.get(u) ?? null)
      : (await vigil.get<{ final: { start: string; end: string; user: { id: string; email: string } | null }[] }>(`/schedules/${id}/timeline?from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`)).final.map(
          (s) => ({ start: Date.parse(s.start), end: Date.parse(s.end), who: s.user ? (emailOfVigil.get(s.user.id) ?? nameKey(s.user.email)) : null }),
        );
    const result = compareOnCall(sourceSpans, vigilSpans, from, to);
    fidelity.push({ schedule: schedule.name, result });
    differences += result.differences.length;
    plan(`schedule "${schedule.name}": ${result.handoffs} handoffs, ${result.differences.length} difference${result.differences.length === 1 ? '' : 's'}`);
    for (const d of result.differences) plan(`  ${when(d.start)} to ${when(d.end)} UTC: ${check.source} ${d.source ?? 'nobody'}, Vigil ${d.vigil ?? 'nobody'}`);
  }
  return { fidelity, differences };
}
