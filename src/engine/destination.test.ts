import { describe, expect, it } from 'vitest';
import { destinationsOf } from './destination.js';
import { backoffDelay } from './backoff.js';

describe('destinationsOf', () => {
  it('isolates webhooks and Slack by URL within their host, and providers by channel', () => {
    expect(destinationsOf('webhook', 'https://hooks.example.com/a?x=1')).toEqual({ endpoint: 'webhook:hooks.example.com/a', host: 'webhook:hooks.example.com' });
    expect(destinationsOf('webhook', 'https://hooks.example.com:8443/b').host).toBe('webhook:hooks.example.com:8443');
    expect(destinationsOf('slack', 'https://hooks.slack.com/services/T/B/X')).toEqual({ endpoint: 'slack:hooks.slack.com/services/T/B/X', host: 'slack:hooks.slack.com' });
    // A Teams workflow's sig (the query) is no part of its endpoint: nothing secret in a gate's name.
    expect(destinationsOf('teams', 'https://prod-1.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=s3cret')).toEqual({
      endpoint: 'teams:prod-1.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke',
      host: 'teams:prod-1.westeurope.logic.azure.com',
    });
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
