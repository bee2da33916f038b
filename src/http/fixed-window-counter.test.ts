import { describe, expect, it } from 'vitest';
import { assertWithinLimit, FixedWindowCounter } from './fixed-window-counter.js';

describe('FixedWindowCounter', () => {
  it('allows the limit per window, then refuses until the window ends', () => {
    const c = new FixedWindowCounter(3, 1000);
    expect([c.take('a', 0), c.take('a', 10), c.take('a', 20), c.take('a', 30)]).toEqual([true, true, true, false]);
    expect(c.exhausted('a', 999)).toBe(true);
    expect(c.take('b', 30)).toBe(true);
    expect(c.exhausted('a', 1000)).toBe(false);
    expect(c.take('a', 1000)).toBe(true);
  });

  it('takes a limit per call, for keys with limits of their own', () => {
    const c = new FixedWindowCounter(100, 1000);
    expect([c.take('a', 0, 2), c.take('a', 1, 2), c.take('a', 2, 2)]).toEqual([true, true, false]);
    expect(c.take('b', 2)).toBe(true);
  });

  it('forgets a key on reset and prunes expired keys when full', () => {
    const c = new FixedWindowCounter(1, 1000, 2);
    c.take('a', 0);
    c.reset('a');
    expect(c.exhausted('a', 1)).toBe(false);
    c.take('x', 0);
    c.take('y', 0);
    expect(c.take('z', 5000)).toBe(true);
    expect(c.exhausted('x', 5000)).toBe(false);
  });

  it('refuses a used-up key with 429 and the seconds left in its window', () => {
    const c = new FixedWindowCounter(2, 60_000);
    c.take('a', 0);
    expect(() => assertWithinLimit(c, 'a', 1000, 'slow down')).not.toThrow();
    c.take('a', 1000);
    expect(c.msUntilReset('a', 1500)).toBe(58_500);
    expect(() => assertWithinLimit(c, 'a', 1500, 'slow down')).toThrow(expect.objectContaining({ status: 429, code: 'rate_limited', retryAfterSeconds: 59 }));
    expect(() => assertWithinLimit(c, 'a', 60_000, 'slow down')).not.toThrow();
    expect(c.msUntilReset('a', 60_000)).toBe(0);
  });
});
