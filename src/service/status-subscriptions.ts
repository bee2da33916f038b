import type { Logger } from 'pino';
import type { StatusDelivery } from '../channels/status-delivery.js';
import { escapeMarkup } from '../core/escape-markup.js';
import { HOUR } from '../core/time/units.js';
import { newConfirmToken } from '../security/status-subscription-token.js';
import type { Database } from '../store/database.js';
import type { StatusSubscriberKind } from '../store/schema.js';
import { requestSubscription } from '../store/status-subscribers.js';
import { statusLinks } from './status-notices.js';

/** How long a confirmation link works. */
export const CONFIRM_TTL = 48 * HOUR;

export interface SubscriptionDeps {
  database: Database;
  delivery: StatusDelivery;
  logger: Logger;
  baseUrl: string;
}

/**
 * Asks an address to confirm it wants a page's updates (double opt-in). An email gets a
 * link; a webhook gets a signed POST carrying the link and its signing key, and is
 * confirmed only when someone who reads what it receives opens that link: answering 2xx
 * proves nothing (any server does), reading the body proves control.
 *
 * The request is sent after this returns, so the caller's answer takes the same time
 * whether the address was new, waiting or already confirmed (then nothing is sent).
 */
export async function requestConfirmation(deps: SubscriptionDeps, page: { id: string; name: string; slug: string }, kind: StatusSubscriberKind, address: string, now: number): Promise<void> {
  const { token, hash } = newConfirmToken();
  const id = await requestSubscription(deps.database.db, { pageId: page.id, kind, address, confirmHash: hash, confirmExpiresAt: now + CONFIRM_TTL, now });
  if (id === null) return;
  const confirmUrl = statusLinks(deps.baseUrl, page.slug).confirm(token);
  const idempotencyKey = `status-confirm:${id}:${now}`;
  void sendConfirmation(deps, page, kind, address, confirmUrl, idempotencyKey).catch((err: unknown) => {
    deps.logger.warn({ pageId: page.id, kind, err: err instanceof Error ? err.message : String(err) }, 'status page subscription confirmation could not be sent');
  });
}

async function sendConfirmation(deps: SubscriptionDeps, page: { name: string; slug: string }, kind: StatusSubscriberKind, address: string, confirmUrl: string, idempotencyKey: string): Promise<void> {
  if (kind === 'webhook') {
    const body = JSON.stringify({
      type: 'status.subscription_confirmation',
      idempotencyKey,
      page: { name: page.name, slug: page.slug },
      confirmUrl,
      // Later notices are signed with this key (X-Vigil-Signature): the receiver keeps it.
      signingKey: deps.delivery.signingKey(address),
      message: `Open confirmUrl within 48 hours to receive ${page.name} status updates here.`,
    });
    await deps.delivery.webhook(address, body, idempotencyKey);
    return;
  }
  if (!deps.delivery.email) throw new Error('no SMTP server is configured');
  const text = `Confirm that you want ${page.name} status updates at this address:\n\n${confirmUrl}\n\nThe link works for 48 hours. If you did not ask for this, ignore this email: nothing will be sent.`;
  await deps.delivery.email({
    to: address,
    subject: `Confirm your subscription to ${page.name} status updates`,
    text,
    html: `<p>Confirm that you want <b>${escapeMarkup(page.name)}</b> status updates at this address:</p><p><a href="${escapeMarkup(confirmUrl)}">Confirm subscription</a></p><p>The link works for 48 hours. If you did not ask for this, ignore this email: nothing will be sent.</p>`,
    idempotencyKey,
  });
}
