import { describe, expect, it } from 'vitest';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from './recovery-codes.js';

describe('recovery codes', () => {
  it('makes ten distinct readable codes', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/);
  });

  it('hashes a code the same however it is typed back, and differently per server secret', () => {
    const [code = ''] = newRecoveryCodes();
    const hash = hashRecoveryCode(code, 'secret-one');
    expect(hashRecoveryCode(` ${code.toLowerCase().replace('-', ' ')} `, 'secret-one')).toBe(hash);
    expect(hashRecoveryCode(code, 'secret-two')).not.toBe(hash);
    expect(hash).not.toContain(code);
    expect(looksLikeRecoveryCode(code.toLowerCase())).toBe(true);
    expect(looksLikeRecoveryCode('123456')).toBe(false);
  });
});
