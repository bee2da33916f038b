import { ruleProblems, type RuleProblem } from './compile-rules.js';
import type { Condition, NamedRule, RuleActions } from './types.js';

/** A condition as an API takes it: one shape for every op, value or pattern as the op needs. */
export interface ConditionInput {
  field: string;
  op: Condition['op'];
  value?: string | undefined;
  pattern?: string | undefined;
}

export interface RuleInput {
  name: string;
  when: ConditionInput[];
  then: RuleActions;
  continue?: boolean | undefined;
}

/** '[2].when[0].pattern' as a JSON pointer: '/2/when/0/pattern'. */
const pointer = (path: string) => path.replace(/\[(\d+)\]/g, '/$1').replace(/\./g, '/');

function conditionOf({ field, op, value, pattern }: ConditionInput, path: string, problems: RuleProblem[]): Condition {
  if (op === 'exists') return { field, op };
  if (op === 'matches') {
    if (pattern === undefined) problems.push({ path: `${path}/pattern`, message: 'is required for matches' });
    return { field, op, pattern: pattern ?? '' };
  }
  if (value === undefined) problems.push({ path: `${path}/value`, message: `is required for ${op}` });
  return { field, op, value: value ?? '' };
}

/**
 * A rule list as saved, and everything wrong with it as JSON pointers into the list: a
 * condition without its value or pattern, a name used twice (timelines name rules), and
 * the patterns ruleProblems refuses.
 */
export function readRules(input: RuleInput[]): { rules: NamedRule[]; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  const firstNamed = new Map<string, number>();
  const rules = input.map((rule, i): NamedRule => {
    const earlier = firstNamed.get(rule.name);
    if (earlier === undefined) firstNamed.set(rule.name, i);
    else problems.push({ path: `/${i}/name`, message: `is the name of rule ${earlier + 1} too: names tell rules apart on timelines` });
    const when = rule.when.map((c, j) => conditionOf(c, `/${i}/when/${j}`, problems));
    return { name: rule.name, when, then: rule.then, ...(rule.continue !== undefined && { continue: rule.continue }) };
  });
  const patterns = ruleProblems(rules.map(({ name, ...rule }) => ({ id: name, ...rule }))).map((p) => ({ ...p, path: pointer(p.path) }));
  return { rules, problems: [...problems, ...patterns].sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true })) };
}
