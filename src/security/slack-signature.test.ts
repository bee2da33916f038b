import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { slackSignature, verifySlackRequest } from './slack-signature.js';

// The worked example in Slack's "Verifying requests from Slack" (a slash command's form body).
const DOC_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const DOC_TIMESTAMP = '1531420618';
const DOC_BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const DOC_SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
const DOC_NOW = Number(DOC_TIMESTAMP) * 1000;

it("signs Slack's documented example to its documented signature", () => {
  expect(slackSignature(DOC_SECRET, DOC_TIMESTAMP, DOC_BODY)).toBe(DOC_SIGNATURE);
  expect(verifySlackRequest(DOC_SECRET, DOC_BODY, { signature: DOC_SIGNATURE, timestamp: DOC_TIMESTAMP }, DOC_NOW)).toEqual({ ok: true });
});

it('accepts five minutes either way of the clock and refuses a second more', () => {
  const headers = { signature: DOC_SIGNATURE, timestamp: DOC_TIMESTAMP };
  expect(verifySlackRequest(DOC_SECRET, DOC_BODY, headers, DOC_NOW + 300_000).ok).toBe(true);
  expect(verifySlackRequest(DOC_SECRET, DOC_BODY, headers, DOC_NOW - 300_000).ok).toBe(true);
  expect(verifySlackRequest(DOC_SECRET, DOC_BODY, headers, DOC_NOW + 301_000)).toEqual({ ok: false, reason: 'stale' });
  expect(verifySlackRequest(DOC_SECRET, DOC_BODY, headers, DOC_NOW - 301_000)).toEqual({ ok: false, reason: 'stale' });
});

it('refuses another body, another secret, a moved timestamp, and missing or malformed headers', () => {
  const check = (body: string, signature: string | undefined, timestamp: string | undefined, secret = DOC_SECRET) =>
    verifySlackRequest(secret, body, { signature, timestamp }, DOC_NOW);
  expect(check(`${DOC_BODY}&text=ack`, DOC_SIGNATURE, DOC_TIMESTAMP)).toEqual({ ok: false, reason: 'mismatch' });
  expect(check(DOC_BODY, DOC_SIGNATURE, DOC_TIMESTAMP, 'another-secret')).toEqual({ ok: false, reason: 'mismatch' });
  expect(check(DOC_BODY, DOC_SIGNATURE, String(Number(DOC_TIMESTAMP) + 1))).toEqual({ ok: false, reason: 'mismatch' });
  expect(check(DOC_BODY, DOC_SIGNATURE.toUpperCase(), DOC_TIMESTAMP)).toEqual({ ok: false, reason: 'mismatch' });
  expect(check(DOC_BODY, 'v0=abc', DOC_TIMESTAMP)).toEqual({ ok: false, reason: 'mismatch' });
  expect(check(DOC_BODY, undefined, DOC_TIMESTAMP)).toEqual({ ok: false, reason: 'missing' });
  expect(check(DOC_BODY, DOC_SIGNATURE, undefined)).toEqual({ ok: false, reason: 'missing' });
  for (const bad of ['', '1531420618.5', '-1531420618', ' 1531420618', '0x5B4779CA']) expect(check(DOC_BODY, DOC_SIGNATURE, bad).ok).toBe(false);
});

it('accepts what Slack would sign, computed independently, for any body', () => {
  fc.assert(
    fc.property(fc.string({ minLength: 1 }), fc.string(), fc.integer({ min: 0, max: 2 ** 33 }), (secret, body, seconds) => {
      const signature = `v0=${createHmac('sha256', secret).update(`v0:${seconds}:${body}`).digest('hex')}`;
      expect(verifySlackRequest(secret, body, { signature, timestamp: String(seconds) }, seconds * 1000).ok).toBe(true);
    }),
  );
});
