import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { webhookSigningKey, webhookSigningKeys } from './webhook-signing-key.js';

describe('webhookSigningKey', () => {
  it('differs by URL and by server secret', () => {
    const key = webhookSigningKey('secret-a', 'https://example.com/hook');
    expect(webhookSigningKey('secret-a', 'https://example.com/other')).not.toBe(key);
    expect(webhookSigningKey('secret-b', 'https://example.com/hook')).not.toBe(key);
    expect(webhookSigningKey('secret-a', 'https://example.com/hook')).toBe(key);
  });
});

describe('webhookSigningKeys', () => {
  it('gives the derived key of every URL, whatever it remembers', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.array(fc.webUrl(), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 5 }), (secret, urls, size) => {
        const keyOf = webhookSigningKeys(secret, size);
        for (const url of [...urls, ...urls.reverse()]) expect(keyOf(url)).toBe(webhookSigningKey(secret, url));
      }),
    );
  });
});
