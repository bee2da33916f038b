import { createHmac, timingSafeEqual } from 'node:crypto';

/** How old a signature a receiver should still accept; docs/NOTIFICATIONS.md tells receivers the same. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

const hmac = (key: string, timestamp: number, body: string) => createHmac('sha256', key).update(`${timestamp}.${body}`).digest('hex');

/**
 * The X-Vigil-Signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
 * Signing the timestamp with the body (as Stripe and Slack do) lets a receiver refuse a
 * captured delivery replayed later; `v1` names the scheme so a new one can be added beside it.
 */
export function webhookSignature(key: string, body: string, timestampSeconds: number): string {
  return `t=${timestampSeconds},v1=${hmac(key, timestampSeconds, body)}`;
}

/**
 * The receiver's check, as documented: the header parses, one v1 signature matches the raw
 * body under the key, and the timestamp is within the tolerance of the receiver's clock.
 */
export function verifyWebhookSignature(key: string, body: string, header: string | undefined, nowSeconds: number, toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS): boolean {
  const fields = (header ?? '').split(',').map((part) => part.split('=', 2) as [string, string?]);
  const timestamp = Number(fields.find(([name]) => name === 't')?.[1]);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(hmac(key, timestamp, body));
  return fields.some(([name, value]) => name === 'v1' && value !== undefined && value.length === expected.length && timingSafeEqual(Buffer.from(value), expected));
}
