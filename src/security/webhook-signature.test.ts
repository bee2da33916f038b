import fc from 'fast-check';
import { expect, it } from 'vitest';
import { verifyWebhookSignature, webhookSignature } from './webhook-signature.js';

const key = 'k'.repeat(43);
const at = 1_780_000_000;

it('signs the timestamp and the body: t=<seconds>,v1=<hex>', () => {
  expect(webhookSignature(key, '{"a":1}', at)).toMatch(/^t=1780000000,v1=[0-9a-f]{64}$/);
});

it('verifies within five minutes either way and refuses a replay after that', () => {
  const header = webhookSignature(key, '{}', at);
  expect(verifyWebhookSignature(key, '{}', header, at + 300)).toBe(true);
  expect(verifyWebhookSignature(key, '{}', header, at - 300)).toBe(true);
  expect(verifyWebhookSignature(key, '{}', header, at + 301)).toBe(false);
});

it('refuses a moved timestamp, another body, another key and garbage', () => {
  const header = webhookSignature(key, '{}', at);
  expect(verifyWebhookSignature(key, '{}', header.replace(`t=${at}`, `t=${at + 60}`), at + 60)).toBe(false);
  expect(verifyWebhookSignature(key, '{ }', header, at)).toBe(false);
  expect(verifyWebhookSignature('other', '{}', header, at)).toBe(false);
  for (const bad of [undefined, '', 'sha256=abc', `t=${at}`, `t=x,v1=${'0'.repeat(64)}`]) expect(verifyWebhookSignature(key, '{}', bad, at)).toBe(false);
});

it('accepts exactly what it signed, for any body and time', () => {
  fc.assert(
    fc.property(fc.string(), fc.string(), fc.integer({ min: 0, max: 2 ** 40 }), (k, body, t) => {
      expect(verifyWebhookSignature(k, body, webhookSignature(k, body, t), t)).toBe(true);
      expect(verifyWebhookSignature(k, `${body}x`, webhookSignature(k, body, t), t)).toBe(false);
    }),
  );
});
