import type { ImportNote } from '../report.js';
import type { MappedMonitor } from '../setup.js';
import type { PdService } from './types.js';

/** Vigil's PagerDuty-compatible endpoint takes Events API v2 events. */
const EVENTS_V2 = 'events_api_v2_inbound_integration';

/**
 * A service as `pagerduty` monitors paging its escalation policy: one for each Events API v2
 * integration, keeping its key so senders change only the URL (one with a new key when it
 * has none). PagerDuty's severity-based urgency is Vigil's dynamic urgency.
 */
export function mapService(service: PdService): MappedMonitor[] {
  const subject = `service "${service.name}"`;
  const notes: ImportNote[] = [];
  for (const i of service.integrations) {
    if (i.type !== EVENTS_V2) notes.push({ subject: `${subject} integration "${i.name}"`, reason: `is a ${i.type}; Vigil's PagerDuty-compatible monitors take Events API v2 only: left out` });
  }
  const rule = service.incident_urgency_rule;
  let urgency: MappedMonitor['urgency'] = 'high';
  if (rule?.type === 'constant' && (rule.urgency === 'high' || rule.urgency === 'low')) urgency = rule.urgency;
  else if (rule?.type === 'constant' && rule.urgency === 'severity_based') urgency = 'dynamic';
  else if (rule !== undefined) notes.push({ subject, reason: `its urgency rule "${rule.type}" (e.g. support hours) has no Vigil equivalent: high urgency` });
  if (service.acknowledgement_timeout) notes.push({ subject, reason: `re-triggers ${service.acknowledgement_timeout} s after an acknowledgement: set the policy's ack timeout in Vigil` });
  if (service.auto_resolve_timeout) notes.push({ subject, reason: `auto-resolves after ${service.auto_resolve_timeout} s, which Vigil monitors do not` });
  const events = service.integrations.filter((i) => i.type === EVENTS_V2 && i.integration_key);
  const base = { kind: 'pagerduty' as const, policySourceId: service.escalation_policy.id, teamSourceId: service.teams[0]?.id ?? null, urgency };
  if (events.length === 0) {
    notes.push({ subject, reason: 'has no Events API v2 integration: its monitor gets a new Vigil key' });
    return [{ ...base, sourceId: service.id, name: service.name.slice(0, 200), integrationKey: null, notes }];
  }
  return events.map((i, n) => ({
    ...base,
    sourceId: events.length === 1 ? service.id : `${service.id}/${i.id}`,
    name: (events.length === 1 ? service.name : `${service.name} · ${i.name}`).slice(0, 200),
    integrationKey: i.integration_key ?? null,
    notes: n === 0 ? notes : [],
  }));
}
