import { describe, expect, it } from 'vitest';
import { signLink, verifyLink } from './signed-link.js';

const claim = { incidentId: 'inc-1', action: 'acknowledge' as const, userId: 'user-1', expiresAt: 2_000 };
const secret = 'a-secret-that-is-long-enough-for-tests';

describe('signed incident links', () => {
  it('round-trips a claim until it expires', () => {
    const token = signLink(claim, secret);
    expect(token).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(verifyLink(token, secret, 1_999)).toEqual({ ok: true, claim });
    expect(verifyLink(token, secret, 2_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('rejects tampered payloads, other secrets and garbage', () => {
    const token = signLink(claim, secret);
    const [, signature] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify(['inc-1', 'resolve', 'user-1', 2_000])).toString('base64url')}.${signature}`;
    expect(verifyLink(forged, secret, 0)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyLink(token, `${secret}x`, 0)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyLink('nonsense', secret, 0)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifyLink('a.b', secret, 0)).toEqual({ ok: false, reason: 'invalid' });
  });
});
