import { DeliveryError, DestinationRefused, type Channel, type Message, type SentRef } from './channel.js';
import { exchangeOutbound } from './outbound-request.js';

/** Pushover's API (https://pushover.net/api) or a compatible one: the application's token and where to reach it. */
export interface PushoverConfig {
  appToken: string;
  apiUrl: string;
}

/**
 * A contact method's address: the user key Pushover shows its user (30 letters and
 * digits) and, after a colon, one of their device names to page only that device.
 */
export const pushoverAddress = /^[A-Za-z0-9]{30}(?::[A-Za-z0-9_-]{1,25})?$/;

export function parsePushoverAddress(address: string): { user: string; device: string | null } {
  const colon = address.indexOf(':');
  return colon === -1 ? { user: address, device: null } : { user: address.slice(0, colon), device: address.slice(colon + 1) };
}

/**
 * Emergency priority (2) repeats the alert, sound and all, every `retry` seconds until
 * someone acknowledges it in the app or `expire` seconds pass; Pushover asks for retry
 * ≥ 30 and expire ≤ 10,800. A minute apart for an hour: the escalation policy moves on
 * meanwhile anyway.
 */
export const EMERGENCY = { retry: 60, expire: 3600 } as const;

/** Pushover's own limits, in characters: longer fields are refused, not cut. */
const limits = { message: 1024, title: 250, url: 512, url_title: 100 } as const;
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The fields of one message to Pushover (without the token and user), from what Vigil says. */
export function pushoverFields(message: Message): Record<string, string> {
  const normal = (title: string, text: string) => ({ title: clip(title, limits.title), message: clip(text, limits.message), priority: '0' });
  if (message.notice) return normal(message.notice.subject, message.notice.text);
  if (message.verificationCode) {
    return normal('Your Vigil verification code', `Enter ${message.verificationCode} in Vigil to start receiving pages on this device. The code expires in 15 minutes.`);
  }
  const incident = message.incident;
  if (!incident) return normal('Vigil test notification', 'This Pushover key works: pages will arrive here.');
  const urgent = (incident.urgency ?? 'high') === 'high';
  return {
    title: clip(`${incident.title} (${incident.monitorName})`, limits.title),
    message: clip(`${incident.status === 'triggered' ? 'Triggered' : incident.status}: ${incident.description || incident.title}`, limits.message),
    url: incident.url.slice(0, limits.url),
    url_title: 'Open incident',
    // Acknowledging the alarm in the Pushover app acknowledges the incident (see service/pushover-receipts.ts).
    ...(urgent ? { priority: '2', retry: String(EMERGENCY.retry), expire: String(EMERGENCY.expire) } : { priority: '0' }),
  };
}

/** What Pushover says of an emergency message: whether and when it was acknowledged, and on which device. */
export interface PushoverReceipt {
  acknowledged: boolean;
  acknowledgedAt: number | null;
  acknowledgedByDevice: string | null;
  expired: boolean;
}

/**
 * Pushover's errors name fields, not values, but a key must never reach the log or the
 * timeline: anything shaped like one (30 letters and digits) is masked all the same.
 */
const masked = (text: string) => text.replace(/[A-Za-z0-9]{30}/g, '…');

/**
 * One call to Pushover. Its answers carry `status: 1`, or `status: 0` with `errors`:
 * a 4xx says the request itself is wrong (a bad key, a device the user does not have)
 * and must not be repeated, so it is refused for good; 429 (the application's monthly
 * limit) and 5xx are the service failing, retried by the caller with backoff.
 */
