import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box.js';

const secret = 'a-secret-that-is-long-enough-for-tests';

describe('secret box', () => {
  it('round-trips and never shows the plain text', () => {
    const box = new SecretBox(secret, 'totp');
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXP')).not.toBe(sealed);
    expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses another server secret, another purpose and tampering', () => {
    const sealed = new SecretBox(secret, 'totp').seal('JBSWY3DPEHPK3PXP');
    expect(() => new SecretBox(`${secret}x`, 'totp').open(sealed)).toThrow();
    expect(() => new SecretBox(secret, 'other').open(sealed)).toThrow();
    const [v, iv, body] = sealed.split('.') as [string, string, string];
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => new SecretBox(secret, 'totp').open(`${v}.${iv}.${flipped.toString('base64url')}`)).toThrow();
    expect(() => new SecretBox(secret, 'totp').open('garbage')).toThrow();
  });
});
