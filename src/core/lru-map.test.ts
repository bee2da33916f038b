import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LruMap } from './lru-map.js';

describe('LruMap', () => {
  it('drops the least recently written entry beyond its capacity', () => {
    const m = new LruMap<string, number>(2);
    m.set('a', 1);
    m.set('b', 2);
    m.set('c', 3);
    expect([m.get('a'), m.get('b'), m.get('c')]).toEqual([undefined, 2, 3]);
  });

  it('counts a read as a use, so a read entry outlives an unread older one', () => {
    const m = new LruMap<string, number>(2);
    m.set('a', 1);
    m.set('b', 2);
    expect(m.get('a')).toBe(1);
    m.set('c', 3);
    expect([m.get('b'), m.get('a'), m.get('c')]).toEqual([undefined, 1, 3]);
  });

  it('replaces a value in place without evicting anything', () => {
    const m = new LruMap<string, number>(2);
    m.set('a', 1);
    m.set('b', 2);
    m.set('a', 10);
    expect([m.get('a'), m.get('b')]).toEqual([10, 2]);
  });

  it('forgets a deleted entry, making room for another', () => {
    const m = new LruMap<string, number>(2);
    m.set('a', 1);
    m.set('b', 2);
    m.delete('a');
    m.set('c', 3);
    expect([m.get('a'), m.get('b'), m.get('c')]).toEqual([undefined, 2, 3]);
  });

  it('forgets everything when cleared', () => {
    const m = new LruMap<string, number>(2);
    m.set('a', 1);
    m.set('b', 2);
    m.clear();
    expect([m.get('a'), m.get('b')]).toEqual([undefined, undefined]);
  });

  it('refuses a capacity below one', () => {
    expect(() => new LruMap(0)).toThrow(RangeError);
  });
});

describe('LruMap against a list kept in order of use', () => {
  type Op = { kind: 'get' | 'set' | 'delete'; key: number; value: number } | { kind: 'clear' };
  const op = fc.oneof(
    fc.record({ kind: fc.constantFrom('get' as const, 'set' as const, 'delete' as const), key: fc.integer({ min: 0, max: 5 }), value: fc.integer() }),
    fc.constant({ kind: 'clear' as const }),
  );

  it('answers every read as the list does, whatever the order of reads, writes, deletes and clears', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(op, { maxLength: 60 }), (capacity, ops: Op[]) => {
        const m = new LruMap<number, number>(capacity);
        // Least recently used first.
        let list: [number, number][] = [];
        for (const o of ops) {
          if (o.kind === 'clear') {
            m.clear();
            list = [];
          } else if (o.kind === 'delete') {
            m.delete(o.key);
            list = list.filter(([k]) => k !== o.key);
          } else if (o.kind === 'set') {
            m.set(o.key, o.value);
            list = [...list.filter(([k]) => k !== o.key), [o.key, o.value]];
            if (list.length > capacity) list.shift();
          } else {
            const entry = list.find(([k]) => k === o.key);
            expect(m.get(o.key)).toBe(entry?.[1]);
            if (entry) list = [...list.filter(([k]) => k !== o.key), entry];
          }
        }
        for (const [k, v] of list) expect(m.get(k)).toBe(v);
      }),
    );
  });
});
