import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { burstWindowMs } from './burst-window.js';

const bounds = { minMs: 1000, maxMs: 2000 };

describe('burstWindowMs', () => {
  it('is a thirtieth of the shortest interval between the bounds', () => {
    expect(burstWindowMs(20_000, bounds)).toBe(1000);
    expect(burstWindowMs(45_000, bounds)).toBe(1500);
    expect(burstWindowMs(60_000, bounds)).toBe(2000);
    expect(burstWindowMs(86_400_000, bounds)).toBe(2000);
  });

  it('takes the longest bound when no monitor is known yet', () => {
    expect(burstWindowMs(Infinity, bounds)).toBe(2000);
  });

  it('stays within its bounds, never grows with a shorter interval, and never exceeds a thirtieth of an interval above the lower bound', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 * 86_400_000 }), fc.integer({ min: 1, max: 7 * 86_400_000 }), (a, b) => {
        const [shorter, longer] = a <= b ? [a, b] : [b, a];
        const window = burstWindowMs(shorter, bounds);
        expect(window).toBeGreaterThanOrEqual(bounds.minMs);
        expect(window).toBeLessThanOrEqual(bounds.maxMs);
        expect(window).toBeLessThanOrEqual(burstWindowMs(longer, bounds));
        if (shorter / 30 >= bounds.minMs) expect(window).toBeLessThanOrEqual(shorter / 30);
      }),
    );
  });
});
