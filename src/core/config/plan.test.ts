import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConfigDocument, ConfigMonitor, ConfigPolicy, ConfigSchedule, ConfigTeam } from './document.js';
import { normalize, plan, type Operation } from './plan.js';

const emails = ['a@example.com', 'b@example.com', 'c@example.com'];
const names = ['Alpha', 'Beta', 'Gamma'];

const user = (email: string) =>
  fc.record({ email: fc.constant(email), name: fc.constantFrom('Ann', 'Bob'), role: fc.constantFrom('admin', 'responder', 'viewer' as const), timeZone: fc.constantFrom('UTC', 'Europe/Paris') });
const schedule = (name: string): fc.Arbitrary<ConfigSchedule> =>
  fc.record({
    name: fc.constant(name),
    timeZone: fc.constantFrom('UTC', 'America/New_York'),
    layers: fc.uniqueArray(
      fc.record({
        name: fc.constantFrom('Primary', 'Secondary', 'Weekend'),
        rotation: fc.constantFrom({ kind: 'weekly' as const, handoffDay: 1, handoffTime: '09:00' }, { kind: 'daily' as const, handoffTime: '08:00' }),
        members: fc.array(fc.constantFrom(...emails), { maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 3, selector: (l) => l.name },
    ),
  });
const monitor = (name: string, policy: string): fc.Arbitrary<ConfigMonitor> =>
  fc.record({
    name: fc.constant(name),
    kind: fc.constantFrom('webhook', 'tcp' as const),
    policy: fc.constant(policy),
    urgency: fc.constantFrom(undefined, 'low' as const),
    tcp: fc.option(fc.record({ host: fc.constantFrom('db', 'cache'), port: fc.integer({ min: 1, max: 9 }) }), { nil: undefined }),
  });
const subset = <T>(items: T[]) => fc.subarray(items);
const team = (name: string): fc.Arbitrary<ConfigTeam> =>
  fc
    .record({
      description: fc.constantFrom(undefined, 'Keeps it up'),
      members: fc.uniqueArray(fc.record({ user: fc.constantFrom(...emails), role: fc.constantFrom('manager', 'member' as const) }), { selector: (m) => m.user }),
      schedules: subset(names).chain((ns) => fc.tuple(...ns.map(schedule))),
      policies: subset(names).chain((ns) => fc.tuple(...ns.map((n) => fc.record({ name: fc.constant(n), repeat: fc.constantFrom(undefined, 2), steps: fc.constant<ConfigPolicy['steps']>([{ waitSeconds: 0, targets: [{ team: name }] }]) })))),
    })
    .chain((t) =>
      (t.policies.length === 0 ? fc.constant<ConfigMonitor[]>([]) : subset(names).chain((ns) => fc.tuple(...ns.map((n) => monitor(n, t.policies[0]?.name ?? ''))))).map((monitors) => ({ name, ...t, monitors }) as ConfigTeam),
    );
// fast-check's tuples are readonly; the documents are only read.
const documents = fc.record({
  users: subset(emails).chain((es) => fc.tuple(...es.map(user))),
  teams: subset(names).chain((ns) => fc.tuple(...ns.map(team))),
  eventRules: fc.constantFrom([], [{ name: 'drop noise', when: [{ field: 'labels.env', op: 'equals' as const, value: 'dev' }], then: { drop: true } }]),
}) as fc.Arbitrary<ConfigDocument>;

/** What executing a plan does to the server's configuration, on the document (the API does it for real). */
function applyPlan(currentDoc: ConfigDocument, operations: Operation[]): ConfigDocument {
  const doc = structuredClone(normalize(currentDoc));
  const teams = (doc.teams ??= []);
  const teamOf = (name: string | undefined) => teams.find((t) => t.name === name) as ConfigTeam;
  const put = <T>(list: T[], key: (t: T) => string, name: string, value: T | undefined): T[] => {
    const rest = list.filter((x) => key(x) !== name);
    return value === undefined ? rest : list.some((x) => key(x) === name) ? list.map((x) => (key(x) === name ? value : x)) : [...rest, value];
  };
  for (const op of operations) {
    switch (op.kind) {
      case 'team':
        if (op.action === 'create') teams.push({ ...op.desired, name: op.name });
        else {
          const team = teamOf(op.name);
          delete team.description;
          Object.assign(team, op.desired);
        }
        break;
      case 'user':
        doc.users = put(doc.users ?? [], (u) => u.email, op.name, op.action === 'delete' ? undefined : op.desired);
        break;
      case 'membership':
        teamOf(op.team).members = put(teamOf(op.team).members ?? [], (m) => m.user, op.name, op.action === 'delete' ? undefined : op.desired);
        break;
      case 'schedule':
        teamOf(op.team).schedules = put(teamOf(op.team).schedules ?? [], (s) => s.name, op.name, op.action === 'delete' ? undefined : op.desired);
        break;
      case 'policy':
        teamOf(op.team).policies = put(teamOf(op.team).policies ?? [], (s) => s.name, op.name, op.action === 'delete' ? undefined : op.desired);
        break;
      case 'monitor':
        teamOf(op.team).monitors = put(teamOf(op.team).monitors ?? [], (s) => s.name, op.name, op.action === 'delete' ? undefined : op.desired);
        break;
      case 'eventRules':
        doc.eventRules = op.desired;
        break;
    }
  }
  return doc;
}

describe('plan', () => {
  it('plans nothing for a configuration against itself', () => {
    fc.assert(fc.property(documents, (doc) => {
        expect(plan(doc, doc, { prune: true })).toEqual({ operations: [], kept: [] });
      }));
  });

  it("applying a plan's operations gives a configuration that plans nothing more (apply twice = no changes)", () => {
    fc.assert(
      fc.property(documents, documents, (desired, current) => {
        const { operations } = plan(desired, current, { prune: true });
        expect(plan(desired, applyPlan(current, operations), { prune: true }).operations).toEqual([]);
      }),
    );
  });

  it('creates and updates in dependency order, then deletes in the reverse order', () => {
    const order = ['team', 'user', 'membership', 'schedule', 'policy', 'monitor', 'eventRules'];
    fc.assert(
      fc.property(documents, documents, (desired, current) => {
        const ops = plan(desired, current, { prune: true }).operations;
        const firstDelete = ops.findIndex((o) => o.action === 'delete');
        const upserts = firstDelete === -1 ? ops : ops.slice(0, firstDelete);
        const deletes = firstDelete === -1 ? [] : ops.slice(firstDelete);
        expect(deletes.every((o) => o.action === 'delete')).toBe(true);
        const ranks = (list: Operation[]) => list.map((o) => order.indexOf(o.kind));
        expect(ranks(upserts)).toEqual([...ranks(upserts)].sort((a, b) => a - b));
        expect(ranks(deletes)).toEqual([...ranks(deletes)].sort((a, b) => b - a));
      }),
    );
  });

  it('without prune deletes nothing and lists what the files no longer name', () => {
    fc.assert(
      fc.property(documents, documents, (desired, current) => {
        const pruned = plan(desired, current, { prune: true });
        const kept = plan(desired, current, { prune: false });
        expect(kept.operations.some((o) => o.action === 'delete')).toBe(false);
        const where = (o: { kind: string; team?: string; name: string }) => `${o.kind} ${o.team} ${o.name}`;
        const users = pruned.kept.map(where);
        expect(kept.kept.map(where).sort()).toEqual([...users, ...pruned.operations.filter((o) => o.action === 'delete').map(where)].sort());
      }),
    );
  });

  it('shows a changed field as one change at its path', () => {
    const doc: ConfigDocument = {
      teams: [{ name: 'Platform', schedules: [{ name: 'On call', timeZone: 'UTC', layers: [{ name: 'Primary', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, members: ['a@example.com'] }] }] }],
    };
    const changed = structuredClone(doc);
    (changed.teams?.[0]?.schedules?.[0]?.layers[0] as { members: string[] }).members = ['a@example.com', 'b@example.com'];
    expect(plan(changed, doc, { prune: false }).operations).toEqual([
      expect.objectContaining({ action: 'update', kind: 'schedule', team: 'Platform', name: 'On call', changes: [{ path: 'layers[0].members', from: ['a@example.com'], to: ['a@example.com', 'b@example.com'] }] }),
    ]);
  });

  it('reads spelled-out defaults, same-team references and emails in any case as the export writes them', () => {
    const exported: ConfigDocument = {
      teams: [
        {
          name: 'Platform',
          schedules: [{ name: 'On call', timeZone: 'UTC', layers: [{ name: 'Primary', rotation: { kind: 'daily', handoffTime: '09:00' }, members: ['ann@example.com'] }] }],
          policies: [{ name: 'Default', steps: [{ waitSeconds: 0, targets: [{ schedule: 'On call' }] }] }],
          monitors: [{ name: 'API', kind: 'http', policy: 'Default', http: { url: 'https://x.test', method: 'GET' } }],
        },
      ],
    };
    const verbose: ConfigDocument = {
      teams: [
        {
          name: 'Platform',
          description: '',
          members: [],
          schedules: [{ name: 'On call', description: '', timeZone: 'UTC', gapAlertDays: 14, layers: [{ name: 'Primary', timeZone: 'UTC', restriction: { kind: 'always' }, rotation: { kind: 'daily', handoffTime: '09:00' }, members: ['Ann@Example.com'] }] }],
          policies: [{ name: 'Default', repeat: 0, steps: [{ waitSeconds: 0, targets: [{ schedule: { team: 'Platform', name: 'On call' } }] }] }],
          // A setting the file leaves out keeps the server's value.
          monitors: [{ name: 'API', kind: 'http', policy: { team: 'Platform', name: 'Default' }, urgency: 'high', paused: false, dependsOn: [], rules: [], http: { url: 'https://x.test' } }],
        },
      ],
    };
    expect(plan(verbose, exported, { prune: true })).toEqual({ operations: [], kept: [] });
  });

  it('never deletes a team the files leave out, nor a user', () => {
    const current: ConfigDocument = {
      users: [{ email: 'old@example.com', name: 'Old', role: 'viewer', timeZone: 'UTC' }],
      teams: [{ name: 'Other', policies: [{ name: 'P', steps: [{ waitSeconds: 0, targets: [{ team: 'Other' }] }] }] }],
    };
    expect(plan({ users: [], teams: [] }, current, { prune: true })).toEqual({ operations: [], kept: [{ kind: 'user', name: 'old@example.com' }] });
  });
});
