import { describe, expect, it } from 'vitest';
import { zone } from '../time/zone.js';
import { compileRotation, turnAt } from './rotation.js';
import type { Rotation } from './types.js';

const iso = (ms: number) => new Date(ms).toISOString().replace(':00.000Z', 'Z');
const ms = (text: string) => Date.parse(text);

/** The handoff instants of the turn in force at `from` and the `count - 1` after it. */
function handoffs(rotation: Rotation, tz: string, from: string, count: number): string[] {
  const seq = compileRotation(rotation, zone(tz));
  const { turn } = turnAt(seq, ms(from));
  return Array.from({ length: count }, (_, i) => iso(seq.at(turn + i)));
}

describe('daily', () => {
  it('hands off every day at the local time', () => {
    expect(handoffs({ kind: 'daily', handoffTime: '09:00' }, 'UTC', '2024-01-10T12:00Z', 3)).toEqual([
      '2024-01-10T09:00Z',
      '2024-01-11T09:00Z',
      '2024-01-12T09:00Z',
    ]);
  });

  it('on selected weekdays gives Friday the weekend, counting one turn per handoff', () => {
    const rotation: Rotation = { kind: 'daily', handoffTime: '09:00', days: [1, 2, 3, 4, 5] };
    expect(handoffs(rotation, 'UTC', '2024-01-12T10:00Z', 3)).toEqual([
      '2024-01-12T09:00Z',
      '2024-01-15T09:00Z',
      '2024-01-16T09:00Z',
    ]);
    const seq = compileRotation(rotation, zone('UTC'));
    const friday = turnAt(seq, ms('2024-01-12T10:00Z'));
    const sunday = turnAt(seq, ms('2024-01-14T23:59Z'));
    const monday = turnAt(seq, ms('2024-01-15T09:00Z'));
    expect(sunday).toEqual(friday);
    expect(monday.turn).toBe(friday.turn + 1);
    expect(iso(friday.end)).toBe('2024-01-15T09:00Z');
  });

  it('before the handoff time the previous day still holds', () => {
    const seq = compileRotation({ kind: 'daily', handoffTime: '09:00' }, zone('Asia/Tokyo'));
    const t = turnAt(seq, ms('2024-01-10T23:59Z')); // 08:59 on the 11th in Tokyo
    expect([iso(t.start), iso(t.end)]).toEqual(['2024-01-10T00:00Z', '2024-01-11T00:00Z']);
  });

  it('accepts days in any order and with repeats', () => {
    expect(handoffs({ kind: 'daily', handoffTime: '08:00', days: [5, 1, 1] }, 'UTC', '2024-01-08T08:00Z', 3)).toEqual([
      '2024-01-08T08:00Z',
      '2024-01-12T08:00Z',
      '2024-01-15T08:00Z',
    ]);
  });

  it('rejects bad days and times', () => {
    expect(() => compileRotation({ kind: 'daily', handoffTime: '09:00', days: [] }, zone('UTC'))).toThrow(RangeError);
    expect(() => compileRotation({ kind: 'daily', handoffTime: '9:00' }, zone('UTC'))).toThrow(RangeError);
    expect(() => compileRotation({ kind: 'daily', handoffTime: '09:00', days: [8 as 1] }, zone('UTC'))).toThrow(RangeError);
  });
});

describe('weekly', () => {
  it('hands off on the weekday at the local time', () => {
    expect(handoffs({ kind: 'weekly', handoffDay: 1, handoffTime: '10:00' }, 'Europe/London', '2024-07-03T00:00Z', 3)).toEqual([
      '2024-07-01T09:00Z',
      '2024-07-08T09:00Z',
      '2024-07-15T09:00Z',
    ]);
  });

  it('uses the first occurrence of an ambiguous handoff (London fall back)', () => {
    expect(handoffs({ kind: 'weekly', handoffDay: 7, handoffTime: '01:30' }, 'Europe/London', '2024-10-21T00:00Z', 2)).toEqual([
      '2024-10-20T00:30Z',
      '2024-10-27T00:30Z',
    ]);
  });
});

