import type { Condition, EventRule } from '../../api/eventRules';

export type Operator = Condition['op'];

export interface ConditionDraft {
  /** Identifies the row across removals: conditions have no id of their own. */
  key: number;
  field: string;
  op: Operator;
  /** The value to compare, or the pattern of `matches`; unused by `exists`. */
  value: string;
}

export interface RuleDraft {
  /** Identifies the card across reorders. */
  key: number;
  name: string;
  when: ConditionDraft[];
  /** '' leaves the urgency as the event and the monitor make it. */
  urgency: '' | 'high' | 'low';
  title: string;
  dedupKey: string;
  policyId: string | null;
  suppress: boolean;
  drop: boolean;
  continue: boolean;
}

let lastKey = 0;
const nextKey = () => (lastKey += 1);

export const newCondition = (): ConditionDraft => ({ key: nextKey(), field: '', op: 'equals', value: '' });

export const newRule = (name: string): RuleDraft => ({
  key: nextKey(),
  name,
  when: [newCondition()],
  urgency: '',
  title: '',
  dedupKey: '',
  policyId: null,
  suppress: false,
  drop: false,
  continue: false,
});

function conditionDraft(condition: Condition): ConditionDraft {
  const value = (condition.op === 'matches' ? condition.pattern : condition.op === 'exists' ? '' : condition.value) ?? '';
  return { key: nextKey(), field: condition.field, op: condition.op, value };
}

export function toDrafts(rules: EventRule[]): RuleDraft[] {
  return rules.map((rule) => ({
    key: nextKey(),
    name: rule.name,
    when: rule.when.map(conditionDraft),
    urgency: rule.then.urgency ?? '',
    title: rule.then.title ?? '',
    dedupKey: rule.then.dedupKey ?? '',
    policyId: rule.then.policyId ?? null,
    suppress: rule.then.suppress === true,
    drop: rule.then.drop === true,
    continue: rule.continue === true,
  }));
}

function conditionOf({ field, op, value }: ConditionDraft): Condition {
  switch (op) {
    case 'matches':
      return { field, op, pattern: value };
    case 'exists':
      return { field, op };
    default:
      return { field, op, value };
  }
}

/** The API's list: empty fields are actions not taken, so the rule leaves them as they were. */
export function toRules(drafts: RuleDraft[]): EventRule[] {
  return drafts.map((d) => ({
    name: d.name,
    when: d.when.map(conditionOf),
    // A dropped event has no incident: the other actions are hidden and not sent.
    then: d.drop ? { drop: true } : {
      ...(d.urgency !== '' && { urgency: d.urgency }),
      ...(d.title !== '' && { title: d.title }),
      ...(d.dedupKey !== '' && { dedupKey: d.dedupKey }),
      ...(d.policyId !== null && { policyId: d.policyId }),
      ...(d.suppress && { suppress: true }),
    },
    ...(d.continue && { continue: true }),
  }));
}

/** Whether the drafts say something other than the saved list (keys and untouched defaults aside). */
export const differs = (drafts: RuleDraft[], saved: EventRule[]): boolean => JSON.stringify(toRules(drafts)) !== JSON.stringify(toRules(toDrafts(saved)));

/** A name no rule of the list has yet: "Rule 3". */
export function freshName(drafts: RuleDraft[]): string {
  const taken = new Set(drafts.map((d) => d.name));
  let n = drafts.length + 1;
  while (taken.has(`Rule ${n}`)) n += 1;
  return `Rule ${n}`;
}

/** Moves the rule at index by one place; order decides which rule wins. */
export function moved<T>(items: T[], index: number, by: -1 | 1): T[] {
  const there = index + by;
  if (there < 0 || there >= items.length) return items;
  const next = [...items];
  [next[index], next[there]] = [next[there] as T, next[index] as T];
  return next;
}
