import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRotation, turnAt } from '../../schedule/rotation.js';
import { zone } from '../../time/zone.js';
import { rotationOf } from './rotation.js';

describe('rotationOf', () => {
  it('anchors a custom rotation at the virtual start, read in the schedule zone', () => {
    expect(rotationOf('2026-01-05T09:00:00-05:00', 604800, 'America/New_York')).toEqual({ rotation: { kind: 'custom', every: 1, unit: 'weeks', anchor: '2026-01-05T09:00' } });
    expect(rotationOf('2026-01-05T14:00:00Z', 172800, 'Europe/Berlin')).toEqual({ rotation: { kind: 'custom', every: 2, unit: 'days', anchor: '2026-01-05T15:00' } });
    expect(rotationOf('2026-03-01T01:30:00+05:30', 28800, 'Asia/Kolkata')).toEqual({ rotation: { kind: 'custom', every: 8, unit: 'hours', anchor: '2026-03-01T01:30' } });
  });

  it('a turn that is not whole hours, or a start between minutes, cannot be expressed', () => {
    expect(rotationOf('2026-01-05T09:00:00Z', 5400, 'UTC')).toEqual({ unmappable: expect.stringContaining('5400 seconds') });
    expect(rotationOf('2026-01-05T09:00:30Z', 3600, 'UTC')).toEqual({ unmappable: expect.stringContaining('between two minutes') });
    expect(rotationOf('yesterday', 3600, 'UTC')).toEqual({ unmappable: expect.stringContaining('not a date') });
  });

  it("counts the same turns as PagerDuty's elapsed turns in a zone without DST (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }).map((h) => h * 3600),
        fc.integer({ min: Date.parse('2020-01-01T00:00:00Z') / 60_000, max: Date.parse('2030-01-01T00:00:00Z') / 60_000 }).map((m) => m * 60_000),
        fc.integer({ min: 0, max: 5_000_000 }).map((m) => m * 60_000),
        fc.constantFrom('UTC', 'Asia/Kolkata', 'Asia/Tokyo'),
        (turnSeconds, virtualStart, later, tz) => {
          const mapped = rotationOf(new Date(virtualStart).toISOString(), turnSeconds, tz);
          if (!('rotation' in mapped)) throw new Error(mapped.unmappable);
          const handoffs = compileRotation(mapped.rotation, zone(tz));
          const at = virtualStart + later;
          expect(turnAt(handoffs, at).turn - turnAt(handoffs, virtualStart).turn).toBe(Math.floor(later / (turnSeconds * 1000)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
