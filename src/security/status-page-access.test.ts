import { describe, expect, it } from 'vitest';
import { ACCESS_DAYS, signPageAccess, verifyPageAccess } from './status-page-access.js';

const SECRET = 'test-secret-test-secret-test-secret!';
const NOW = Date.parse('2026-03-02T12:00:00Z');

describe('status page access cookie', () => {
  it('lets the visitor in until it expires', () => {
    const cookie = signPageAccess('page-1', 'hash-a', SECRET, NOW);
    expect(verifyPageAccess(cookie, 'page-1', 'hash-a', SECRET, NOW + 1000)).toBe(true);
    expect(verifyPageAccess(cookie, 'page-1', 'hash-a', SECRET, NOW + ACCESS_DAYS * 86_400_000)).toBe(false);
  });

  it('stops working for another page, a new password, another secret or any change', () => {
    const cookie = signPageAccess('page-1', 'hash-a', SECRET, NOW);
    expect(verifyPageAccess(cookie, 'page-2', 'hash-a', SECRET, NOW)).toBe(false);
    expect(verifyPageAccess(cookie, 'page-1', 'hash-b', SECRET, NOW)).toBe(false);
    expect(verifyPageAccess(cookie, 'page-1', 'hash-a', `${SECRET}x`, NOW)).toBe(false);
    const [exp, sig] = cookie.split('.');
    expect(verifyPageAccess(`${Number(exp) + 86_400_000}.${sig}`, 'page-1', 'hash-a', SECRET, NOW)).toBe(false);
    for (const bad of [undefined, '', '.', 'x.y', `${exp}.`]) expect(verifyPageAccess(bad, 'page-1', 'hash-a', SECRET, NOW)).toBe(false);
  });
});
