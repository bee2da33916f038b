import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's window: a request signed more than five minutes from our clock is refused. */
export const SLACK_TOLERANCE_SECONDS = 300;

/** Slack's v0 signature of a request: `v0=` and the hex HMAC-SHA256 of `v0:<timestamp>:<raw body>`. */
export function slackSignature(signingSecret: string, timestamp: string, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export type SlackVerdict = { ok: true } | { ok: false; reason: 'missing' | 'stale' | 'mismatch' };

/**
 * Checks X-Slack-Signature and X-Slack-Request-Timestamp against the raw body, as Slack
 * documents: the timestamp (whole seconds) within five minutes of `nowMs` either way, then a
 * timing-safe compare. Replays inside the window are the caller's to refuse (it has the store).
 */
export function verifySlackRequest(
  signingSecret: string,
  body: string,
  headers: { signature: string | undefined; timestamp: string | undefined },
  nowMs: number,
): SlackVerdict {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp) return { ok: false, reason: 'missing' };
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowMs / 1000 - Number(timestamp)) > SLACK_TOLERANCE_SECONDS) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(slackSignature(signingSecret, timestamp, body));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? { ok: true } : { ok: false, reason: 'mismatch' };
}
