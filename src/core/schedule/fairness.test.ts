import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fairnessMeasure, fairnessReport, membersIn } from './fairness.js';
import type { ScheduleHistory } from './history.js';
import type { CategoryHours } from './hours-report.js';
import { editLayer } from './layer-version.js';
import type { Override, Restriction, Rotation } from './types.js';

const ms = (text: string) => Date.parse(text);
const DAY = 86_400_000;

function history(zone: string, members: string[], options: { rotation?: Rotation; restriction?: Restriction; overrides?: Override[]; since?: number } = {}): ScheduleHistory {
  const since = options.since ?? ms('2023-01-01T00:00Z');
  const draft = { timeZone: zone, rotation: options.rotation ?? { kind: 'daily' as const, handoffTime: '00:00' }, restriction: options.restriction ?? { kind: 'always' }, members };
  return {
    timeZone: zone,
    layers: [{ id: 'L', name: 'L', versions: editLayer([], draft, since) }],
    structures: [{ effectiveFrom: since, layerIds: ['L'] }],
    overrides: options.overrides ?? [],
    fixedShifts: [],
  };
}

const hoursOf = (h: ScheduleHistory, from: number, to: number, holidays: string[] = []) => fairnessReport(h, from, to, new Set(holidays)).hours;
const row = (userId: string, split: Partial<CategoryHours>): CategoryHours => ({ userId, total: 0, businessHours: 0, nights: 0, weekends: 0, holidays: 0, ...split });

describe('hours by category', () => {
  it('puts a whole public holiday in holidays, whatever the time of day', () => {
    // Monday 23 to Monday 30 December 2024, Christmas on the Wednesday.
    expect(hoursOf(history('UTC', ['ann']), ms('2024-12-23T00:00Z'), ms('2024-12-30T00:00Z'), ['2024-12-25'])).toEqual([
      { userId: 'ann', total: 168, businessHours: 32, nights: 64, weekends: 48, holidays: 24, member: true },
    ]);
  });

  it('ranks a holiday above the weekend: a holiday Saturday is holiday hours', () => {
    const [ann] = hoursOf(history('UTC', ['ann']), ms('2024-12-23T00:00Z'), ms('2024-12-30T00:00Z'), ['2024-12-28']);
    expect(ann).toMatchObject({ total: 168, weekends: 24, holidays: 24, businessHours: 40, nights: 80 });
  });

  it('counts the 25-hour fall-back Sunday in Chicago as a 25-hour holiday', () => {
    const [ann] = hoursOf(history('America/Chicago', ['ann']), ms('2024-10-28T05:00Z'), ms('2024-11-04T06:00Z'), ['2024-11-03']);
    expect(ann).toMatchObject({ total: 169, businessHours: 40, nights: 80, weekends: 24, holidays: 25 });
  });

  it('counts the 23-hour spring-forward Sunday in London and a holiday by the local date', () => {
    // Monday 25 March 00:00 GMT to Monday 1 April 00:00 BST; Good Friday is 29 March.
    const [ann] = hoursOf(history('Europe/London', ['ann']), ms('2024-03-25T00:00Z'), ms('2024-03-31T23:00Z'), ['2024-03-29']);
    expect(ann).toMatchObject({ total: 167, businessHours: 32, nights: 64, weekends: 47, holidays: 24 });
  });
});

describe('fairnessMeasure', () => {
  it('measures members with no hours and leaves out people who are not members', () => {
    const hours = [row('ann', { nights: 6, weekends: 4 }), row('bob', { nights: 10, holidays: 10, businessHours: 40 }), row('zed', { weekends: 100 })];
    const m = fairnessMeasure(hours, ['ann', 'bob', 'cat']);
    expect(m).toMatchObject({ members: 3, min: 0, max: 20, spread: 20, verdict: 'very_uneven' });
    // Loads 10, 20, 0: mean 10, population standard deviation √(200/3).
    expect(m.coefficientOfVariation).toBeCloseTo(Math.sqrt(200 / 3) / 10, 12);
  });

  it('gives each verdict by the coefficient of variation', () => {
    const verdict = (...loads: number[]) => fairnessMeasure(loads.map((n, i) => row(`u${i}`, { nights: n })), loads.map((_, i) => `u${i}`)).verdict;
    expect(verdict(0, 0)).toBe('no_load');
    expect(verdict(100, 90)).toBe('even');
    expect(verdict(100, 60)).toBe('uneven');
    expect(verdict(100, 20)).toBe('very_uneven');
    expect(fairnessMeasure([], [])).toMatchObject({ members: 0, coefficientOfVariation: 0, verdict: 'no_load' });
  });

  it('counts a member listed twice (a repeated rotation slot) once', () => {
    expect(fairnessMeasure([row('ann', { nights: 8 })], ['ann', 'ann', 'bob']).members).toBe(2);
  });
});

