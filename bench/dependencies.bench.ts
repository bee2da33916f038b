// Monitor dependencies on the paths they add to. Opening: storms of 1,000 new incidents
// (triggerAllIn in batches of 100) on a monitor without dependencies, and on one that
// depends on 3 monitors which are down with 50 open incidents each (every incident is
// recorded suppressed). Resolving the parent incident that 1,000 child incidents wait on
// while other parents are down (they are re-linked), then all the others at once (they
// are released). The
// dependency check of an edit: PATCH's setDependencies with 2,000 edges in the graph. And
// what a monitor without dependencies now pays per transaction that opens incidents (one
// read whether it has parents or children).
// SQLite: CPU time of this process, which runs it; PostgreSQL: wall time.
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { performance } from 'node:perf_hooks';
import { applyTransitionToAll } from '../src/service/apply-transition.js';
import { triggerAllIn, type Alert } from '../src/service/incidents.js';
import { holdReleasedChildren, parentSuppression, setDependencies } from '../src/service/monitor-dependencies.js';
import { openDatabase, type Database } from '../src/store/database.js';
import { lockIncidents } from '../src/store/incidents.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { replaceParents } from '../src/store/monitor-dependencies.js';
import { insertMonitor } from '../src/store/monitors.js';
import { insertPolicy } from '../src/store/policies.js';
import { createTeam } from '../src/store/teams.js';
import type { DB } from '../src/store/schema.js';
import { createUser } from '../src/store/users.js';
import { onBothDatabases } from './both-databases.js';

const STORM = 1000;
const BATCH = 100;
const PARENTS = 3;
const OPEN_PER_PARENT = 50;
const EDGES = 2000;

const round = (v: number) => Number(v.toFixed(1));

/** Micro-seconds of `work`: CPU on SQLite (in this process), wall on PostgreSQL. */
async function cost(sqlite: boolean, work: () => Promise<unknown>): Promise<number> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  await work();
  const used = process.cpuUsage(cpu);
  return sqlite ? used.user + used.system : (performance.now() - wall) * 1000;
}

