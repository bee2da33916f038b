// Alert grouping on the ingest path. CPU: an event's group (two dotted fields) and the
// fold plan of its batch (100 alerts, 8 open grouped incidents), alone and after 50 event
// rules (the event-rules benchmark's rules and events). Goal: at most 50 µs per event
// with the rules. Database: triggerAllIn over storms of 1,000 distinct alerts in batches
// of 100, on a monitor without grouping and one grouped by service (8 groups): the first
// storm (ungrouped opens 1,000 incidents, grouped 8) and the storm repeated 10 times
// (every alert folds in), on SQLite (CPU time of this process, which runs it) and
// PostgreSQL (wall time).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { planFolds } from '../src/core/alert-grouping/fold-plan.js';
import { groupOf } from '../src/core/alert-grouping/group-key.js';
import type { Grouping, OpenGroupedIncident } from '../src/core/alert-grouping/types.js';
import { compileRules } from '../src/core/event-rules/compile-rules.js';
import { evaluateRules } from '../src/core/event-rules/evaluate-rules.js';
import { triggerAllIn, type Alert } from '../src/service/incidents.js';
import { openDatabase } from '../src/store/database.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { insertMonitor } from '../src/store/monitors.js';
import { insertPolicy } from '../src/store/policies.js';
import { createTeam } from '../src/store/teams.js';
import { createUser } from '../src/store/users.js';
import { onBothDatabases } from './both-databases.js';
import { event, rules } from './event-rules.bench.js';

const EVENTS = 20_000;
const BATCH = 100;
const ROUNDS = 7;
const GOAL_US = 50;
const STORM = 1000;
const REPEATS = 10;
const GROUPING: Grouping = { mode: 'labels', fields: ['payload.custom_details.service', 'payload.custom_details.region'], windowMinutes: 30 };

const median = (values: number[]) => Number((values.sort((a, b) => a - b)[Math.floor(values.length / 2)] as number).toFixed(2));

/** µs per event of `work` over the events in batches, the median of ROUNDS. */
function perEventMicros(events: unknown[], work: (batch: unknown[]) => void): number {
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = performance.now();
    for (let i = 0; i < events.length; i += BATCH) work(events.slice(i, i + BATCH));
    rounds.push(((performance.now() - start) * 1000) / events.length);
  }
  return median(rounds);
}

function cpu() {
  const list = rules();
  const compiled = compileRules(list);
  const events = Array.from({ length: EVENTS }, (_, n) => event(n, n % 3 === 0 ? null : n % 50, list));
  const now = Date.now();
  const open: OpenGroupedIncident[] = Array.from({ length: 8 }, (_, i) => ({ id: `i${i}`, groupKey: groupOf(GROUPING, events[i]).key, triggeredAt: now - i * 60_000 }));
  const grouping = (batch: unknown[]) => planFolds(batch.map((e) => groupOf(GROUPING, e)), open, now);
  return {
    events: EVENTS,
    batch: BATCH,
    rules: list.length,
    goalMicros: GOAL_US,
    groupingMicrosPerEvent: perEventMicros(events, grouping),
    rulesMicrosPerEvent: perEventMicros(events, (batch) => batch.forEach((e) => evaluateRules(compiled, e))),
    rulesAndGroupingMicrosPerEvent: perEventMicros(events, (batch) => {
      batch.forEach((e) => evaluateRules(compiled, e));
      grouping(batch);
    }),
  };
}

async function storms(url: string) {
  const sqlite = url.startsWith('sqlite:');
  const database = openDatabase(url);
  await migrateToLatest(database);
  const { db } = database;
  const now = Date.now();
  const team = await createTeam(db, { name: 'Storm', description: '' }, now);
  const user = await createUser(db, { email: 'p@example.com', name: 'P', role: 'responder', timeZone: 'UTC', passwordHash: null }, now);
  const policy = await insertPolicy(db, { teamId: team.id, name: 'Storm', description: '', repeat: 0, ackTimeoutSeconds: null, steps: [{ waitSeconds: 300, targets: [{ type: 'user', userId: user.id }] }] }, now);
  const list = rules();
  const events = Array.from({ length: STORM }, (_, n) => event(n, null, list));
  const result: Record<string, unknown> = {};
  for (const grouping of [null, GROUPING]) {
    const monitor = await insertMonitor(db, { teamId: team.id, name: `m${grouping ? 'g' : 'u'}`, kind: 'webhook', policyId: policy.id, config: {}, paused: false, grouping }, now);
    const alerts: Alert[] = events.map((e, n) => ({ monitorId: monitor.id, title: `alert ${n}`, description: '', dedupKey: `k${n}`, ...(grouping && { group: groupOf(grouping, e) }) }));
    // SQLite runs in this process: its CPU time is the cost, whatever else loads the machine.
    const storm = async () => {
      const wall = performance.now();
      const cpu = process.cpuUsage();
      for (let i = 0; i < alerts.length; i += BATCH) await db.transaction().execute((trx) => triggerAllIn(trx, alerts.slice(i, i + BATCH), Date.now()));
      const used = process.cpuUsage(cpu);
      return sqlite ? (used.user + used.system) / alerts.length : ((performance.now() - wall) * 1000) / alerts.length;
    };
    const first = await storm();
    const repeated: number[] = [];
    for (let r = 0; r < REPEATS; r++) repeated.push(await storm());
    const incidents = await db.selectFrom('incidents').select((eb) => eb.fn.countAll<number>().as('n')).where('monitor_id', '=', monitor.id).executeTakeFirstOrThrow();
    const round = (v: number) => Number(v.toFixed(1));
    result[grouping ? 'groupedByService' : 'ungrouped'] = {
      incidents: Number(incidents.n),
      firstStormMicrosPerAlert: round(first),
      // The last repeat runs with 10,000 alerts kept: the cost must not grow with them.
      repeatedStormMicrosPerAlert: { median: median(repeated.map(round)), last: round(repeated.at(-1) as number) },
    };
  }
  await database.close();
  return { alerts: STORM, batch: BATCH, repeats: REPEATS, measured: sqlite ? 'cpu' : 'wall', ...result };
}

export async function run(): Promise<object> {
  return { loadavg: readFileSync('/proc/loadavg', 'utf8').trim(), cpu: cpu(), ...(await onBothDatabases('grouping', storms)) };
}
