import { describe, expect, it } from 'vitest';
import { newTotpSecret, totpCode, totpUri, verifyTotp } from './totp.js';

describe('TOTP', () => {
  const secret = newTotpSecret();
  const now = 1_700_000_000_000;

  it('accepts the current code and one step of drift, not more', () => {
    const step = Math.floor(now / 30_000);
    expect(verifyTotp(secret, totpCode(secret, now), now, null)).toBe(step);
    expect(verifyTotp(secret, totpCode(secret, now - 30_000), now, null)).toBe(step - 1);
    expect(verifyTotp(secret, totpCode(secret, now + 30_000), now, null)).toBe(step + 1);
    expect(verifyTotp(secret, totpCode(secret, now - 90_000), now, null)).toBeNull();
  });

  it('refuses a code already used and malformed input', () => {
    const code = totpCode(secret, now);
    const step = verifyTotp(secret, code, now, null);
    expect(verifyTotp(secret, code, now, step)).toBeNull();
    expect(verifyTotp(secret, 'abcdef', now, null)).toBeNull();
    expect(verifyTotp(secret, '1234567', now, null)).toBeNull();
  });

  it('builds an otpauth URI for authenticator apps', () => {
    expect(totpUri(secret, 'ann@example.com')).toBe(`otpauth://totp/Vigil:ann%40example.com?secret=${secret}&issuer=Vigil`);
  });
});
