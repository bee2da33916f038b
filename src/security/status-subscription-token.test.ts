import { describe, expect, it } from 'vitest';
import { confirmTokenHash, newConfirmToken, unsubscribeToken, verifyUnsubscribeToken } from './status-subscription-token.js';

describe('status page subscription tokens', () => {
  it('confirmation tokens are 128 random bits, kept as their sha256', () => {
    const a = newConfirmToken();
    const b = newConfirmToken();
    expect(Buffer.from(a.token, 'base64url')).toHaveLength(16);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(confirmTokenHash(a.token));
    expect(a.hash).not.toContain(a.token);
  });

  it('unsubscribe tokens name their subscriber only under the secret that signed them', () => {
    const token = unsubscribeToken('01a2-subscriber', 'secret-one-secret-one-secret-one!!');
    expect(verifyUnsubscribeToken(token, 'secret-one-secret-one-secret-one!!')).toBe('01a2-subscriber');
    expect(verifyUnsubscribeToken(token, 'secret-two-secret-two-secret-two!!')).toBeNull();
    expect(verifyUnsubscribeToken(token.replace('01a2', '01a3'), 'secret-one-secret-one-secret-one!!')).toBeNull();
    expect(verifyUnsubscribeToken(`${token}x`, 'secret-one-secret-one-secret-one!!')).toBeNull();
    expect(verifyUnsubscribeToken('no-dot', 'secret-one-secret-one-secret-one!!')).toBeNull();
  });
});
