import { mapPolicy } from '../../core/import/pagerduty/policy.js';
import { mapSchedule } from '../../core/import/pagerduty/schedule.js';
import { mapService } from '../../core/import/pagerduty/service.js';
import { mapUser } from '../../core/import/pagerduty/user.js';
import type { ImportedSetup } from '../../core/import/setup.js';
import { systemClock } from '../../kernel/clock.js';
import { checkFidelity } from '../import/fidelity-check.js';
import { VigilApi } from '../vigil-api.js';
import { DAY, importSummary, WINDOW_DAYS, type ImportResult, type ImportTarget } from '../import/import-run.js';
import { writeSetup } from '../import/write-setup.js';
import { PagerDutyApi, type PagerDutyAccountData } from './pagerduty-api.js';

export interface PagerDutyImportOptions extends ImportTarget {
  apiKey: string;
  url: string;
}

/**
 * `vigil import pagerduty`: reads the account, maps it (src/core/import/pagerduty), creates
 * what Vigil lacks through its API (found by email or by name, what exists is left as is),
 * then compares who is on call for the next 30 days on each side. A dry run prints the plan
 * and the comparison with Vigil's resolver run on the plan, and creates nothing.
 */
export async function importPagerDuty(options: PagerDutyImportOptions, print: (line: string) => void): Promise<ImportResult> {
  const now = options.now ?? systemClock.now();
  const horizon = now + WINDOW_DAYS * DAY;
  const dryRun = options.dryRun ?? false;
  const source = new PagerDutyApi(options.url, options.apiKey);
  const vigil = new VigilApi(options.vigilUrl, options.token);
  const account: PagerDutyAccountData = await source.account(now, horizon);
  const setup: ImportedSetup = {
    teams: account.teams.map((t) => ({ sourceId: t.id, name: t.name })),
    users: account.users.map(mapUser),
    schedules: account.schedules.map((s) => mapSchedule(s, account.overrides.get(s.id) ?? [], now)),
    policies: account.escalationPolicies.map(mapPolicy),
    monitors: account.services.flatMap(mapService),
  };
  print(dryRun ? 'PagerDuty import plan (dry run: nothing is created)' : 'PagerDuty import');
  const written = await writeSetup(setup, vigil, { dryRun, defaultTeam: 'Imported from PagerDuty', source: 'PagerDuty' }, print);

  // PagerDuty's /oncalls lists only the schedules an escalation policy pages.
  const used = new Set(account.escalationPolicies.flatMap((p) => p.escalation_rules.flatMap((r) => r.targets.filter((t) => t.type === 'schedule_reference').map((t) => t.id))));
  // From when the schedules exist in Vigil (they have nobody before their creation).
  const from = options.now ?? systemClock.now();
  const to = from + WINDOW_DAYS * DAY;
  const asked = written.schedules.map((w) => w.schedule.sourceId).filter((id) => used.has(id));
  const onCalls = asked.length === 0 ? [] : await source.onCalls(asked, from, to);
  const checked = await checkFidelity(
    setup,
    written,
    vigil,
    {
      from,
      to,
      now,
      dryRun,
      source: 'PagerDuty',
      answer: "PagerDuty's /oncalls",
      sourceSpans: (schedule) =>
        used.has(schedule.sourceId)
          ? onCalls
              .filter((o) => o.schedule?.id === schedule.sourceId)
              .map((o) => ({ start: o.start === null ? from : Date.parse(o.start), end: o.end === null ? to : Date.parse(o.end), who: o.user.id }))
          : "no escalation policy pages it, so PagerDuty's /oncalls does not list it",
    },
    print,
  );
  return importSummary(written, checked, dryRun, print);
}
