import { describe, expect, it } from 'vitest';
import { ruledAlert, sentAlert } from './sent-alert.js';

describe('sentAlert', () => {
  it('reads each sender as Vigil always has', () => {
    expect(sentAlert('webhook', { title: 'Down', dedupKey: 'k', severity: 'warning' })).toEqual({ title: 'Down', dedupKey: 'k', urgency: 'low' });
    expect(sentAlert('webhook', { title: 'Down', urgency: 'high', severity: 'info' }).urgency).toBe('high');
    expect(sentAlert('pagerduty', { dedup_key: 'd', payload: { summary: 'Disk', severity: 'critical' } })).toEqual({ title: 'Disk', dedupKey: 'd', urgency: 'high' });
    expect(sentAlert('alertmanager', { labels: { b: '2', alertname: 'A', severity: 'warning' }, annotations: {} })).toEqual({ title: 'A', dedupKey: 'alertname=A,b=2,severity=warning', urgency: 'low' });
    expect(sentAlert('grafana', { fingerprint: 'f', labels: {}, annotations: { summary: 'S' } })).toEqual({ title: 'S', dedupKey: 'f', urgency: undefined });
  });

  it('reads anything odd as absent rather than refusing it', () => {
    expect(sentAlert('webhook', null)).toEqual({ title: '', dedupKey: undefined, urgency: undefined });
    expect(sentAlert('alertmanager', { labels: 'nope' })).toEqual({ title: 'Alert', dedupKey: '', urgency: undefined });
  });
});

describe('ruledAlert', () => {
  const sent = { title: 'Disk', dedupKey: 'k', urgency: 'high' as const };
  it('takes what the rules set, and keeps what the sender said where a template came out empty', () => {
    expect(ruledAlert(sent, { actions: {}, matched: [] })).toEqual({ ...sent, urgency: undefined, policyId: undefined, suppressedBy: undefined, dropped: false, matched: [] });
    expect(ruledAlert(sent, { actions: { title: '', dedupKey: 'db-1', urgency: 'low', policyId: 'p', suppress: true, drop: true }, matched: ['a'], suppressedBy: 'a' })).toEqual({
      title: 'Disk',
      dedupKey: 'db-1',
      urgency: 'low',
      policyId: 'p',
      suppressedBy: 'a',
      dropped: true,
      matched: ['a'],
    });
  });
});
