import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDEXABLE_KEY_MAX_BYTES, indexableKey } from './indexable-key.js';

describe('indexableKey', () => {
  it('keeps a key of up to 1 KiB as it is, counting bytes, not characters', () => {
    expect(indexableKey('alertname=HighLatency,job=api')).toBe('alertname=HighLatency,job=api');
    expect(indexableKey('x'.repeat(INDEXABLE_KEY_MAX_BYTES))).toBe('x'.repeat(INDEXABLE_KEY_MAX_BYTES));
    // 300 four-byte characters are 1,200 bytes: too long, though only 600 UTF-16 units.
    expect(indexableKey('😀'.repeat(300))).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('turns a longer key into a short digest that is the same every time and differs per key', () => {
    fc.assert(
      fc.property(fc.string({ minLength: INDEXABLE_KEY_MAX_BYTES + 1, maxLength: 5_000 }), fc.string({ minLength: 1, maxLength: 3 }), (key, extra) => {
        const digest = indexableKey(key);
        expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
        expect(indexableKey(key)).toBe(digest);
        expect(indexableKey(key + extra)).not.toBe(digest);
      }),
    );
  });

  it('is the standard SHA-256 of the UTF-8 key', () => {
    // sha256 of 1,025 'a's, as `printf 'a%.0s' {1..1025} | sha256sum` prints it.
    expect(indexableKey('a'.repeat(1025))).toBe('sha256:4a82297889eb505cf6b5cbdf69977afab4632d6557539782f657bd7dc78091a5');
  });
});
