import { describe, expect, it } from 'vitest';
import { deepFreeze } from './deep-freeze.js';

describe('deepFreeze', () => {
  it('freezes nested objects and arrays, so a mutation anywhere throws', () => {
    const value = deepFreeze({ steps: [{ targets: [{ kind: 'user', id: 'u1' }] }], name: 'Primary' });
    expect(() => value.steps.push({ targets: [] })).toThrow(TypeError);
    expect(() => {
      (value.steps[0]!.targets[0] as { id: string }).id = 'u2';
    }).toThrow(TypeError);
    expect(() => {
      (value as { name: string }).name = 'Other';
    }).toThrow(TypeError);
    expect(value.steps[0]!.targets[0]!.id).toBe('u1');
  });

  it('passes primitives and null through, and returns the value itself', () => {
    const object = { a: 1 };
    expect(deepFreeze(object)).toBe(object);
    expect(deepFreeze(null)).toBeNull();
    expect(deepFreeze(3)).toBe(3);
  });
});
