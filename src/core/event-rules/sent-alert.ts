import { urgencyOfSeverity, type Urgency } from '../escalation/urgency.js';
import { indexableKey } from '../indexable-key.js';
import { fieldValue, pathParts } from './field-value.js';
import type { RuleOutcome } from './types.js';

/** The senders whose events rules run on, each with its own event shape. */
export const ruledKinds = ['webhook', 'pagerduty', 'alertmanager', 'grafana'] as const;
export type RuledKind = (typeof ruledKinds)[number];

export const isRuledKind = (kind: string): kind is RuledKind => (ruledKinds as readonly string[]).includes(kind);

/** What an event says before any rule: its title, its sender's dedup key (if any) and its urgency hint. */
export interface SentAlert {
  title: string;
  dedupKey: string | undefined;
  urgency: Urgency | undefined;
}

/** A stable key for an Alertmanager or Grafana alert without a fingerprint: its label set, sorted. */
export const labelKey = (labels: Record<string, string>): string =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');

/** An Alertmanager or Grafana alert's dedup key: its fingerprint, else its label set (a digest when long). */
export const alertKey = (fingerprint: string | undefined, labels: Record<string, string>): string => fingerprint ?? indexableKey(labelKey(labels));

/** A reader of one field as text, its path split once: every event of a storm is read. */
const reader = (path: string) => {
  const parts = pathParts(path);
  return (event: unknown): string | undefined => fieldValue(event, parts);
};
const webhook = { title: reader('title'), dedupKey: reader('dedupKey'), urgency: reader('urgency'), severity: reader('severity') };
const pagerDuty = { summary: reader('payload.summary'), dedupKey: reader('dedup_key'), severity: reader('payload.severity') };
const alertmanager = {
  summary: reader('annotations.summary'),
  alertname: reader('labels.alertname'),
  fingerprint: reader('fingerprint'),
  urgency: reader('labels.urgency'),
  severity: reader('labels.severity'),
};

/**
 * The alert a trigger event describes, as each sender puts it: the generic webhook's
 * body, a PagerDuty event, or one alert of an Alertmanager or Grafana notification.
 * Anything missing or oddly typed reads as absent: an event is never refused here.
 */
export function sentAlert(kind: RuledKind, event: unknown): SentAlert {
  switch (kind) {
    case 'webhook':
      return { title: webhook.title(event) ?? '', dedupKey: webhook.dedupKey(event), urgency: urgencyOfSeverity(webhook.urgency(event)) ?? urgencyOfSeverity(webhook.severity(event)) };
    case 'pagerduty':
      return { title: pagerDuty.summary(event) ?? '', dedupKey: pagerDuty.dedupKey(event), urgency: urgencyOfSeverity(pagerDuty.severity(event)) };
    case 'alertmanager':
    case 'grafana': {
      const record = typeof event === 'object' && event !== null ? (event as Record<string, unknown>) : {};
      const labels = typeof record['labels'] === 'object' && record['labels'] !== null ? (record['labels'] as Record<string, string>) : {};
      return {
        title: alertmanager.summary(event) ?? alertmanager.alertname(event) ?? 'Alert',
        dedupKey: alertKey(alertmanager.fingerprint(event), labels),
        urgency: urgencyOfSeverity(alertmanager.urgency(event)) ?? urgencyOfSeverity(alertmanager.severity(event)),
      };
    }
  }
}

/** What the rules made of a trigger: the alert to raise, or dropped. */
export interface RuledAlert {
  title: string;
  dedupKey: string | undefined;
  /** The rule's urgency, which beats the monitor's and the event's; undefined: as without rules. */
  urgency: Urgency | undefined;
  policyId: string | undefined;
  /** The name of the rule that suppressed it. */
  suppressedBy: string | undefined;
  dropped: boolean;
  matched: string[];
}

export function ruledAlert(sent: SentAlert, outcome: RuleOutcome): RuledAlert {
  const { actions } = outcome;
  return {
    // An empty template result keeps what the sender said, so no incident goes untitled or unkeyed.
    title: actions.title || sent.title,
    dedupKey: actions.dedupKey || sent.dedupKey,
    urgency: actions.urgency,
    policyId: actions.policyId,
    suppressedBy: actions.suppress === true ? outcome.suppressedBy : undefined,
    dropped: actions.drop === true,
    matched: outcome.matched,
  };
}
