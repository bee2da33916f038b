import fc from 'fast-check';
import { expect, it } from 'vitest';
import { isStorable, toStorable, toStorableDeep, unstorablePaths } from './storable-text.js';

// Any UTF-16 string, lone surrogates and NUL included.
const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });

it('replaces NUL and lone surrogates with U+FFFD and keeps surrogate pairs', () => {
  expect(toStorable('disk\0full')).toBe('disk\uFFFDfull');
  expect(toStorable('a\uD800b\uDC00c')).toBe('a\uFFFDb\uFFFDc');
  expect(toStorable('🔥 \uD83D')).toBe('🔥 \uFFFD');
  expect(toStorable('plain')).toBe('plain');
});

it('makes any string storable without changing its length or its storable characters', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const clean = toStorable(text);
      expect(isStorable(clean)).toBe(true);
      expect(clean.length).toBe(text.length);
      if (isStorable(text)) expect(clean).toBe(text);
      // Valid UTF-8 both ways: what the database stores is what was cleaned.
      expect(Buffer.from(clean, 'utf8').toString('utf8')).toBe(clean);
    }),
  );
});

it('cleans keys and values at any depth, and points at each unstorable one', () => {
  const body = { title: 'ok\0', labels: { 'bad\0key': 'x', 'a/b': ['fine', '\uDC00'] }, n: 1, none: null };
  expect(unstorablePaths(body, '/body')).toEqual(['/body/title', '/body/labels/bad\uFFFDkey', '/body/labels/a~1b/1']);
  const clean = toStorableDeep(body);
  expect(clean).toEqual({ title: 'ok\uFFFD', labels: { 'bad\uFFFDkey': 'x', 'a/b': ['fine', '\uFFFD'] }, n: 1, none: null });
  expect(unstorablePaths(clean, '/body')).toEqual([]);
});

it('hands back storable JSON itself, and copies only what held a bad string, leaving the input as it was', () => {
  const clean = { title: 'ok', labels: { a: ['x', 1] }, n: null };
  expect(toStorableDeep(clean)).toBe(clean);
  const body = { title: 'fine', labels: { a: 'x\0' }, list: ['y'] };
  const cleaned = toStorableDeep(body) as typeof body;
  expect(cleaned).toEqual({ title: 'fine', labels: { a: 'x\uFFFD' }, list: ['y'] });
  expect(body.labels.a).toBe('x\0');
  expect(cleaned.list).toBe(body.list);
  // The plain copy it replaced, as the reference.
  const copied = (v: unknown): unknown =>
    typeof v === 'string' ? toStorable(v) : Array.isArray(v) ? v.map(copied) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [toStorable(k), copied(x)])) : v;
  const oftenBad = fc.oneof(fc.constantFrom('\0', '\uD83D', '\uDC00', '\uD83D\uDD25'), fc.string({ minLength: 1, maxLength: 1 }));
  fc.assert(
    fc.property(fc.jsonValue(), fc.jsonValue({ stringUnit: oftenBad }), (storable, any) => {
      expect(toStorableDeep(storable)).toBe(storable);
      const before = structuredClone(any);
      const out = toStorableDeep(any);
      expect(any).toEqual(before);
      expect(out).toEqual(copied(any));
    }),
  );
});
