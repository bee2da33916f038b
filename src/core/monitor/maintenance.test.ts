import { describe, expect, it } from 'vitest';
import { inMaintenance } from './maintenance.js';
import type { Maintenance } from './types.js';

const at = (iso: string) => Date.parse(iso);

describe('inMaintenance', () => {
  it('is never in maintenance without windows', () => {
    expect(inMaintenance(null, 0)).toBe(false);
    expect(inMaintenance({ timeZone: 'UTC', weekly: [], once: [] }, 0)).toBe(false);
  });

  it('covers a one-off window, end exclusive', () => {
    const m: Maintenance = { timeZone: 'UTC', weekly: [], once: [{ start: at('2026-03-01T10:00Z'), end: at('2026-03-01T11:00Z') }] };
    expect(inMaintenance(m, at('2026-03-01T09:59Z'))).toBe(false);
    expect(inMaintenance(m, at('2026-03-01T10:00Z'))).toBe(true);
    expect(inMaintenance(m, at('2026-03-01T11:00Z'))).toBe(false);
  });

  // Sunday 01:00–04:00 in Chicago; on 2026-03-08 the clocks jump from 02:00 to 03:00.
  const sundayNights: Maintenance = { timeZone: 'America/Chicago', weekly: [{ startDay: 7, startTime: '01:00', endDay: 7, endTime: '04:00' }], once: [] };

  it('follows the wall clock of its zone across DST', () => {
    // Winter (UTC-6): 01:00–04:00 is 07:00–10:00Z.
    expect(inMaintenance(sundayNights, at('2026-03-01T06:59Z'))).toBe(false);
    expect(inMaintenance(sundayNights, at('2026-03-01T07:00Z'))).toBe(true);
    expect(inMaintenance(sundayNights, at('2026-03-01T09:59Z'))).toBe(true);
    expect(inMaintenance(sundayNights, at('2026-03-01T10:00Z'))).toBe(false);
    // Spring forward: 01:00 CST is 07:00Z, 04:00 CDT is 09:00Z: the window is two real hours.
    expect(inMaintenance(sundayNights, at('2026-03-08T07:00Z'))).toBe(true);
    expect(inMaintenance(sundayNights, at('2026-03-08T08:59Z'))).toBe(true);
    expect(inMaintenance(sundayNights, at('2026-03-08T09:00Z'))).toBe(false);
    // Summer (UTC-5): 06:00–09:00Z.
    expect(inMaintenance(sundayNights, at('2026-03-15T06:00Z'))).toBe(true);
    expect(inMaintenance(sundayNights, at('2026-03-15T09:00Z'))).toBe(false);
    // Not on a Saturday.
    expect(inMaintenance(sundayNights, at('2026-03-14T07:00Z'))).toBe(false);
  });

  it('spans the week end when it ends before it starts', () => {
    const weekend: Maintenance = { timeZone: 'Europe/London', weekly: [{ startDay: 6, startTime: '22:00', endDay: 1, endTime: '02:00' }], once: [] };
    expect(inMaintenance(weekend, at('2026-01-10T22:30Z'))).toBe(true);
    expect(inMaintenance(weekend, at('2026-01-12T01:59Z'))).toBe(true);
    expect(inMaintenance(weekend, at('2026-01-12T02:00Z'))).toBe(false);
  });
});
