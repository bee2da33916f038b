// Event rules on the ingest path: 50 rules of every kind of condition (equals, contains,
// a regex, exists; one to three conditions each) over PagerDuty-shaped events with custom
// details. Measured per event, for events that match the first rule, one in the middle,
// the last, and none (every rule tested). Goal: at most 50 µs per event at 50 rules.
import { performance } from 'node:perf_hooks';
import { compileRules } from '../src/core/event-rules/compile-rules.js';
import { evaluateRules } from '../src/core/event-rules/evaluate-rules.js';
import type { Condition, EventRule } from '../src/core/event-rules/types.js';

const RULES = 50;
const EVENTS = 20_000;
const ROUNDS = 7;
const GOAL_US = 50;
const SERVICES = ['checkout', 'search', 'payments', 'auth', 'db', 'queue', 'cdn', 'mail'];

export function rules(): EventRule[] {
  return Array.from({ length: RULES }, (_, i) => {
    const service = SERVICES[i % SERVICES.length] as string;
    const kinds: Condition[] = [
      { field: 'payload.custom_details.service', op: 'equals', value: `${service}-${i}` },
      { field: 'payload.summary', op: 'contains', value: `marker ${i} ` },
      { field: 'payload.source', op: 'matches', pattern: `^${service}-\\d+\\.rule${i}\\.example$` },
      { field: `payload.custom_details.flag_${i}`, op: 'exists' },
    ];
    return {
      id: `rule-${i}`,
      when: kinds.slice(i % 4, (i % 4) + 1 + (i % 3)),
      then: { urgency: i % 2 ? 'low' : 'high', title: `[{{payload.custom_details.service}}] {{payload.summary}}`, dedupKey: '{{payload.source}}/{{payload.custom_details.check}}' },
    };
  });
}

/** An event that matches rule `target` (by meeting its every condition), or none when null. */
export function event(n: number, target: number | null, list: EventRule[]) {
  const service = SERVICES[n % SERVICES.length] as string;
  const custom: Record<string, unknown> = { service: `${service}-x`, check: `check-${n % 97}`, region: 'eu-west-1', free_gb: n % 50 };
  const payload: Record<string, unknown> = { summary: `Alert ${n} on ${service}`, source: `${service}-${n % 13}.nowhere.example`, severity: 'critical', custom_details: custom };
  for (const c of target === null ? [] : (list[target] as EventRule).when) {
    if (c.op === 'equals') custom['service'] = c.value;
    if (c.op === 'contains') payload['summary'] = `${payload['summary'] as string} ${c.value}end`;
    if (c.op === 'matches') payload['source'] = `${service}-${n % 13}.rule${target}.example`.replace(/^[a-z]+/, c.pattern.slice(1).split('-')[0] as string);
    if (c.op === 'exists') custom[c.field.split('.').at(-1) as string] = true;
  }
  return { routing_key: 'k', event_action: 'trigger', payload };
}

function perEventMicros(compiled: ReturnType<typeof compileRules>, events: unknown[]): number {
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = performance.now();
    for (const e of events) evaluateRules(compiled, e);
    rounds.push(((performance.now() - start) * 1000) / events.length);
  }
  return Number((rounds.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)] as number).toFixed(2));
}

export async function run(): Promise<object> {
  const list = rules();
  const compiled = compileRules(list);
  const cases: Record<string, number | null> = { firstRule: 0, middleRule: 25, lastRule: RULES - 1, noRule: null };
  const results: Record<string, { matchedAs: string | null; microsPerEvent: number }> = {};
  for (const [name, target] of Object.entries(cases)) {
    const events = Array.from({ length: EVENTS }, (_, n) => event(n, target, list));
    const probe = evaluateRules(compiled, events[0]).matched[0] ?? null;
    results[name] = { matchedAs: probe, microsPerEvent: perEventMicros(compiled, events) };
  }
  return { rules: RULES, events: EVENTS, rounds: ROUNDS, goalMicros: GOAL_US, ...results };
}