describe('monthly', () => {
  const monthly = (handoffDay: number, handoffTime: string): Rotation => ({ kind: 'monthly', handoffDay, handoffTime });

  it('hands off on the day of the month at the local time', () => {
    expect(handoffs(monthly(15, '09:00'), 'UTC', '2024-03-20T00:00Z', 3)).toEqual(['2024-03-15T09:00Z', '2024-04-15T09:00Z', '2024-05-15T09:00Z']);
  });

  it('before the handoff the previous month still holds', () => {
    const seq = compileRotation(monthly(15, '09:00'), zone('UTC'));
    const turn = turnAt(seq, ms('2024-03-15T08:59Z'));
    expect([iso(turn.start), iso(turn.end)]).toEqual(['2024-02-15T09:00Z', '2024-03-15T09:00Z']);
  });

  it('the 31st means the last day in shorter months (29 February in a leap year)', () => {
    expect(handoffs(monthly(31, '09:00'), 'UTC', '2024-01-31T10:00Z', 5)).toEqual([
      '2024-01-31T09:00Z',
      '2024-02-29T09:00Z',
      '2024-03-31T09:00Z',
      '2024-04-30T09:00Z',
      '2024-05-31T09:00Z',
    ]);
    expect(handoffs(monthly(29, '00:00'), 'UTC', '2023-01-30T00:00Z', 3)).toEqual(['2023-01-29T00:00Z', '2023-02-28T00:00Z', '2023-03-29T00:00Z']);
  });

  it('crosses year ends and years before 1970', () => {
    expect(handoffs(monthly(1, '00:00'), 'UTC', '2024-12-15T00:00Z', 2)).toEqual(['2024-12-01T00:00Z', '2025-01-01T00:00Z']);
    expect(handoffs(monthly(31, '12:00'), 'UTC', '1969-11-30T13:00Z', 3)).toEqual(['1969-11-30T12:00Z', '1969-12-31T12:00Z', '1970-01-31T12:00Z']);
  });

  it('Chicago: a nonexistent 02:30 handoff on the spring-forward day happens at 03:00 CDT', () => {
    expect(handoffs(monthly(10, '02:30'), 'America/Chicago', '2024-02-20T00:00Z', 3)).toEqual(['2024-02-10T08:30Z', '2024-03-10T08:00Z', '2024-04-10T07:30Z']);
  });

  it('Chicago: an ambiguous 01:30 handoff on the fall-back day happens at the first 01:30', () => {
    expect(handoffs(monthly(3, '01:30'), 'America/Chicago', '2024-11-03T06:30Z', 2)).toEqual(['2024-11-03T06:30Z', '2024-12-03T07:30Z']);
    // The second 01:30 (CST) is inside the turn that began at the first.
    expect(iso(turnAt(compileRotation(monthly(3, '01:30'), zone('America/Chicago')), ms('2024-11-03T07:30Z')).start)).toBe('2024-11-03T06:30Z');
  });

  it('Lord Howe: a 02:15 handoff in the 30-minute gap happens at 02:30 (+11)', () => {
    expect(handoffs(monthly(6, '02:15'), 'Australia/Lord_Howe', '2024-10-06T00:00Z', 1)).toEqual(['2024-10-05T15:30Z']);
  });

  it('Santiago: a midnight handoff on the day midnight is skipped starts at 01:00', () => {
    expect(handoffs(monthly(8, '00:00'), 'America/Santiago', '2024-09-08T12:00Z', 1)).toEqual(['2024-09-08T04:00Z']);
  });

  it('rejects days outside 1..31', () => {
    expect(() => compileRotation(monthly(0, '09:00'), zone('UTC'))).toThrow(RangeError);
    expect(() => compileRotation(monthly(32, '09:00'), zone('UTC'))).toThrow(RangeError);
  });
});

