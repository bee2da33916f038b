import { describe, expect, it } from 'vitest';
import { CERTIFICATE_DEDUP_KEY } from '../monitor/types.js';
import { inOwnMaintenance, isOutage } from './monitor-rules.js';

const http = (maintenance: object | null) => ({ kind: 'http', config: JSON.stringify({ maintenance }) });
const webhook = { kind: 'webhook', config: '{}' };

describe('isOutage', () => {
  it("counts every incident but a checked monitor's certificate warning", () => {
    expect(isOutage(http(null), CERTIFICATE_DEDUP_KEY)).toBe(false);
    expect(isOutage(http(null), 'down')).toBe(true);
    expect(isOutage(http(null), null)).toBe(true);
    // A pushed monitor's sender may use any key, that one included: it is the sender's outage.
    expect(isOutage(webhook, CERTIFICATE_DEDUP_KEY)).toBe(true);
  });
});

describe('inOwnMaintenance', () => {
  const window = { timeZone: 'UTC', weekly: [], once: [{ start: 1_000, end: 2_000 }] };
  it("is a checked monitor's own window, start included and end excluded", () => {
    expect([999, 1_000, 1_999, 2_000].map((at) => inOwnMaintenance(http(window), at))).toEqual([false, true, true, false]);
    expect(inOwnMaintenance(http(null), 1_500)).toBe(false);
  });
  it('is never true of a pushed monitor, whatever its configuration holds', () => {
    expect(inOwnMaintenance({ kind: 'webhook', config: JSON.stringify({ maintenance: window }) }, 1_500)).toBe(false);
  });
});
