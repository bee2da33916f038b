import type { OnCallSpan } from '../../core/import/fidelity.js';
import { mapIntegration } from '../../core/import/grafana/integration.js';
import { mapPolicy } from '../../core/import/grafana/policy.js';
import { mapSchedule } from '../../core/import/grafana/schedule.js';
import type { GoFinalShift } from '../../core/import/grafana/types.js';
import { mapUser } from '../../core/import/grafana/user.js';
import type { ImportNote } from '../../core/import/report.js';
import type { ImportedSetup } from '../../core/import/setup.js';
import { systemClock } from '../../kernel/clock.js';
import { checkFidelity } from '../import/fidelity-check.js';
import { DAY, importSummary, WINDOW_DAYS, type ImportResult, type ImportTarget } from '../import/import-run.js';
import { writeSetup } from '../import/write-setup.js';
import { VigilApi } from '../vigil-api.js';
import { GrafanaOnCallApi } from './grafana-api.js';

export interface GrafanaImportOptions extends ImportTarget {
  oncallToken: string;
  url: string;
}

const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Final shifts as stretches of one answer each, clipped to [from, to): where Grafana OnCall
 * has several people on call at once (a group, or shifts of one level overlapping) the
 * answer names all of them (their emails, joined), which no Vigil schedule gives.
 */
export function stretchesOf(shifts: GoFinalShift[], from: number, to: number): OnCallSpan[] {
  const spans = shifts
    .map((s) => ({ start: Math.max(Date.parse(s.shift_start), from), end: Math.min(Date.parse(s.shift_end), to), who: s.user_pk, email: s.user_email.trim().toLowerCase() }))
    .filter((s) => s.end > s.start);
  const edges = [...new Set(spans.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  const out: OnCallSpan[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const start = edges[i] as number;
    const end = edges[i + 1] as number;
    const now = spans.filter((s) => s.start <= start && start < s.end);
    const who = [...new Set(now.map((s) => s.who))];
    if (who.length === 0) continue;
    out.push({ start, end, who: who.length === 1 ? (who[0] as string) : [...new Set(now.map((s) => s.email))].sort().join(' + ') });
  }
  return out;
}

/**
 * `vigil import grafana-oncall`: reads teams, users, calendar schedules with their on-call
 * shifts and escalation chains with their steps through Grafana OnCall's public API, maps them
 * (src/core/import/grafana), creates what Vigil lacks (found by email or by name, what exists
 * is left as is), then compares who is on call for the next 30 days: each schedule's
 * final_shifts against Vigil's timeline.
 */
export async function importGrafanaOnCall(options: GrafanaImportOptions, print: (line: string) => void): Promise<ImportResult> {
  const now = options.now ?? systemClock.now();
  const dryRun = options.dryRun ?? false;
  const source = new GrafanaOnCallApi(options.url, options.oncallToken);
  const vigil = new VigilApi(options.vigilUrl, options.token);
  const data = await source.read();
  const shifts = new Map(data.shifts.map((s) => [s.id, s]));
  const setup: ImportedSetup = {
    teams: data.teams.map((t) => ({ sourceId: t.id, name: t.name })),
    users: data.users.map(mapUser),
    schedules: data.schedules.map((s) => mapSchedule(s, shifts, now)),
    policies: data.chains.map((c) => mapPolicy(c, data.policies.filter((p) => p.escalation_chain_id === c.id))),
    monitors: [],
  };
  const leftOut: ImportNote[] = [];
  for (const i of data.integrations) {
    const mapped = mapIntegration(i);
    if ('reason' in mapped) leftOut.push(mapped);
    else setup.monitors.push(mapped);
  }
  print(dryRun ? 'Grafana OnCall import plan (dry run: nothing is created)' : 'Grafana OnCall import');
  const written = await writeSetup(setup, vigil, { dryRun, defaultTeam: 'Imported from Grafana OnCall', source: 'Grafana OnCall' }, print);
  if (leftOut.length > 0) {
    print(`Integrations not imported (${leftOut.length}):`);
    for (const n of leftOut) print(`  ${n.subject}: ${n.reason}`);
  }

  // From when the schedules exist in Vigil (they have nobody before their creation).
  const from = options.now ?? systemClock.now();
  const to = from + WINDOW_DAYS * DAY;
  const answers = new Map<string, OnCallSpan[]>();
  for (const { schedule } of written.schedules) {
    // Dates, both ends included: the day after `to` covers its last hours.
    answers.set(schedule.sourceId, stretchesOf(await source.finalShifts(schedule.sourceId, dateOf(from), dateOf(to + DAY)), from, to));
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
      source: 'Grafana OnCall',
      answer: "Grafana OnCall's final shifts",
      sourceSpans: (schedule) => answers.get(schedule.sourceId) ?? 'Grafana OnCall was not asked',
    },
    print,
  );
  return importSummary(written, checked, dryRun, print, leftOut);
}