describe('custom', () => {
  it('every 8 hours from the anchor', () => {
    expect(
      handoffs({ kind: 'custom', every: 8, unit: 'hours', anchor: '2024-01-01T06:00' }, 'UTC', '2024-01-01T05:00Z', 4),
    ).toEqual(['2023-12-31T22:00Z', '2024-01-01T06:00Z', '2024-01-01T14:00Z', '2024-01-01T22:00Z']);
  });

  it('counts turn 0 at the anchor', () => {
    const seq = compileRotation({ kind: 'custom', every: 3, unit: 'days', anchor: '2024-01-01T09:00' }, zone('UTC'));
    expect(turnAt(seq, ms('2024-01-01T09:00Z')).turn).toBe(0);
    expect(turnAt(seq, ms('2024-01-04T08:59Z')).turn).toBe(0);
    expect(turnAt(seq, ms('2024-01-04T09:00Z')).turn).toBe(1);
    expect(turnAt(seq, ms('2023-12-31T09:00Z')).turn).toBe(-1);
  });

  it('every 2 weeks keeps the local time across DST (Chicago)', () => {
    expect(
      handoffs({ kind: 'custom', every: 2, unit: 'weeks', anchor: '2024-03-01T09:00' }, 'America/Chicago', '2024-03-02T00:00Z', 2),
    ).toEqual(['2024-03-01T15:00Z', '2024-03-15T14:00Z']);
  });

  it('periods that do not divide a day are exact elapsed durations across DST', () => {
    expect(
      handoffs({ kind: 'custom', every: 5, unit: 'hours', anchor: '2024-03-09T22:00' }, 'America/Chicago', '2024-03-10T04:00Z', 4),
    ).toEqual(['2024-03-10T04:00Z', '2024-03-10T09:00Z', '2024-03-10T14:00Z', '2024-03-10T19:00Z']);
  });

  it('rejects a non-positive period', () => {
    expect(() => compileRotation({ kind: 'custom', every: 0, unit: 'hours', anchor: '2024-01-01T00:00' }, zone('UTC'))).toThrow(RangeError);
  });
});