async function call(cfg: PushoverConfig, method: 'GET' | 'POST', path: string, fields: Record<string, string>): Promise<Record<string, unknown>> {
  const form = new URLSearchParams({ token: cfg.appToken, ...fields }).toString();
  const answer = await exchangeOutbound({
    service: 'Pushover',
    method,
    url: method === 'GET' ? `${cfg.apiUrl}${path}?${form}` : `${cfg.apiUrl}${path}`,
    headers: method === 'GET' ? {} : { 'content-type': 'application/x-www-form-urlencoded' },
    ...(method === 'POST' && { body: form }),
  });
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(answer.text) as Record<string, unknown>;
  } catch {
    // A proxy's HTML error page: the status says enough.
  }
  if (answer.status >= 200 && answer.status < 300 && body['status'] === 1) return body;
  const errors = Array.isArray(body['errors']) ? body['errors'].filter((e) => typeof e === 'string').map(masked).join('; ') : '';
  const what = `Pushover answered HTTP ${answer.status}${errors ? `: ${errors}` : ''}`;
  if (answer.status >= 400 && answer.status < 500 && answer.status !== 429) throw new DestinationRefused(what);
  throw new DeliveryError(what, true, answer.retryAfterMs);
}

/** Pushover's API as Vigil uses it. */
export interface PushoverApi {
  /** Sends one message; an emergency one answers with its receipt. */
  send(user: string, device: string | null, fields: Record<string, string>): Promise<{ receipt: string | null }>;
  /** Whether Pushover knows the key (and the device), before a code is sent to it. */
  validate(user: string, device: string | null): Promise<void>;
  receipt(receipt: string): Promise<PushoverReceipt>;
  /** Stops an emergency message's repeats. */
  cancel(receipt: string): Promise<void>;
}

const receiptFormat = /^[A-Za-z0-9]{30}$/;

export function pushoverApi(cfg: PushoverConfig): PushoverApi {
  const target = (user: string, device: string | null) => ({ user, ...(device !== null && { device }) });
  const checked = (receipt: string) => {
    // It goes into a URL path: only what Pushover issues.
    if (!receiptFormat.test(receipt)) throw new DestinationRefused('not a Pushover receipt');
    return receipt;
  };
  return {
    async send(user, device, fields) {
      const body = await call(cfg, 'POST', '/1/messages.json', { ...target(user, device), ...fields });
      return { receipt: typeof body['receipt'] === 'string' ? body['receipt'] : null };
    },
    async validate(user, device) {
      await call(cfg, 'POST', '/1/users/validate.json', target(user, device));
    },
    async receipt(receipt) {
      const body = await call(cfg, 'GET', `/1/receipts/${checked(receipt)}.json`, {});
      const at = Number(body['acknowledged_at']);
      const device = body['acknowledged_by_device'];
      return {
        acknowledged: body['acknowledged'] === 1,
        acknowledgedAt: at > 0 ? at * 1000 : null,
        acknowledgedByDevice: typeof device === 'string' && device !== '' ? device : null,
        expired: body['expired'] === 1,
      };
    },
    async cancel(receipt) {
      await call(cfg, 'POST', `/1/receipts/${checked(receipt)}/cancel.json`, {});
    },
  };
}

/**
 * Pushover as a contact method: one message per page to the user's key (or one of
 * their devices). A high-urgency page goes at emergency priority, which alarms until
 * acknowledged in the app; its receipt is returned so that the acknowledgement can be
 * read back (service/pushover-receipts.ts) and the alarm cancelled once the incident is
 * acknowledged elsewhere. Pushover has no idempotency key: a page retried after a lost
 * answer may show twice.
 */
export function pushoverChannel(api: PushoverApi): Channel {
  return {
    async send(message: Message): Promise<SentRef | undefined> {
      const { user, device } = parsePushoverAddress(message.address);
      const { receipt } = await api.send(user, device, pushoverFields(message));
      return receipt === null ? undefined : { messageRef: receipt };
    },
  };
}

/**
 * The chat sync's updater for an emergency page: once its incident is acknowledged or
 * resolved, however that happened, the alarm still repeating on the phone is cancelled.
 * A receipt Pushover no longer knows (expired) is refused, and left alone.
 */
export function pushoverAlarmStopper(api: PushoverApi): (message: { message_ref: string }, incident: { status: string }) => Promise<void> {
  return async (message, incident) => {
    if (incident.status !== 'triggered') await api.cancel(message.message_ref);
  };
}
