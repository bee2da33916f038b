// The one generator of realistic schedule parts the benchmarks share, so every figure is
// measured on the same kind of rotas.
import type { Restriction, Rotation, Weekday } from '../src/core/schedule/types.js';

export const ZONES = ['UTC', 'America/Chicago', 'America/New_York', 'America/Los_Angeles', 'Europe/London', 'Europe/Berlin', 'Asia/Tokyo', 'Asia/Kolkata', 'Australia/Sydney', 'America/Sao_Paulo'];

/** Deterministic PRNG (mulberry32) so every run measures the same schedules. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draws layers' parts from one PRNG: weekly, daily and weekday rotations, and unless
 * `dayBased` every-8/12/36-hours and fortnightly ones; always (twice as likely), business
 * hours, weekends and weeknight restrictions.
 */
export function scheduleParts(rnd: () => number, { dayBased = false } = {}) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const hhmm = () => `${String(Math.floor(rnd() * 24)).padStart(2, '0')}:${pick(['00', '30'])}`;
  const dayRotations: (() => Rotation)[] = [
    () => ({ kind: 'weekly', handoffDay: (1 + Math.floor(rnd() * 7)) as Weekday, handoffTime: hhmm() }),
    () => ({ kind: 'daily', handoffTime: hhmm() }),
    () => ({ kind: 'daily', handoffTime: '09:00', days: [1, 2, 3, 4, 5] }),
  ];
  const rotations = dayBased
    ? dayRotations
    : [...dayRotations, () => ({ kind: 'custom', every: pick([8, 12, 36]), unit: 'hours', anchor: '2025-01-06T09:00' }) as Rotation, () => ({ kind: 'custom', every: 2, unit: 'weeks', anchor: '2025-01-06T10:00' }) as Rotation];
  const rotation = (): Rotation => pick(rotations)();
  const restriction = (): Restriction =>
    pick<Restriction>([
      { kind: 'always' },
      { kind: 'always' },
      { kind: 'business_hours' },
      { kind: 'weekends' },
      { kind: 'custom', windows: [{ startDay: 1, startTime: '17:00', endDay: 2, endTime: '09:00' }, { startDay: 5, startTime: '17:00', endDay: 1, endTime: '09:00' }] },
    ]);
  return { pick, rotation, restriction };
}
