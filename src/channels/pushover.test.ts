import { describe, expect, it } from 'vitest';
import type { Message } from './channel.js';
import { parsePushoverAddress, pushoverAddress, pushoverFields } from './pushover.js';

const KEY = 'uQiRzpo4DXghDmr9QzzfQu27cmVRsG';
const base: Message = { idempotencyKey: 'k', address: KEY, incident: null, bundle: null, recipientId: 'u1', recipientName: 'Alice' };
const incident = { id: 'i1', title: 'Checkout slow', description: '', status: 'triggered', monitorName: 'Shop', url: 'https://vigil/incidents/i1' };

describe('Pushover messages', () => {
  it('pages high urgency (and unknown) at emergency priority, repeating every minute for an hour, low at normal', () => {
    const fieldsOf = (urgency?: 'high' | 'low') => pushoverFields({ ...base, incident: { ...incident, urgency } });
    expect(fieldsOf('high')).toEqual({
      title: 'Checkout slow (Shop)',
      message: 'Triggered: Checkout slow',
      url: incident.url,
      url_title: 'Open incident',
      priority: '2',
      retry: '60',
      expire: '3600',
    });
    expect(fieldsOf().priority).toBe('2');
    expect(fieldsOf('low')).toMatchObject({ priority: '0' });
    expect(fieldsOf('low').retry).toBeUndefined();
  });

  it('keeps within what Pushover accepts: 1,024 characters of message, 250 of title', () => {
    const long = pushoverFields({ ...base, incident: { ...incident, title: 't'.repeat(400), description: 'd'.repeat(3000) } });
    expect([long.title?.length, long.message?.length]).toEqual([250, 1024]);
    expect(long.message?.endsWith('…')).toBe(true);
  });

  it('sends codes, notices and tests at normal priority', () => {
    expect(pushoverFields({ ...base, verificationCode: '123456' })).toMatchObject({ title: 'Your Vigil verification code', priority: '0' });
    expect(pushoverFields({ ...base, verificationCode: '123456' }).message).toContain('123456');
    expect(pushoverFields({ ...base, notice: { subject: 'Your shift', text: 'starts at 9' } })).toEqual({ title: 'Your shift', message: 'starts at 9', priority: '0' });
    expect(pushoverFields(base)).toMatchObject({ title: 'Vigil test notification', priority: '0' });
  });
});

describe('Pushover addresses', () => {
  it('are a user key, optionally with one device name', () => {
    expect([KEY, `${KEY}:pixel-7`, `${KEY}:my_iPhone`].every((a) => pushoverAddress.test(a))).toBe(true);
    expect([KEY.slice(1), `${KEY}x`, `${KEY}:`, `${KEY}:two words`, `${KEY}:${'d'.repeat(26)}`, `${KEY.slice(0, 29)}!`].some((a) => pushoverAddress.test(a))).toBe(false);
    expect(parsePushoverAddress(`${KEY}:pixel`)).toEqual({ user: KEY, device: 'pixel' });
    expect(parsePushoverAddress(KEY)).toEqual({ user: KEY, device: null });
  });
});
