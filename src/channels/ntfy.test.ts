import { describe, expect, it } from 'vitest';
import type { Message } from './channel.js';
import { ntfyPublication, ntfyTopicUrl } from './ntfy.js';
import { retryAfterMs } from './outbound-request.js';

const base: Message = { idempotencyKey: 'k', address: 'https://push.example.com/ntfy/ops-alice', incident: null, bundle: null, recipientId: 'u1', recipientName: 'Alice' };
const incident = { id: 'i1', title: 'Checkout slow', description: '', status: 'triggered', monitorName: 'Shop', url: 'https://vigil/incidents/i1' };

describe('ntfy publication', () => {
  it('publishes at the root of a server under a path, with the topic in the body', () => {
    const { rootUrl, body } = ntfyPublication(base.address, base);
    expect(rootUrl).toBe('https://push.example.com/ntfy/');
    expect(body).toMatchObject({ topic: 'ops-alice', title: 'Vigil test notification', priority: 3 });
  });

  it('maps urgency to priority 5 or 3, high when unknown, and opens the incident', () => {
    const priorityOf = (urgency?: 'high' | 'low') => ntfyPublication(base.address, { ...base, incident: { ...incident, urgency } }).body.priority;
    expect([priorityOf('high'), priorityOf('low'), priorityOf()]).toEqual([5, 3, 5]);
    const { body } = ntfyPublication(base.address, { ...base, incident });
    expect(body.message).toBe('Triggered: Checkout slow');
    expect(body).toMatchObject({ click: incident.url, actions: [{ action: 'view', label: 'Open incident', url: incident.url, clear: true }] });
  });

  it('accepts topic URLs ntfy accepts and nothing else', () => {
    expect(['https://ntfy.sh/my_topic-1', 'http://10.0.0.5:8080/alerts', 'https://h/a/b/c'].every((u) => ntfyTopicUrl.test(u))).toBe(true);
    expect(['https://ntfy.sh/', 'https://ntfy.sh', 'https://ntfy.sh/bad topic', 'https://ntfy.sh/a?x=1', `https://ntfy.sh/${'a'.repeat(65)}`].some((u) => ntfyTopicUrl.test(u))).toBe(false);
  });
});

describe('Retry-After', () => {
  it('reads seconds or a date against the answer’s own Date, capped at an hour', () => {
    expect(retryAfterMs('120', null)).toBe(120_000);
    expect(retryAfterMs('Tue, 01 Dec 2026 08:10:00 GMT', 'Tue, 01 Dec 2026 08:09:30 GMT')).toBe(30_000);
    expect(retryAfterMs('86400', null)).toBe(3_600_000);
    expect([retryAfterMs(null, null), retryAfterMs('soon', null), retryAfterMs('0', null)]).toEqual([null, null, null]);
  });
});

describe('ntfy message size', () => {
  it('stays under ntfy’s 4,096 bytes however long and wide the description', () => {
    const { body } = ntfyPublication(base.address, { ...base, incident: { ...incident, description: '🔥'.repeat(5000) } });
    expect(Buffer.byteLength(String(body.message))).toBeLessThan(4096);
  });
});