describe('DST', () => {
  it('Chicago: 23 h and 25 h days for a 09:00 daily handoff', () => {
    const seq = compileRotation({ kind: 'daily', handoffTime: '09:00' }, zone('America/Chicago'));
    const spring = turnAt(seq, ms('2024-03-09T20:00Z'));
    expect([iso(spring.start), iso(spring.end), (spring.end - spring.start) / 3_600_000]).toEqual(['2024-03-09T15:00Z', '2024-03-10T14:00Z', 23]);
    const fall = turnAt(seq, ms('2024-11-02T20:00Z'));
    expect([iso(fall.start), iso(fall.end), (fall.end - fall.start) / 3_600_000]).toEqual(['2024-11-02T14:00Z', '2024-11-03T15:00Z', 25]);
  });

  it('Chicago: a nonexistent 02:30 handoff happens at 03:00 CDT', () => {
    expect(handoffs({ kind: 'daily', handoffTime: '02:30' }, 'America/Chicago', '2024-03-09T09:00Z', 3)).toEqual([
      '2024-03-09T08:30Z',
      '2024-03-10T08:00Z',
      '2024-03-11T07:30Z',
    ]);
  });

  it('Chicago: an ambiguous 01:30 handoff happens at the first 01:30, and the second 01:30 is inside that turn', () => {
    const seq = compileRotation({ kind: 'daily', handoffTime: '01:30' }, zone('America/Chicago'));
    const t = turnAt(seq, ms('2024-11-03T07:15Z')); // 01:15 CST, the repeated hour
    expect([iso(t.start), iso(t.end)]).toEqual(['2024-11-03T06:30Z', '2024-11-04T07:30Z']);
    const before = turnAt(seq, ms('2024-11-03T06:15Z')); // 01:15 CDT
    expect(iso(before.end)).toBe('2024-11-03T06:30Z');
  });

  it('Chicago hourly: the skipped 02:00 turn has no time; the repeated hour belongs to the 01:00 turn', () => {
    const rotation: Rotation = { kind: 'custom', every: 1, unit: 'hours', anchor: '2024-03-10T00:00' };
    expect(handoffs(rotation, 'America/Chicago', '2024-03-10T07:30Z', 3)).toEqual(['2024-03-10T07:00Z', '2024-03-10T08:00Z', '2024-03-10T08:00Z']);
    const seq = compileRotation(rotation, zone('America/Chicago'));
    expect(turnAt(seq, ms('2024-03-10T08:00Z')).turn).toBe(3);
    expect(turnAt(seq, ms('2024-03-10T07:59Z')).turn).toBe(1);

    const fall = compileRotation({ ...rotation, anchor: '2024-11-03T00:00' }, zone('America/Chicago'));
    const t = turnAt(fall, ms('2024-11-03T07:30Z'));
    expect([t.turn, iso(t.start), iso(t.end)]).toEqual([1, '2024-11-03T06:00Z', '2024-11-03T08:00Z']);
  });

  it('London hourly across both transitions', () => {
    const rotation: Rotation = { kind: 'custom', every: 1, unit: 'hours', anchor: '2024-03-31T00:00' };
    expect(handoffs(rotation, 'Europe/London', '2024-03-31T00:30Z', 3)).toEqual(['2024-03-31T00:00Z', '2024-03-31T01:00Z', '2024-03-31T01:00Z']);
    const fall = compileRotation({ ...rotation, anchor: '2024-10-27T00:00' }, zone('Europe/London'));
    const t = turnAt(fall, ms('2024-10-27T01:30Z')); // 01:30 GMT, second pass
    expect([t.turn, iso(t.start), iso(t.end)]).toEqual([1, '2024-10-27T00:00Z', '2024-10-27T02:00Z']);
  });

  it('Lord Howe: the 30-minute gap shortens the turn handed off inside it', () => {
    const rotation: Rotation = { kind: 'custom', every: 1, unit: 'hours', anchor: '2024-10-06T00:00' };
    expect(handoffs(rotation, 'Australia/Lord_Howe', '2024-10-05T14:40Z', 3)).toEqual([
      '2024-10-05T14:30Z',
      '2024-10-05T15:30Z',
      '2024-10-05T16:00Z',
    ]);
    // Fall back 02:00 (+11) -> 01:30 (+10:30): the 01:00 turn lasts 90 minutes.
    const fall = compileRotation({ ...rotation, anchor: '2024-04-07T00:00' }, zone('Australia/Lord_Howe'));
    const t = turnAt(fall, ms('2024-04-06T15:10Z'));
    expect([t.turn, iso(t.start), iso(t.end)]).toEqual([1, '2024-04-06T14:00Z', '2024-04-06T15:30Z']);
  });

  it('Tokyo has no DST: 24 h every day', () => {
    const seq = compileRotation({ kind: 'daily', handoffTime: '09:00' }, zone('Asia/Tokyo'));
    const t = turnAt(seq, ms('2024-03-10T12:00Z'));
    expect([iso(t.start), iso(t.end)]).toEqual(['2024-03-10T00:00Z', '2024-03-11T00:00Z']);
  });

  it('Santiago: a midnight handoff on the day midnight is skipped starts at 01:00', () => {
    expect(handoffs({ kind: 'daily', handoffTime: '00:00' }, 'America/Santiago', '2024-09-07T12:00Z', 3)).toEqual([
      '2024-09-07T04:00Z',
      '2024-09-08T04:00Z',
      '2024-09-09T03:00Z',
    ]);
    // Fall back at midnight: 23:00-24:00 on 6 April repeats; the 7th's midnight follows the repeat.
    const seq = compileRotation({ kind: 'daily', handoffTime: '23:30' }, zone('America/Santiago'));
    const t = turnAt(seq, ms('2024-04-07T03:15Z')); // 23:15 -04, the second pass
    expect([iso(t.start), iso(t.end)]).toEqual(['2024-04-07T02:30Z', '2024-04-08T03:30Z']);
  });
});
