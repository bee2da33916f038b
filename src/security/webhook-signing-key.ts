import { createHmac } from 'node:crypto';
import { LruMap } from '../core/lru-map.js';

/**
 * The key a webhook's payloads are signed with. It is derived from the server secret and
 * the URL, so nothing extra is stored, every node agrees on it, and each endpoint has its
 * own: the receiver verifies X-Vigil-Signature with the key shown for its URL.
 */
export function webhookSigningKey(serverSecret: string, url: string): string {
  return createHmac('sha256', serverSecret).update(`webhook-signing:${url}`).digest('base64url');
}

/**
 * webhookSigningKey under one server secret, remembered for the `size` URLs used last:
 * every page is signed, and an alert storm sends thousands a second to a few URLs (deriving
 * the key for each was about 1 % of the main thread in the new-incidents benchmark).
 */
export function webhookSigningKeys(serverSecret: string, size = 1_000): (url: string) => string {
  const keys = new LruMap<string, string>(size);
  return (url) => {
    let key = keys.get(url);
    if (key === undefined) {
      key = webhookSigningKey(serverSecret, url);
      keys.set(url, key);
    }
    return key;
  };
}
