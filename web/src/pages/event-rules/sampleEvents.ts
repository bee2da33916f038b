/** What each sender's event looks like, as rules see it: a starting point for "Test with a sample event". */
const samples: Record<string, unknown> = {
  webhook: {
    action: 'trigger',
    title: 'Disk almost full on db-1',
    dedupKey: 'disk-db-1',
    severity: 'critical',
    details: { host: 'db-1', region: 'eu-west-1', usedPercent: '93' },
  },
  pagerduty: {
    event_action: 'trigger',
    dedup_key: 'disk-db-1',
    payload: {
      summary: 'Disk almost full on db-1',
      source: 'db-1',
      severity: 'critical',
      component: 'postgres',
      custom_details: { region: 'eu-west-1', usedPercent: '93' },
    },
  },
  alertmanager: {
    status: 'firing',
    labels: { alertname: 'DiskAlmostFull', instance: 'db-1:9100', severity: 'critical', team: 'platform' },
    annotations: { summary: 'Disk almost full on db-1' },
    fingerprint: '5a2d9c1e7b3f4a60',
    notification: { commonLabels: { team: 'platform' }, groupLabels: { alertname: 'DiskAlmostFull' }, externalURL: 'http://alertmanager:9093' },
  },
  grafana: {
    status: 'firing',
    labels: { alertname: 'Disk almost full', instance: 'db-1', severity: 'critical', team: 'platform' },
    annotations: { summary: 'Disk almost full on db-1' },
    fingerprint: '9e4b2f7c1d0a3b86',
    valueString: '[ var=\'A\' labels={instance=db-1} value=93 ]',
    notification: { commonLabels: { team: 'platform' }, groupLabels: { alertname: 'Disk almost full' }, externalURL: 'http://grafana:3000' },
  },
};

export const sampleEventText = (kind: string): string => JSON.stringify(samples[kind] ?? samples['webhook'], null, 2);
