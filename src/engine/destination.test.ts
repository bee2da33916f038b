import { describe, expect, it } from 'vitest';
import { destinationsOf } from './destination.js';
import { backoffDelay } from './backoff.js';

describe('destinationsOf', () => {
  it('isolates webhooks and Slack by URL within their host, and providers by channel', () => {
    expect(destinationsOf('webhook', 'https://hooks.example.com/a?x=1')).toEqual({ endpoint: 'webhook:hooks.example.com/a', host: 'webhook:hooks.example.com' });
    expect(destinationsOf('webhook', 'https://hooks.example.com:8443/b').host).toBe('webhook:hooks.example.com:8443');
    expect(destinationsOf('slack', 'https://hooks.slack.com/services/T/B/X')).toEqual({ endpoint: 'slack:hooks.slack.com/services/T/B/X', host: 'slack:hooks.slack.com' });
    expect(destinationsOf('sms', '+15550100')).toEqual({ endpoint: 'sms', host: 'sms' });
    expect(destinationsOf('email', 'a@example.com')).toEqual({ endpoint: 'email', host: 'email' });
  });
});

describe('backoffDelay', () => {
  it('doubles from 200 ms and never exceeds its cap', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map((n) => backoffDelay(n))).toEqual([200, 400, 800, 1600, 3000, 3000, 3000]);
    expect(backoffDelay(10, 1000)).toBe(1000);
  });
});
