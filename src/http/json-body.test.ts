import fc from 'fast-check';
import { expect, it } from 'vitest';
import { withinJsonDepth } from './json-body.js';

const depthOf = (value: unknown): number =>
  value !== null && typeof value === 'object' ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0;

it('measures the same nesting depth as the parsed value, brackets inside strings ignored', () => {
  const tricky = fc.constantFrom('[', ']', '{', '}', '"', '\\', '\\"[', '\u0000');
  const json = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, fc.string({ unit: fc.oneof(tricky, fc.string({ minLength: 1, maxLength: 1 })) }), fc.integer(), fc.constant(null), tie('array'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 3 }),
    object: fc.dictionary(fc.string({ unit: tricky }), tie('value'), { maxKeys: 3 }),
  })).value;
  fc.assert(
    fc.property(json, fc.integer({ min: 0, max: 8 }), (value, max) => {
      expect(withinJsonDepth(JSON.stringify(value), max)).toBe(depthOf(value) <= max);
    }),
  );
});

it('stops at the first bracket past the limit, however long the text', () => {
  expect(withinJsonDepth(`${'['.repeat(33)}${'x'.repeat(1_000_000)}`, 32)).toBe(false);
  expect(withinJsonDepth(`${'['.repeat(32)}${']'.repeat(32)}`, 32)).toBe(true);
});