describe('fairnessReport', () => {
  it('lists every member in force over the period, with zero hours too, and marks override takers', () => {
    const from = ms('2024-01-08T00:00Z');
    const overrides: Override[] = [{ id: 'o', layerId: null, userId: 'zed', start: from, end: from + DAY, createdAt: 0 }];
    const r = fairnessReport(history('UTC', ['ann', 'bob'], { restriction: { kind: 'business_hours' }, overrides }), from, from + DAY, new Set());
    expect(r.hours.map((h) => [h.userId, h.total, h.member])).toEqual([
      ['ann', 0, true],
      ['bob', 0, true],
      ['zed', 24, false],
    ]);
    expect(r.measure).toMatchObject({ members: 2, verdict: 'no_load' });
  });

  it('finds a daily rotation of two over two whole weeks even', () => {
    const r = fairnessReport(history('UTC', ['ann', 'bob']), ms('2024-01-08T00:00Z'), ms('2024-01-22T00:00Z'), new Set());
    expect(r.measure).toEqual({ members: 2, min: 128, max: 128, spread: 0, coefficientOfVariation: 0, verdict: 'even' });
  });

  it('takes members from every layer version in force during the period only', () => {
    const h = history('UTC', ['ann']);
    const layer = h.layers[0];
    if (!layer) throw new Error('no layer');
    const change = ms('2024-02-01T00:00Z');
    layer.versions = editLayer(layer.versions, { timeZone: 'UTC', rotation: { kind: 'daily', handoffTime: '00:00' }, restriction: { kind: 'always' }, members: ['bob'] }, change);
    expect([...membersIn(h, change - DAY, change)]).toEqual(['ann']);
    expect([...membersIn(h, change - DAY, change + 1)].sort()).toEqual(['ann', 'bob']);
    expect([...membersIn(h, change, change + DAY)]).toEqual(['bob']);
  });
});

const ZONES = ['UTC', 'America/Chicago', 'Europe/London', 'Asia/Beirut', 'Australia/Lord_Howe'];
const USERS = ['ann', 'bob', 'cat', 'dan'];
const start = ms('2024-01-01T00:00Z');

const caseArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  members: fc.array(fc.constantFrom(...USERS), { minLength: 1, maxLength: 5 }),
  handoffHour: fc.integer({ min: 0, max: 23 }),
  weekly: fc.boolean(),
  restriction: fc.constantFrom<Restriction>({ kind: 'always' }, { kind: 'business_hours' }, { kind: 'weekends' }),
  fromHours: fc.integer({ min: 0, max: 365 * 24 }),
  lengthHours: fc.integer({ min: 1, max: 40 * 24 }),
  holidayDays: fc.uniqueArray(fc.integer({ min: 0, max: 410 }), { maxLength: 12 }),
});

describe('fairness properties', () => {
  it('puts every on-call hour in exactly one category: they sum to the total', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const hh = String(c.handoffHour).padStart(2, '0');
        const rotation: Rotation = c.weekly ? { kind: 'weekly', handoffDay: 1, handoffTime: `${hh}:00` } : { kind: 'daily', handoffTime: `${hh}:00` };
        const h = history(c.zone, c.members, { rotation, restriction: c.restriction, since: start });
        const from = start + c.fromHours * 3_600_000;
        const to = from + c.lengthHours * 3_600_000;
        const holidays = c.holidayDays.map((d) => new Date(start + d * DAY).toISOString().slice(0, 10));
        const r = fairnessReport(h, from, to, new Set(holidays));
        let total = 0;
        for (const x of r.hours) {
          expect(x.businessHours + x.nights + x.weekends + x.holidays).toBeCloseTo(x.total, 9);
          for (const v of [x.businessHours, x.nights, x.weekends, x.holidays]) expect(v).toBeGreaterThanOrEqual(0);
          total += x.total;
        }
        // One layer that never hands off to nobody: on call whenever its restriction is active.
        if (c.restriction.kind === 'always') expect(total).toBeCloseTo(c.lengthHours, 9);
      }),
      { numRuns: 150 },
    );
  });

  const loadsArb = fc.array(fc.record({ nights: fc.nat(500), weekends: fc.nat(500), holidays: fc.nat(100) }), { minLength: 1, maxLength: 8 });

  it('does not depend on the order of members or of the hours', () => {
    fc.assert(
      fc.property(loadsArb, fc.infiniteStream(fc.nat()), (loads, seeds) => {
        const hours = loads.map((l, i) => row(`u${i}`, l));
        const members = hours.map((h) => h.userId);
        const shuffle = <T>(xs: T[]) =>
          xs
            .map((x) => ({ x, k: seeds.next().value as number }))
            .sort((a, b) => a.k - b.k)
            .map((p) => p.x);
        const a = fairnessMeasure(hours, members);
        const b = fairnessMeasure(shuffle(hours), shuffle(members));
        expect(b.min).toBe(a.min);
        expect(b.max).toBe(a.max);
        expect(b.verdict).toBe(a.verdict);
        expect(b.coefficientOfVariation).toBeCloseTo(a.coefficientOfVariation, 12);
      }),
    );
  });

  it('gives 0 for a perfectly even split, however it is made up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 1000 }), fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (n, load, parts) => {
        const hours = Array.from({ length: n }, (_, i) => {
          const nights = load * (parts.next().value as number);
          const weekends = (load - nights) * (parts.next().value as number);
          return row(`u${i}`, { nights, weekends, holidays: load - nights - weekends, businessHours: 40 * i });
        });
        const m = fairnessMeasure(hours, hours.map((h) => h.userId));
        expect(m.coefficientOfVariation).toBe(0);
        expect(m.spread).toBeCloseTo(0, 9);
        expect(m.verdict).toBe('even');
      }),
    );
  });
});
