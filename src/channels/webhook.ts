import type { DestinationPolicy } from '../core/destination-policy.js';
import { webhookSignature } from '../security/webhook-signature.js';
import type { Channel, Message } from './channel.js';
import { postOutbound } from './outbound-request.js';

/**
 * JSON webhook. The send time and body are signed with HMAC-SHA256 under the URL's own
 * key (X-Vigil-Signature: t=<unix seconds>,v1=<hex>) and the body carries the idempotency
 * key, also sent as Idempotency-Key, so receivers can verify the sender, refuse a replay
 * and drop a repeated delivery. `now` is the injected clock's.
 */
export function webhookChannel(signingKeyFor: (url: string) => string, policy: DestinationPolicy, now: () => number): Channel {
  return {
    async send(message: Message) {
      // The payload's incident is the one ESCALATION.md documents: the step a chat message shows is not in it.
      const incident = message.incident && { ...message.incident, escalation: undefined };
      const body = JSON.stringify({
        type: message.notice ? 'notice' : message.incident ? 'incident.notification' : 'test.notification',
        idempotencyKey: message.idempotencyKey,
        recipient: message.recipientName,
        incident,
        ...(message.notice && { notice: message.notice }),
      });
      const signature = webhookSignature(signingKeyFor(message.address), body, Math.floor(now() / 1000));
      await postOutbound({
        service: 'webhook',
        url: message.address,
        headers: { 'content-type': 'application/json', 'idempotency-key': message.idempotencyKey, 'x-vigil-signature': signature },
        body,
        policy,
      });
    },
  };
}
