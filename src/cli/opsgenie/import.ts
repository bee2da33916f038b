import { mapPolicy } from '../../core/import/opsgenie/policy.js';
import { mapSchedule } from '../../core/import/opsgenie/schedule.js';
import { onCallOf } from '../../core/import/opsgenie/timeline.js';
import { mapUser } from '../../core/import/opsgenie/user.js';
import type { OgTimeline } from '../../core/import/opsgenie/types.js';
import type { ImportedSetup } from '../../core/import/setup.js';
import { systemClock } from '../../kernel/clock.js';
import { checkFidelity } from '../import/fidelity-check.js';
import { VigilApi } from '../vigil-api.js';
import { DAY, importSummary, WINDOW_DAYS, type ImportResult, type ImportTarget } from '../import/import-run.js';
import { nameKey, writeSetup } from '../import/write-setup.js';
import { OpsgenieApi } from './opsgenie-api.js';

export interface OpsgenieImportOptions extends ImportTarget {
  apiKey: string;
  url: string;
}

/**
 * `vigil import opsgenie`: reads the account, maps it (src/core/import/opsgenie), creates what
 * Vigil lacks through its API (found by email or by name, what exists is left as is), then
 * compares who is on call for the next 30 days: each schedule's final timeline in Opsgenie
 * (one request a schedule) against Vigil's. A dry run creates nothing and compares against
 * Vigil's resolver run on the plan.
 */
export async function importOpsgenie(options: OpsgenieImportOptions, print: (line: string) => void): Promise<ImportResult> {
  const now = options.now ?? systemClock.now();
  const dryRun = options.dryRun ?? false;
  const source = new OpsgenieApi(options.url, options.apiKey);
  const vigil = new VigilApi(options.vigilUrl, options.token);
  const account = await source.account();
  const teamsOf = (userId: string) => account.teams.filter((t) => t.members?.some((m) => m.user.id === userId)).map((t) => t.id);
  const setup: ImportedSetup = {
    teams: account.teams.map((t) => ({ sourceId: t.id, name: t.name })),
    users: account.users.map((u) => mapUser(u, account.contacts.get(u.id) ?? [], account.notificationRules.get(u.id) ?? [], teamsOf(u.id))),
    schedules: account.schedules.map((s) => mapSchedule(s, account.overrides.get(s.id) ?? [], now)),
    policies: account.escalations.map(mapPolicy),
    // Opsgenie's integrations send alerts in shapes of their own: out of scope (docs/MIGRATING.md).
    monitors: [],
  };
  print(dryRun ? 'Opsgenie import plan (dry run: nothing is created)' : 'Opsgenie import');
  const written = await writeSetup(setup, vigil, { dryRun, defaultTeam: 'Imported from Opsgenie', source: 'Opsgenie' }, print);

  // From when the schedules exist in Vigil (they have nobody before their creation).
  const from = options.now ?? systemClock.now();
  const to = from + WINDOW_DAYS * DAY;
  const timelines = new Map<string, OgTimeline>();
  // A day more than the window, in case Opsgenie starts the timeline at the start of `date`'s day.
  for (const w of written.schedules) timelines.set(w.schedule.sourceId, await source.timeline(w.schedule.sourceId, from, WINDOW_DAYS + 1));
  const email = new Map(account.users.map((u) => [u.id, nameKey(u.username)]));
  const checked = await checkFidelity(
    setup,
    written,
    vigil,
    {
      from,
      to,
      now,
      dryRun,
      source: 'Opsgenie',
      answer: "Opsgenie's schedule timeline",
      sourceSpans: (schedule) => onCallOf(timelines.get(schedule.sourceId) as OgTimeline, from, to, (userId) => email.get(userId) ?? userId),
    },
    print,
  );
  return importSummary(written, checked, dryRun, print);
}
