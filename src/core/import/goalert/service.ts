import type { ImportNote } from '../report.js';
import type { MappedMonitor } from '../setup.js';
import type { GaIntegrationKey, GaService } from './types.js';

/**
 * The keys whose senders Vigil takes unchanged, bar the URL: Grafana's and Alertmanager's
 * own webhooks, which Vigil's grafana and alertmanager monitors read as GoAlert does.
 */
const SAME_SENDER = { grafana: 'grafana', prometheusAlertmanager: 'alertmanager' } as const;

/** The key a sender uses: the `token` of the key's URL, which GoAlert makes the key's id. */
export function tokenOf(key: GaIntegrationKey): string {
  try {
    return new URL(key.href).searchParams.get('token') ?? key.id;
  } catch {
    return key.id;
  }
}

/**
 * A service as monitors paging its escalation policy, one per integration key: Grafana and
 * Alertmanager keys keep their key (senders change only the URL); a generic key becomes a
 * generic webhook monitor with a new key, because GoAlert's generic API takes `summary`,
 * `details` and `action` under `?token=` where Vigil's takes `title`, `description` and
 * `action` under `?key=`, so its senders change anyway. Email, Site24x7 and universal keys
 * have no Vigil twin. A service with none of the others gets one webhook monitor with a new key.
 */
export function mapService(service: GaService): MappedMonitor[] {
  const subject = `service "${service.name}"`;
  const notes: ImportNote[] = [];
  const base = { policySourceId: service.escalationPolicyID, teamSourceId: null, urgency: 'high' as const };
  const usable = service.integrationKeys.filter((k) => {
    if (k.type === 'generic' || k.type in SAME_SENDER) return true;
    notes.push({ subject: `${subject} integration key "${k.name}"`, reason: `is of type ${k.type}, which Vigil has no monitor for: left out` });
    return false;
  });
  for (const k of usable) {
    if (k.type === 'grafana') {
      notes.push({ subject: `${subject} integration key "${k.name}"`, reason: "kept; Vigil reads Grafana alerting's webhook (an alerts list), where GoAlert also reads legacy (before Grafana 8) notifications: a legacy channel becomes a webhook contact point" });
    }
    if (k.type === 'generic') notes.push({ subject: `${subject} integration key "${k.name}"`, reason: "GoAlert's generic API and Vigil's webhook differ in URL and fields: a new Vigil key, and its senders change their requests" });
  }
  if (usable.length === 0) {
    notes.push({ subject, reason: 'has no generic, Grafana or Alertmanager key: its webhook monitor gets a new Vigil key' });
    return [{ ...base, sourceId: service.id, name: service.name.slice(0, 200), kind: 'generic', integrationKey: null, notes }];
  }
  return usable.map((k, n) => ({
    ...base,
    sourceId: usable.length === 1 ? service.id : `${service.id}/${k.id}`,
    name: (usable.length === 1 ? service.name : `${service.name} · ${k.name}`).slice(0, 200),
    kind: k.type === 'generic' ? 'generic' : SAME_SENDER[k.type as keyof typeof SAME_SENDER],
    integrationKey: k.type === 'generic' ? null : tokenOf(k),
    notes: n === 0 ? notes : [],
  }));
}
