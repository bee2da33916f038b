import type { MappedMonitor } from '../setup.js';
import type { GoIntegration } from './types.js';

/** OnCall integration types whose senders post what a Vigil monitor kind takes. */
const KINDS: Record<string, MappedMonitor['kind']> = { grafana: 'grafana', grafana_alerting: 'grafana', alertmanager: 'alertmanager', webhook: 'generic', formatted_webhook: 'generic' };

/**
 * An integration as a monitor paging its default route's chain, with a new key: OnCall's
 * token is part of its URL path (…/integrations/v1/<type>/<token>/), Vigil's a `?key=`, so
 * the senders change their URL anyway. Grafana and Alertmanager senders keep their
 * payloads; a webhook integration's senders post OnCall's free-form JSON, which Vigil's
 * generic webhook reads differently (reported). Other types have no Vigil monitor.
 */
export function mapIntegration(integration: GoIntegration): MappedMonitor | { subject: string; reason: string } {
  const subject = `integration "${integration.name}"`;
  const kind = KINDS[integration.type];
  if (!kind) return { subject, reason: `is of type ${integration.type}, which no Vigil monitor takes: not imported` };
  const chain = integration.default_route?.escalation_chain_id;
  if (!chain) return { subject, reason: 'its default route pages no escalation chain: not imported' };
  return {
    sourceId: integration.id,
    name: integration.name.slice(0, 200),
    kind,
    policySourceId: chain,
    teamSourceId: integration.team_id,
    integrationKey: null,
    urgency: 'high',
    notes:
      kind === 'generic'
        ? [{ subject, reason: "its senders post OnCall's webhook JSON; Vigil's generic webhook takes title, description, action and dedupKey: change their requests" }]
        : [],
  };
}
