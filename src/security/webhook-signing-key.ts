import { createHmac } from 'node:crypto';

/**
 * The key a webhook's payloads are signed with. It is derived from the server secret and
 * the URL, so nothing extra is stored, every node agrees on it, and each endpoint has its
 * own: the receiver verifies X-Vigil-Signature with the key shown for its URL.
 */
export function webhookSigningKey(serverSecret: string, url: string): string {
  return createHmac('sha256', serverSecret).update(`webhook-signing:${url}`).digest('base64url');
}
