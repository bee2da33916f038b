import safeRegex from 'safe-regex2';
import { pathParts } from './field-value.js';
import type { Condition, EventRule } from './types.js';

export interface RuleProblem {
  /** Dotted path inside the rule list, e.g. '[2].when[0].pattern'. */
  path: string;
  message: string;
}

const MAX_PATTERN = 500;

type Test = (value: string | undefined) => boolean;

/** A rule with its tests built once: regexes are compiled when the rules are saved, not per event. */
export interface CompiledRule {
  rule: EventRule;
  tests: { parts: string[]; test: Test }[];
}

function testOf(condition: Condition): Test {
  switch (condition.op) {
    case 'exists':
      return (v) => v !== undefined;
    case 'equals':
      return (v) => v === condition.value;
    case 'contains': {
      const needle = condition.value.toLowerCase();
      return (v) => v !== undefined && v.toLowerCase().includes(needle);
    }
    case 'matches': {
      const regex = new RegExp(condition.pattern, 'u');
      return (v) => v !== undefined && regex.test(v);
    }
  }
}

/**
 * Everything wrong with a rule list, so an API can answer 400 with paths. Patterns must
 * compile and must not backtrack catastrophically (nested repetition, checked with
 * safe-regex2): a rule runs on every event of an alert storm.
 */
export function ruleProblems(rules: EventRule[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  rules.forEach((rule, i) =>
    rule.when.forEach((condition, j) => {
      if (condition.op !== 'matches') return;
      const path = `[${i}].when[${j}].pattern`;
      if (condition.pattern.length > MAX_PATTERN) return problems.push({ path, message: `must be at most ${MAX_PATTERN} characters` });
      try {
        new RegExp(condition.pattern, 'u');
      } catch (error) {
        return problems.push({ path, message: `is not a regular expression: ${(error as Error).message}` });
      }
      if (!safeRegex(condition.pattern)) problems.push({ path, message: 'may take exponential time (nested repetition such as (a+)+): simplify it' });
      return undefined;
    }),
  );
  return problems;
}

/** Rules ready to run; call ruleProblems first (a bad pattern throws here). */
export function compileRules(rules: EventRule[]): CompiledRule[] {
  return rules.map((rule) => ({ rule, tests: rule.when.map((condition) => ({ parts: pathParts(condition.field), test: testOf(condition) })) }));
}
