import type { Urgency } from '../escalation/urgency.js';

/**
 * One test on an event field, named by its dotted path in the event as sent (e.g.
 * `payload.severity`, `labels.team`, `details.region`).
 */
export type Condition =
  | { field: string; op: 'equals'; value: string }
  | { field: string; op: 'contains'; value: string }
  | { field: string; op: 'matches'; pattern: string }
  | { field: string; op: 'exists' };

/** What a matching rule does to the event. Titles and dedup keys may use {{field.path}}. */
export interface RuleActions {
  urgency?: Urgency;
  title?: string;
  dedupKey?: string;
  /** Page through this escalation policy instead of the monitor's. */
  policyId?: string;
  /** Record the incident, page nobody. */
  suppress?: boolean;
  /** Discard the event. */
  drop?: boolean;
}

export interface EventRule {
  id: string;
  /** Every condition must hold; none: every event. */
  when: Condition[];
  then: RuleActions;
  /** Look on after a match: later matches fill in only what is not set yet. */
  continue?: boolean;
}

/** A rule as people write and save it: its name is what dry-runs and timelines show. */
export type NamedRule = Omit<EventRule, 'id'> & { name: string };

/** What the rules made of an event: the actions to apply and the rules that matched, in order. */
export interface RuleOutcome {
  actions: RuleActions;
  matched: string[];
  /** The rule that suppressed the event, for the incident to say why nobody was paged. */
  suppressedBy?: string;
}
