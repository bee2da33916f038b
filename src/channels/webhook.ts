import { createHmac } from 'node:crypto';
import type { Channel, Message } from './channel.js';
import { postOutbound } from './outbound-request.js';

/**
 * JSON webhook. The body is signed with HMAC-SHA256 under the URL's own key (header
 * X-Vigil-Signature: sha256=<hex>) and carries the idempotency key, also sent as
 * Idempotency-Key, so receivers can verify the sender and drop a repeated delivery.
 */
export function webhookChannel(signingKeyFor: (url: string) => string): Channel {
  return {
    async send(message: Message) {
      const body = JSON.stringify({
        type: message.notice ? 'notice' : message.incident ? 'incident.notification' : 'test.notification',
        idempotencyKey: message.idempotencyKey,
        recipient: message.recipientName,
        incident: message.incident,
        ...(message.notice && { notice: message.notice }),
      });
      const signature = createHmac('sha256', signingKeyFor(message.address)).update(body).digest('hex');
      await postOutbound({
        service: 'webhook',
        url: message.address,
        headers: { 'content-type': 'application/json', 'idempotency-key': message.idempotencyKey, 'x-vigil-signature': `sha256=${signature}` },
        body,
      });
    },
  };
}
