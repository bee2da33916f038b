import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsPattern, defaultOrder, idOrder } from './incident-list.js';

/** LIKE as SQL evaluates it with ESCAPE '\', to check patterns without a database. */
function like(text: string, pattern: string): boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\') source += escapeRegex(pattern[++i] as string);
    else if (c === '%') source += '[\\s\\S]*';
    else if (c === '_') source += '[\\s\\S]';
    else source += escapeRegex(c);
  }
  return new RegExp(`^${source}$`, 'u').test(text);
}
const escapeRegex = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describe('containsPattern', () => {
  it('treats wildcards and the escape character as plain characters', () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
    expect(like('disk 50% full', containsPattern('50%'))).toBe(true);
    expect(like('disk 50 full', containsPattern('50%'))).toBe(false);
    expect(like('a_b', containsPattern('a_b'))).toBe(true);
    expect(like('axb', containsPattern('a_b'))).toBe(false);
  });

  it('matches exactly the lower-cased texts that contain the needle', () => {
    const chars = fc.constantFrom('a', 'B', '%', '_', '\\', ' ', 'é');
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 12 }), fc.string({ unit: chars, maxLength: 4 }), (text, needle) => {
        expect(like(text.toLowerCase(), containsPattern(needle))).toBe(text.toLowerCase().includes(needle.toLowerCase()));
      }),
    );
  });
});

describe('sort directions', () => {
  it('lists newest first by default and ties newest first unless time runs upwards', () => {
    expect(defaultOrder('triggeredAt')).toBe('desc');
    expect(defaultOrder('title')).toBe('asc');
    expect(idOrder('triggeredAt', 'asc')).toBe('asc');
    expect(idOrder('status', 'asc')).toBe('desc');
    expect(idOrder('urgency', 'desc')).toBe('desc');
  });
});
