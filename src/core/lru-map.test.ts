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

  it('holds entries up to a total weight; one heavier than that is not kept and pushes out nothing', () => {
    const m = new LruMap<string, string>(10, (_key, value) => value.length);
    m.set('a', 'xxxx');
    m.set('b', 'xxxx');
    m.set('c', 'xx');
    expect([m.get('a'), m.get('b'), m.get('c')]).toEqual(['xxxx', 'xxxx', 'xx']);
    m.set('d', 'xxxx'); // 14 > 10: the least recently used (a) goes
    expect([m.get('a'), m.get('b'), m.get('c'), m.get('d')]).toEqual([undefined, 'xxxx', 'xx', 'xxxx']);
    m.set('e', 'x'.repeat(11));
    expect([m.get('e'), m.get('b'), m.get('c'), m.get('d')]).toEqual([undefined, 'xxxx', 'xx', 'xxxx']);
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
      fc.property(fc.integer({ min: 1, max: 6 }), fc.boolean(), fc.array(op, { maxLength: 60 }), (capacity, weighted, ops: Op[]) => {
        // Weighted, a key weighs 1 to 3 (key 5 weighs 3, more than a capacity of 1 or 2 holds).
        const weigh = (key: number) => (weighted ? (key % 3) + 1 : 1);
        const m = weighted ? new LruMap<number, number>(capacity, weigh) : new LruMap<number, number>(capacity);
        const weight = () => list.reduce((sum, [k]) => sum + weigh(k), 0);
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
            list = [...list.filter(([k]) => k !== o.key), ...(weigh(o.key) <= capacity ? [[o.key, o.value] as [number, number]] : [])];
            while (weight() > capacity) list.shift();
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
