import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plan } from './plan.js';
import { toDocument, UnnamedReference, type ApiSnapshot } from './to-document.js';

const snapshot = (): ApiSnapshot => ({
  users: [
    { id: 'u2', email: 'bob@example.com', name: 'Bob', role: 'responder', timeZone: 'UTC' },
    { id: 'u1', email: 'ann@example.com', name: 'Ann', role: 'admin', timeZone: 'Europe/Paris' },
  ],
  teams: [
    { id: 't2', name: 'Web', description: '', members: [] },
    { id: 't1', name: 'Platform', description: 'Core', members: [{ userId: 'u2', role: 'member' }, { userId: 'u1', role: 'manager' }] },
  ],
  schedules: [
    {
      id: 's1',
      teamId: 't1',
      name: 'On call',
      description: '',
      timeZone: 'UTC',
      gapAlertDays: 14,
      layers: [
        { id: 'l1', name: 'Primary', timeZone: 'UTC', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, restriction: { kind: 'always' }, members: [{ id: 'u1' }, { id: 'u2' }] },
        { id: 'l2', name: 'Nights', timeZone: 'Asia/Tokyo', rotation: { kind: 'daily', handoffTime: '20:00' }, restriction: { kind: 'weekends' }, members: [{ id: 'u2' }] },
      ],
    },
  ],
  policies: [
    {
      id: 'p1',
      teamId: 't1',
      name: 'Default',
      description: '',
      repeat: 0,
      ackTimeoutSeconds: null,
      steps: [{ waitSeconds: 0, targets: [{ type: 'schedule_layer', scheduleId: 's1', layerId: 'l2' }, { type: 'user', userId: 'u1' }] }],
    },
    { id: 'p2', teamId: 't2', name: 'Web default', description: '', repeat: 1, ackTimeoutSeconds: 600, steps: [{ waitSeconds: 0, targets: [{ type: 'schedule', scheduleId: 's1' }] }] },
  ],
  monitors: [
    { id: 'm1', teamId: 't2', name: 'Site', kind: 'http', policyId: 'p1', system: false, urgency: 'high', paused: false, dependsOn: [], http: { verifyTls: true, url: 'https://x.test' }, rules: [] },
    { id: 'm0', teamId: 't1', name: 'Manual pages', kind: 'manual', policyId: null, system: true, urgency: 'high', paused: false, dependsOn: [], rules: [] },
  ],
  globalRules: [{ name: 'Route', when: [], then: { policyId: 'p2' } }],
});

describe('toDocument', () => {
  it('names every id, leaves defaults and system monitors out, and sorts users, teams and members', () => {
    expect(toDocument(snapshot())).toEqual({
      users: [
        { email: 'ann@example.com', name: 'Ann', role: 'admin', timeZone: 'Europe/Paris' },
        { email: 'bob@example.com', name: 'Bob', role: 'responder', timeZone: 'UTC' },
      ],
      eventRules: [{ name: 'Route', when: [], then: { policy: { team: 'Web', name: 'Web default' } } }],
      teams: [
        {
          name: 'Platform',
          description: 'Core',
          members: [
            { user: 'ann@example.com', role: 'manager' },
            { user: 'bob@example.com', role: 'member' },
          ],
          schedules: [
            {
              name: 'On call',
              timeZone: 'UTC',
              layers: [
                { name: 'Primary', rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, members: ['ann@example.com', 'bob@example.com'] },
                { name: 'Nights', timeZone: 'Asia/Tokyo', rotation: { kind: 'daily', handoffTime: '20:00' }, restriction: { kind: 'weekends' }, members: ['bob@example.com'] },
              ],
            },
          ],
          policies: [{ name: 'Default', steps: [{ waitSeconds: 0, targets: [{ schedule: 'On call', layer: 'Nights' }, { user: 'ann@example.com' }] }] }],
        },
        {
          name: 'Web',
          policies: [{ name: 'Web default', repeat: 1, ackTimeoutSeconds: 600, steps: [{ waitSeconds: 0, targets: [{ schedule: { team: 'Platform', name: 'On call' } }] }] }],
          monitors: [{ name: 'Site', kind: 'http', policy: { team: 'Platform', name: 'Default' }, http: { url: 'https://x.test', verifyTls: true } }],
        },
      ],
    });
  });

  it('gives the same bytes whatever order the API listed things in, and plans nothing against itself', () => {
    const base = snapshot();
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), (seeds) => {
        const shuffle = <T>(items: T[], seed: number) => items.map((x, i) => ({ x, k: (i * 7919 + seed) % 101 })).sort((a, b) => a.k - b.k).map((e) => e.x);
        const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = seeds;
        const shuffled = { ...base, users: shuffle(base.users, a), teams: shuffle(base.teams, b).map((t) => ({ ...t, members: shuffle(t.members, c) })), schedules: shuffle(base.schedules, d), policies: shuffle(base.policies, e), monitors: shuffle(base.monitors, f) };
        expect(JSON.stringify(toDocument(shuffled))).toBe(JSON.stringify(toDocument(base)));
        expect(plan(toDocument(shuffled), toDocument(base), { prune: true }).operations).toEqual([]);
      }),
    );
  });

  it('refuses an id it cannot name', () => {
    const broken = snapshot();
    broken.teams[1]?.members.push({ userId: 'gone', role: 'member' });
    expect(() => toDocument(broken)).toThrow(UnnamedReference);
  });
});
