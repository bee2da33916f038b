import { describe, expect, it } from 'vitest';
import { readRules, type RuleInput } from './read-rules.js';

describe('readRules', () => {
  it('reads conditions by their op and keeps continue only when given', () => {
    const input: RuleInput[] = [
      { name: 'a', when: [{ field: 'x', op: 'exists', value: 'ignored' }, { field: 'y', op: 'matches', pattern: '^db' }], then: { urgency: 'low' } },
      { name: 'b', when: [{ field: 'z', op: 'equals', value: 'v' }], then: {}, continue: true },
    ];
    expect(readRules(input)).toEqual({
      rules: [
        { name: 'a', when: [{ field: 'x', op: 'exists' }, { field: 'y', op: 'matches', pattern: '^db' }], then: { urgency: 'low' } },
        { name: 'b', when: [{ field: 'z', op: 'equals', value: 'v' }], then: {}, continue: true },
      ],
      problems: [],
    });
  });

  it('names every problem by its JSON pointer, in list order', () => {
    const input: RuleInput[] = [
      { name: 'same', when: [{ field: 'x', op: 'equals' }], then: {} },
      { name: 'ok', when: [], then: {} },
      { name: 'same', when: [{ field: 'x', op: 'matches' }], then: {} },
      { name: 'slow', when: [{ field: 'x', op: 'contains', value: 'a' }, { field: 'x', op: 'matches', pattern: '(a+)+$' }], then: {} },
      { name: 'broken', when: [{ field: 'x', op: 'matches', pattern: '(' }], then: {} },
    ];
    const { problems } = readRules(input);
    expect(problems.map((p) => p.path)).toEqual(['/0/when/0/value', '/2/name', '/2/when/0/pattern', '/3/when/1/pattern', '/4/when/0/pattern']);
    expect(problems[1]?.message).toContain('rule 1');
  });
});
