import type { CompiledRule } from './compile-rules.js';
import { fieldValue } from './field-value.js';
import type { RuleActions, RuleOutcome } from './types.js';

const TITLE_MAX = 500;
const DEDUP_KEY_MAX = 255;

/** `{{path}}` in a template, replaced by that event field (empty when absent). */
export function fillTemplate(template: string, event: unknown, max: number): string {
  return template.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (_, path: string) => fieldValue(event, path) ?? '').slice(0, max);
}

function holds(tests: CompiledRule['tests'], event: unknown): boolean {
  for (const { parts, test } of tests) if (!test(fieldValue(event, parts))) return false;
  return true;
}

/**
 * Runs the rules in order on one event. The first match decides, unless it says to
 * continue: then later matches fill in only the actions still unset. Templates are
 * filled from the event. Pure: the same rules and event always give the same outcome.
 */
export function evaluateRules(rules: CompiledRule[], event: unknown): RuleOutcome {
  const actions: RuleActions = {};
  const matched: string[] = [];
  let suppressedBy: string | undefined;
  for (const { rule, tests } of rules) {
    if (!holds(tests, event)) continue;
    matched.push(rule.id);
    const then = rule.then;
    if (actions.suppress === undefined && then.suppress === true) suppressedBy = rule.id;
    actions.urgency ??= then.urgency;
    actions.policyId ??= then.policyId;
    actions.suppress ??= then.suppress;
    actions.drop ??= then.drop;
    if (actions.title === undefined && then.title !== undefined) actions.title = fillTemplate(then.title, event, TITLE_MAX);
    if (actions.dedupKey === undefined && then.dedupKey !== undefined) actions.dedupKey = fillTemplate(then.dedupKey, event, DEDUP_KEY_MAX);
    if (!rule.continue) break;
  }
  // Unset actions are left out, so an outcome compares and serialises as what it does.
  const set = Object.fromEntries(Object.entries(actions).filter(([, v]) => v !== undefined)) as RuleActions;
  return { actions: set, matched, ...(suppressedBy !== undefined && { suppressedBy }) };
}
