import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRules, ruleProblems } from './compile-rules.js';
import { evaluateRules, fillTemplate } from './evaluate-rules.js';
import { fieldValue } from './field-value.js';
import type { EventRule } from './types.js';

const pd = {
  routing_key: 'k',
  event_action: 'trigger',
  payload: { summary: 'Disk 95% on db-1', source: 'db-1', severity: 'warning', custom_details: { region: 'eu-west-1', free_gb: 3, 'k8s.io/app': 'pg' } },
};
const run = (rules: EventRule[], event: unknown = pd) => evaluateRules(compileRules(rules), event);

describe('fieldValue', () => {
  it('reads dotted paths, numbers as text, and keys that have dots in them', () => {
    expect(fieldValue(pd, 'payload.severity')).toBe('warning');
    expect(fieldValue(pd, 'payload.custom_details.free_gb')).toBe('3');
    expect(fieldValue(pd, 'payload.custom_details.k8s.io/app')).toBe('pg');
    expect(fieldValue(pd, 'payload.custom_details')).toBeUndefined();
    expect(fieldValue(pd, 'payload.nope.deeper')).toBeUndefined();
    expect(fieldValue(null, 'a')).toBeUndefined();
  });
});

describe('evaluateRules', () => {
  it('equals, contains (any case), matches and exists', () => {
    const rule = (when: EventRule['when']): EventRule[] => [{ id: 'r', when, then: { urgency: 'low' } }];
    expect(run(rule([{ field: 'payload.severity', op: 'equals', value: 'warning' }])).matched).toEqual(['r']);
    expect(run(rule([{ field: 'payload.severity', op: 'equals', value: 'Warning' }])).matched).toEqual([]);
    expect(run(rule([{ field: 'payload.summary', op: 'contains', value: 'DISK' }])).matched).toEqual(['r']);
    expect(run(rule([{ field: 'payload.source', op: 'matches', pattern: '^db-\\d+$' }])).matched).toEqual(['r']);
    expect(run(rule([{ field: 'payload.custom_details.region', op: 'exists' }])).matched).toEqual(['r']);
    expect(run(rule([{ field: 'payload.custom_details.zone', op: 'exists' }])).matched).toEqual([]);
    // Every condition must hold.
    expect(run(rule([{ field: 'payload.severity', op: 'equals', value: 'warning' }, { field: 'payload.source', op: 'equals', value: 'db-2' }])).matched).toEqual([]);
    expect(run(rule([])).matched).toEqual(['r']);
  });

  it('the first match decides; a rule that continues lets later ones fill in the rest', () => {
    const rules: EventRule[] = [
      { id: 'eu', when: [{ field: 'payload.custom_details.region', op: 'matches', pattern: '^eu-' }], then: { policyId: 'eu-policy', dedupKey: '{{payload.source}}/disk' }, continue: true },
      { id: 'warn', when: [{ field: 'payload.severity', op: 'equals', value: 'warning' }], then: { urgency: 'low', policyId: 'other', title: '[{{payload.custom_details.region}}] {{payload.summary}}' } },
      { id: 'never', when: [], then: { drop: true } },
    ];
    expect(run(rules)).toEqual({
      matched: ['eu', 'warn'],
      actions: { policyId: 'eu-policy', dedupKey: 'db-1/disk', urgency: 'low', title: '[eu-west-1] Disk 95% on db-1' },
    });
  });

  it('names the rule that suppressed: the first to say suppress, unless an earlier one said not to', () => {
    const quiet = (id: string, suppress: boolean): EventRule => ({ id, when: [], then: { suppress }, continue: true });
    expect(run([quiet('a', true), quiet('b', true)])).toMatchObject({ actions: { suppress: true }, suppressedBy: 'a' });
    expect(run([{ id: 'u', when: [], then: { urgency: 'low' }, continue: true }, quiet('b', true)]).suppressedBy).toBe('b');
    expect(run([quiet('a', false), quiet('b', true)])).toEqual({ actions: { suppress: false }, matched: ['a', 'b'] });
  });

  it('templates leave missing fields empty and are cut to the field limits', () => {
    expect(fillTemplate('{{ payload.source }}:{{payload.none}}', pd, 100)).toBe('db-1:');
    const long = run([{ id: 't', when: [], then: { title: 'x'.repeat(600), dedupKey: '{{payload.summary}}'.repeat(20) } }]).actions;
    expect(long.title).toHaveLength(500);
    expect(long.dedupKey?.length).toBeLessThanOrEqual(255);
  });

  it('never throws, whatever the event, and only matches rules that exist, in order (property)', () => {
    const condition = fc.oneof(
      fc.record({ field: fc.constantFrom('a', 'a.b', 'payload.severity', 'x.y.z'), op: fc.constant('equals' as const), value: fc.string() }),
      fc.record({ field: fc.constantFrom('a', 'a.b', 'payload.summary'), op: fc.constant('contains' as const), value: fc.string({ maxLength: 3 }) }),
      fc.record({ field: fc.constantFrom('a', 'a.b'), op: fc.constant('exists' as const) }),
      fc.record({ field: fc.constantFrom('a', 'a.b'), op: fc.constant('matches' as const), pattern: fc.constantFrom('^x', '\\d+', 'b$') }),
    );
    const rules = fc.array(
      fc.record({ id: fc.uuid(), when: fc.array(condition, { maxLength: 3 }), then: fc.record({ urgency: fc.constantFrom('high' as const, 'low' as const) }), continue: fc.boolean() }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(rules, fc.jsonValue(), (list, event) => {
        const outcome = evaluateRules(compileRules(list), event);
        const ids = list.map((r) => r.id);
        const positions = outcome.matched.map((id) => ids.indexOf(id));
        expect(positions.every((p) => p >= 0)).toBe(true);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        // Only a rule that continues is followed by another match.
        outcome.matched.slice(0, -1).forEach((id) => expect(list.find((r) => r.id === id)?.continue).toBe(true));
        if (outcome.matched.length > 0) expect(outcome.actions.urgency).toBe(list.find((r) => r.id === outcome.matched[0])?.then.urgency);
      }),
    );
  });
});

describe('ruleProblems', () => {
  it('names patterns that do not compile or may take exponential time', () => {
    const rules: EventRule[] = [
      { id: 'ok', when: [{ field: 'a', op: 'matches', pattern: '^db-\\d+$' }], then: {} },
      { id: 'bad', when: [{ field: 'a', op: 'exists' }, { field: 'a', op: 'matches', pattern: '(' }], then: {} },
      { id: 'slow', when: [{ field: 'a', op: 'matches', pattern: '(a+)+$' }], then: {} },
    ];
    expect(ruleProblems(rules).map((p) => p.path)).toEqual(['[1].when[1].pattern', '[2].when[0].pattern']);
  });
});
