import type { OnCallSpan } from '../../core/import/fidelity.js';
import { mapPolicy } from '../../core/import/goalert/policy.js';
import { mapSchedule, rotationSchedule } from '../../core/import/goalert/schedule.js';
import { mapService } from '../../core/import/goalert/service.js';
import type { GaOnCallShift } from '../../core/import/goalert/types.js';
import { mapUser } from '../../core/import/goalert/user.js';
import type { ImportedSetup } from '../../core/import/setup.js';
import { systemClock } from '../../kernel/clock.js';
import { checkFidelity } from '../import/fidelity-check.js';
import { VigilApi } from '../vigil-api.js';
import { DAY, importSummary, WINDOW_DAYS, type ImportResult, type ImportTarget } from '../import/import-run.js';
import { writeSetup } from '../import/write-setup.js';
import { GoAlertApi, MAX_HANDOFFS } from './goalert-api.js';

export interface GoAlertImportOptions extends ImportTarget {
  goalertToken: string;
  url: string;
}

/**
 * GoAlert's shifts as stretches of one answer each: where several people are on call at
 * once (GoAlert pages them all), the answer names all of them (their emails, joined), which
 * no Vigil schedule gives, so the check reports it.
 */
export function stretchesOf(shifts: GaOnCallShift[], from: number, to: number, email: (userId: string) => string): OnCallSpan[] {
  const spans = shifts.map((s) => ({ start: Math.max(Date.parse(s.start), from), end: Math.min(Date.parse(s.end), to), who: s.userID })).filter((s) => s.end > s.start);
  const edges = [...new Set(spans.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  const out: OnCallSpan[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const start = edges[i] as number;
    const end = edges[i + 1] as number;
    const who = [...new Set(spans.filter((s) => s.start <= start && start < s.end).map((s) => s.who))].sort();
    if (who.length === 0) continue;
    out.push({ start, end, who: who.length === 1 ? (who[0] as string) : who.map(email).sort().join(' + ') });
  }
  return out;
}

/**
 * `vigil import goalert`: reads users, rotations, schedules (with rules and overrides),
 * escalation policies and services through GoAlert's GraphQL API, maps them
 * (src/core/import/goalert), creates what Vigil lacks (found by email or by name, what
 * exists is left as is), then compares who is on call for the next 30 days: each schedule's
 * GoAlert `shifts` against Vigil's timeline. GoAlert has no teams: everything goes to the
 * team "Imported from GoAlert".
 */
export async function importGoAlert(options: GoAlertImportOptions, print: (line: string) => void): Promise<ImportResult> {
  const now = options.now ?? systemClock.now();
  const dryRun = options.dryRun ?? false;
  const source = new GoAlertApi(options.url, options.goalertToken);
  const vigil = new VigilApi(options.vigilUrl, options.token);
  const data = await source.read(now, now + WINDOW_DAYS * DAY);
  const rotations = new Map(data.rotations.map((r) => [r.id, r]));
  // Rotations a step pages directly become schedules of their own.
  const paged = new Set(data.escalationPolicies.flatMap((p) => p.steps.flatMap((s) => s.targets.filter((t) => t.type === 'rotation').map((t) => t.id))));
  const setup: ImportedSetup = {
    teams: [],
    users: data.users.map(mapUser),
    schedules: [
      ...data.schedules.map((s) => mapSchedule(s, rotations, data.overrides.get(s.id) ?? [], now)),
      ...data.rotations.filter((r) => paged.has(r.id)).map((r) => rotationSchedule(r, now)),
    ],
    policies: data.escalationPolicies.map(mapPolicy),
    monitors: data.services.flatMap(mapService),
  };
  print(dryRun ? 'GoAlert import plan (dry run: nothing is created)' : 'GoAlert import');
  const written = await writeSetup(setup, vigil, { dryRun, defaultTeam: 'Imported from GoAlert', source: 'GoAlert' }, print);

  // From when the schedules exist in Vigil (they have nobody before their creation).
  const from = options.now ?? systemClock.now();
  const to = from + WINDOW_DAYS * DAY;
  const emails = new Map(data.users.map((u) => [u.id, u.email.trim().toLowerCase()]));
  const email = (id: string) => emails.get(id) ?? id;
  const answers = new Map<string, OnCallSpan[] | string>();
  for (const { schedule } of written.schedules) {
    const id = schedule.sourceId;
    if (!id.startsWith('rotation:')) {
      answers.set(id, stretchesOf(await source.shifts(id, from, to), from, to, email));
      continue;
    }
    const r = await source.handoffs(id.slice('rotation:'.length));
    const times = (r?.nextHandoffTimes ?? []).map((t) => Date.parse(t));
    if (!r || r.userIDs.length === 0) {
      answers.set(id, 'GoAlert has nobody in the rotation');
      continue;
    }
    if (times.length === MAX_HANDOFFS && (times.at(-1) as number) < to) {
      answers.set(id, `GoAlert gives a rotation's next ${MAX_HANDOFFS} handoffs, which end before the 30 days do`);
      continue;
    }
    // The active user until the first handoff, then the next at each.
    const edges = [from, ...times.filter((t) => t > from && t < to), to];
    answers.set(
      id,
      edges.slice(1).map((end, i) => ({ start: edges[i] as number, end, who: r.userIDs[(r.activeUserIndex + i) % r.userIDs.length] as string })),
    );
  }
  const checked = await checkFidelity(
    setup,
    written,
    vigil,
    {
      from,
      to,
      now,
      dryRun,
      source: 'GoAlert',
      answer: "GoAlert's shifts",
      sourceSpans: (schedule) => answers.get(schedule.sourceId) ?? 'GoAlert was not asked',
    },
    print,
  );
  return importSummary(written, checked, dryRun, print);
}
