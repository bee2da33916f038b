import { Code, Stack, Text } from '@mantine/core';
import type { Integration } from '../../api/incidentTypes';

/** How a sender of this kind uses the integration URL and key. */
export function IntegrationHint({ kind, integration }: { kind: string; integration: Integration }) {
  const { integrationUrl: url, integrationKey: key } = integration;
  switch (kind) {
    case 'webhook':
      return (
        <Hint text="POST JSON to the URL; action is trigger (the default), acknowledge or resolve, and alerts with the same dedupKey share one incident.">
          {`curl -X POST -H 'Content-Type: application/json' \\\n  -d '{"action":"trigger","dedupKey":"disk-full","title":"Disk full on db-1"}' \\\n  '${url}'`}
        </Hint>
      );
    case 'pagerduty':
      return (
        <Hint text="Point any PagerDuty Events API v2 sender at this URL and use the key as its routing_key (integration key).">
          {`{"routing_key": "${key}", "event_action": "trigger",\n "payload": {"summary": "Disk full", "source": "db-1", "severity": "critical"}}`}
        </Hint>
      );
    case 'alertmanager':
      return (
        <Hint text="Add a receiver with this URL to alertmanager.yml and route alerts to it; resolved alerts resolve their incident.">
          {`receivers:\n  - name: vigil\n    webhook_configs:\n      - url: '${url}'\n        send_resolved: true`}
        </Hint>
      );
    case 'grafana':
      return <Hint text="In Grafana alerting, add a contact point of type Webhook with this URL (method POST) and use it in a notification policy." />;
    case 'heartbeat':
      return (
        <Hint text="Request the URL (GET or POST) from your cron job after each successful run; when a beat is late by more than the interval and grace, an incident opens, and the next beat resolves it.">
          {`curl -fsS -m 10 '${url}'`}
        </Hint>
      );
    default:
      return null;
  }
}

function Hint({ text, children }: { text: string; children?: string }) {
  return (
    <Stack gap={4} aria-label="Usage" role="note">
      <Text size="sm">{text}</Text>
      {children !== undefined && (
        <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {children}
        </Code>
      )}
    </Stack>
  );
}
