import { describe, expect, it } from 'vitest';
import { generatedPasswordBits, generatePassword } from './generated-password.js';

describe('generated passwords', () => {
  it('are four groups of five unambiguous characters', () => {
    for (let i = 0; i < 200; i++) expect(generatePassword()).toMatch(/^[0-9a-hjkmnp-tv-z]{5}(-[0-9a-hjkmnp-tv-z]{5}){3}$/);
  });

  it('carry at least 100 bits and do not repeat', () => {
    expect(generatedPasswordBits).toBeGreaterThanOrEqual(100);
    const seen = new Set(Array.from({ length: 1000 }, generatePassword));
    expect(seen.size).toBe(1000);
  });

  it('use every symbol of the alphabet about equally often', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) for (const c of generatePassword().replaceAll('-', '')) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(32);
    // 40,000 draws over 32 symbols: 1,250 each expected, with a standard deviation of about 35.
    for (const n of counts.values()) expect(Math.abs(n - 1250)).toBeLessThan(200);
  });
});
