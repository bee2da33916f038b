import { describe, expect, it } from 'vitest';
import { percent, publicClock, publicDay, publicWhen, zoneName } from './public-time.js';

const NOW = Date.parse('2026-03-02T12:00:00Z');

describe('public status page times', () => {
  it('writes instants in the page zone, with the year only when it is not this one', () => {
    expect(publicWhen(Date.parse('2026-03-02T08:12:00Z'), 'Europe/Berlin', NOW)).toBe('Mar 2, 09:12 GMT+1');
    expect(publicWhen(Date.parse('2026-03-02T08:12:00Z'), 'America/Chicago', NOW)).toBe('Mar 2, 02:12 CST');
    expect(publicWhen(Date.parse('2025-12-31T23:30:00Z'), 'America/Chicago', NOW)).toBe('Dec 31, 2025, 17:30 CST');
    // New Year's Eve in UTC is already next year in Tokyo.
    expect(publicWhen(Date.parse('2025-12-31T16:00:00Z'), 'Asia/Tokyo', NOW)).toBe('Jan 1, 01:00 GMT+9');
  });

  it('writes days and clock times', () => {
    expect(publicDay('2026-03-02', 'America/Chicago', NOW)).toBe('Mon, Mar 2');
    expect(publicDay('2025-12-30', 'America/Chicago', NOW)).toBe('Tue, Dec 30, 2025');
    expect(publicClock(Date.parse('2026-03-02T06:00:00Z'), 'America/Chicago', true)).toBe('24:00');
    expect(publicClock(Date.parse('2026-03-02T06:00:00Z'), 'America/Chicago')).toBe('00:00');
    expect(zoneName(NOW, 'America/Chicago')).toBe('CST');
  });

  it('rounds uptime down', () => {
    expect(percent(1)).toBe('100 %');
    expect(percent(0.99999)).toBe('99.99 %');
    expect(percent(0.5)).toBe('50 %');
    expect(percent(0.98765)).toBe('98.76 %');
  });
});
