import { smtpTransport } from './smtp-transport.js';
import type { DestinationPolicy } from '../core/destination-policy.js';
import { webhookSignature } from '../security/webhook-signature.js';
import { webhookSigningKeys } from '../security/webhook-signing-key.js';
import { DeliveryError } from './channel.js';
import { postOutbound } from './outbound-request.js';

export interface StatusEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The one-click unsubscribe URL (RFC 8058), for List-Unsubscribe; absent on a confirmation request. */
  unsubscribeUrl?: string;
  idempotencyKey: string;
}

/** How status page subscribers are reached: email needs SMTP (null without it), webhooks need nothing configured. */
export interface StatusDelivery {
  email: ((mail: StatusEmail) => Promise<void>) | null;
  /** POSTs JSON signed like every Vigil webhook (X-Vigil-Signature under the URL's key), through the destination policy. */
  webhook(url: string, body: string, idempotencyKey: string): Promise<void>;
  /** The key a receiver verifies X-Vigil-Signature with; its confirmation request tells it. */
  signingKey(url: string): string;
}

export function statusDelivery(c: { smtpUrl: string | undefined; emailFrom: string; secret: string; destinationPolicy: DestinationPolicy; now: () => number }): StatusDelivery {
  const transport = c.smtpUrl ? smtpTransport(c.smtpUrl) : null;
  const signingKey = webhookSigningKeys(c.secret);
  return {
    email:
      transport &&
      (async (mail) => {
        // RFC 8058: mail clients show an unsubscribe button that POSTs List-Unsubscribe=One-Click to the URL.
        const headers: Record<string, string> = { 'X-Vigil-Idempotency-Key': mail.idempotencyKey };
        if (mail.unsubscribeUrl) {
          headers['List-Unsubscribe'] = `<${mail.unsubscribeUrl}>`;
          headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
        }
        try {
          await transport.sendMail({ from: c.emailFrom, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers });
        } catch (err) {
          throw new DeliveryError(`SMTP: ${err instanceof Error ? err.message : String(err)}`, true);
        }
      }),
    async webhook(url, body, idempotencyKey) {
      const signature = webhookSignature(signingKey(url), body, Math.floor(c.now() / 1000));
      await postOutbound({
        service: 'webhook',
        url,
        headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey, 'x-vigil-signature': signature },
        body,
        policy: c.destinationPolicy,
      });
    },
    signingKey,
  };
}