async function measure(url: string) {
  const sqlite = url.startsWith('sqlite:');
  const database: Database = openDatabase(url);
  await migrateToLatest(database);
  const { db } = database;
  const now = Date.now();
  const team = await createTeam(db, { name: 'Deps', description: '' }, now);
  const user = await createUser(db, { email: 'p@example.com', name: 'P', role: 'responder', timeZone: 'UTC', passwordHash: null }, now);
  const policy = await insertPolicy(db, { teamId: team.id, name: 'Deps', description: '', repeat: 0, ackTimeoutSeconds: null, steps: [{ waitSeconds: 300, targets: [{ type: 'user', userId: user.id }] }] }, now);
  const monitor = (name: string) => insertMonitor(db, { teamId: team.id, name, kind: 'webhook', policyId: policy.id, config: {}, paused: false }, now);
  const storm = async (monitorId: string) => {
    const alerts: Alert[] = Array.from({ length: STORM }, (_, n) => ({ monitorId, title: `alert ${n}`, description: '', dedupKey: `k${n}` }));
    const used = await cost(sqlite, async () => {
      for (let i = 0; i < alerts.length; i += BATCH) await db.transaction().execute((trx) => triggerAllIn(trx, alerts.slice(i, i + BATCH), Date.now()));
    });
    return round(used / STORM);
  };

  const alone = await monitor('alone');
  const parents = await Promise.all(Array.from({ length: PARENTS }, (_, i) => monitor(`parent ${i}`)));
  const child = await monitor('child');
  await replaceParents(db, child.id, parents.map((p) => p.id));
  const parentIncidents = [];
  for (const parent of parents) {
    const alerts = Array.from({ length: OPEN_PER_PARENT }, (_, n) => ({ monitorId: parent.id, title: `down ${n}`, description: '', dedupKey: `d${n}` }));
    parentIncidents.push(...(await db.transaction().execute((trx) => triggerAllIn(trx, alerts, Date.now()))).map((r) => r.incident));
  }
  const withoutDependencies = await storm(alone.id);
  // What opening an incident now adds for a monitor without dependencies
  const [opened] = await db.selectFrom('incidents').selectAll().where('monitor_id', '=', alone.id).limit(1).execute();
  // (is a parent down; does it hold released children: one read, kept for the transaction),
  // over as many transactions, less the same transactions empty.
  const transactions = (work: (trx: Kysely<DB>) => Promise<unknown>) =>
    cost(sqlite, async () => {
      for (let i = 0; i < STORM; i++) await db.transaction().execute(work);
    });
  const empty = await transactions(() => Promise.resolve());
  const withChecks = await transactions(async (trx) => {
    await parentSuppression(trx, alone.id);
    await holdReleasedChildren(trx, alone.id, opened ? [opened] : [], Date.now());
  });
  const addedPerOpen = withChecks - empty;
  const parentDown = await storm(child.id);
  const suppressed = await db.selectFrom('incidents').select((eb) => eb.fn.countAll<number>().as('n')).where('monitor_id', '=', child.id).where('suppression', 'is not', null).executeTakeFirstOrThrow();

  // Every child incident waits on the oldest parent incident: resolving it re-links or releases them all.
  const oldest = parentIncidents[0] as { id: string };
  const releaseOne = await cost(sqlite, () =>
    db.transaction().execute(async (trx) => applyTransitionToAll(trx, await lockIncidents(trx, database.dialect, [oldest.id]), { type: 'resolve', at: Date.now(), by: null }, Date.now())),
  );

  // Then every parent incident at once: none is left down, so all 1,000 are released.
  const rest = parentIncidents.slice(1).map((i) => i.id);
  const releaseAll = await cost(sqlite, () =>
    db.transaction().execute(async (trx) => applyTransitionToAll(trx, await lockIncidents(trx, database.dialect, rest), { type: 'resolve', at: Date.now(), by: null }, Date.now())),
  );
  const released = await db.selectFrom('incidents').select((eb) => eb.fn.countAll<number>().as('n')).where('monitor_id', '=', child.id).where('next_action_at', 'is not', null).executeTakeFirstOrThrow();

  // A graph of EDGES edges (chains of 20 monitors), then one edit checked against it.
  const many = [];
  for (let i = 0; i < EDGES / 20; i++) {
    const chain = [];
    for (let j = 0; j < 21; j++) chain.push(await monitor(`chain ${i}.${j}`));
    for (let j = 0; j < 20; j++) await replaceParents(db, (chain[j] as { id: string }).id, [(chain[j + 1] as { id: string }).id]);
    many.push(chain);
  }
  const tail = (many[0] as { id: string }[]).at(-1) as { id: string };
  const edit = await cost(sqlite, () => db.transaction().execute((trx) => setDependencies(trx, database.dialect, tail.id, [parents[0]?.id as string]).catch(() => undefined)));
  await database.close();
  return {
    measured: sqlite ? 'cpu' : 'wall',
    openMicrosPerIncident: { withoutDependencies, parentDown, suppressed: Number(suppressed.n), addedWithoutDependencies: round(addedPerOpen / STORM) },
    // One parent incident resolves while others are down: its 1,000 children are re-linked.
    resolveRelinkingMicros: { children: STORM, total: round(releaseOne), perChild: round(releaseOne / STORM) },
    // The last parent incidents resolve together: the children are released.
    resolveReleasingMicros: { parentIncidents: rest.length, released: Number(released.n), total: round(releaseAll), perChild: round(releaseAll / STORM) },
    dependencyEditMicros: { edges: EDGES, total: round(edit) },
  };
}

export async function run(): Promise<object> {
  return { loadavg: readFileSync('/proc/loadavg', 'utf8').trim(), storm: STORM, batch: BATCH, ...(await onBothDatabases('dependencies', measure)) };
}
