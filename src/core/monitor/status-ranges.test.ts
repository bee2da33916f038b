import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStatusRange, statusAccepted } from './status-ranges.js';

describe('status ranges', () => {
  it('parses single codes and ranges, refusing the rest', () => {
    expect(parseStatusRange('200')).toEqual([200, 200]);
    expect(parseStatusRange(' 200-299 ')).toEqual([200, 299]);
    for (const bad of ['2xx', '299-200', '600', '20', '200-', 'abc', '']) expect(parseStatusRange(bad)).toBeNull();
  });

  it('accepts a status inside any listed range', () => {
    expect(statusAccepted(['200-299', '301'], 204)).toBe(true);
    expect(statusAccepted(['200-299', '301'], 301)).toBe(true);
    expect(statusAccepted(['200-299', '301'], 302)).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 599 }), fc.integer({ min: 100, max: 599 }), fc.integer({ min: 100, max: 599 }), (a, b, status) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(statusAccepted([`${low}-${high}`], status)).toBe(status >= low && status <= high);
      }),
    );
  });
});
