import { fetch, interceptors, type Dispatcher } from 'undici';
import { dispatchCapped } from '../net/capped-response.js';
import { OriginPools } from '../net/origin-pools.js';
import type { DestinationPolicy } from '../core/destination-policy.js';
import { DestinationDeniedError, guardedConnector } from '../security/destination-guard.js';
import { DeliveryError, DestinationRefused, isServiceFailure } from './channel.js';

/**
 * Connection pools for every page sent over HTTP (webhooks, Slack, SMS/voice providers),
 * with short timeouts: a destination that does not connect in 3 s or answer in 8 s is
 * failing, and its page is retried later rather than holding a slot. Addresses users
 * enter (webhook, Slack) go through the pool of their destination policy; the one the
 * operator configured (Twilio's API URL) through the unguarded one.
 */
const timeouts = { headersTimeout: 8_000, bodyTimeout: 8_000 };
const MAX_ANSWER = 1024 * 1024;
// Redirects are followed as fetch() did when pages were sent with it; each hop connects
// through the same guarded connector, so a redirect to a denied address is refused.
const followRedirects = interceptors.redirect({ maxRedirections: 5 });
const operatorPools = new OriginPools({ connect: { timeout: 3_000 }, ...timeouts });
const guardedPools = new WeakMap<DestinationPolicy, OriginPools>();
const sendingDispatchers = new WeakMap<OriginPools, Dispatcher>();

function poolsFor(policy: DestinationPolicy | undefined): OriginPools {
  if (!policy) return operatorPools;
  let pools = guardedPools.get(policy);
  if (!pools) {
    pools = new OriginPools({ connect: guardedConnector(policy, { timeout: 3_000 }), ...timeouts });
    guardedPools.set(policy, pools);
  }
  return pools;
}

function sendingDispatcherFor(policy: DestinationPolicy | undefined): Dispatcher {
  const pools = poolsFor(policy);
  let dispatcher = sendingDispatchers.get(pools);
  if (!dispatcher) {
    dispatcher = pools.compose(followRedirects);
    sendingDispatchers.set(pools, dispatcher);
  }
  return dispatcher;
}

export interface OutboundRequest {
  /** Names the service in error messages: "webhook", "Slack", "Twilio". */
  service: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** For addresses users enter; absent for the operator's own configuration. */
  policy?: DestinationPolicy;
}

/** An answer whatever its status, for a caller that reads the service's own errors (Pushover's). */
export interface OutboundAnswer {
  status: number;
  text: string;
  /** The answer's Retry-After, as retryAfterMs reads it. */
  retryAfterMs: number | null;
}

/**
 * Sends a request and returns its answer; only getting none throws (DeliveryError, the
 * service down). Dispatched with a handler of our own rather than fetch() or request():
 * a page is one small POST, and fetch's WHATWG streams cost several times its CPU, and
 * request()'s body stream and abort signal a twentieth of the main thread in an alert
 * storm. An answer is read up to its first MiB (services answer a page in a few bytes).
 */
export async function exchangeOutbound({ service, url, method = 'POST', headers, body, policy }: Omit<OutboundRequest, 'body'> & { method?: 'GET' | 'POST' | 'PUT'; body?: string }): Promise<OutboundAnswer> {
  try {
    const answer = await dispatchCapped(sendingDispatcherFor(policy), new URL(url), { method, headers, ...(body !== undefined && { body }) }, { body: 'if-any', limit: MAX_ANSWER, deadlineMs: 10_000 });
    return { status: answer.status, text: answer.body ?? '', retryAfterMs: retryAfterMs(headerText(answer.headers['retry-after']), headerText(answer.headers['date'])) };
  } catch (err) {
    const denied = err instanceof DestinationDeniedError ? err : err instanceof Error && err.cause instanceof DestinationDeniedError ? err.cause : null;
    if (denied) throw new DestinationRefused(`${service} ${denied.message}`);
    const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
    throw new DeliveryError(`${service} unreachable: ${err instanceof Error ? err.message : String(err)}${cause}`, true);
  }
}

function headerText(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** POSTs and returns the response text; a failure throws DeliveryError saying whether the service itself is down. */
export async function postOutbound(request: OutboundRequest): Promise<string> {
  const { status, text, retryAfterMs: asked } = await exchangeOutbound(request);
  if (status < 200 || status > 299) throw new DeliveryError(`${request.service} answered HTTP ${status}${text && request.service === 'Twilio' ? `: ${text.slice(0, 200)}` : ''}`, isServiceFailure(status), asked);
  return text;
}

/**
 * Retry-After in seconds, or as an HTTP date measured from the answer's own Date (so
 * clocks apart do not matter), capped at an hour so a page is never parked for long.
 */
export function retryAfterMs(header: string | null, answeredAt: string | null): number | null {
  if (!header) return null;
  const ms = /^\d+$/.test(header.trim()) ? Number(header.trim()) * 1000 : Date.parse(header) - Date.parse(answeredAt ?? '');
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 3_600_000) : null;
}

/**
 * GETs a document a user pointed Vigil at (a calendar) through their destination policy,
 * and returns its text; a failure, an HTTP error, an answer over `maxBytes` or slower
 * than `timeoutMs` throws DeliveryError (DestinationRefused when the policy forbids it).
 */
export async function getOutboundText({ service, url, policy, maxBytes, timeoutMs }: { service: string; url: string; policy: DestinationPolicy; maxBytes: number; timeoutMs: number }): Promise<string> {
  const signal = AbortSignal.timeout(timeoutMs);
  const res = await fetch(url, { headers: { accept: 'text/calendar, */*;q=0.5' }, dispatcher: poolsFor(policy), signal }).catch((err: unknown) => {
    if (err instanceof Error && err.cause instanceof DestinationDeniedError) throw new DestinationRefused(`${service} ${err.cause.message}`);
    const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
    throw new DeliveryError(`${service} unreachable: ${err instanceof Error ? err.message : String(err)}${cause}`, true);
  });
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new DeliveryError(`${service} answered HTTP ${res.status}`, isServiceFailure(res.status));
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of res.body ?? []) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new DeliveryError(`${service} is larger than ${Math.round(maxBytes / 1_000_000)} MB`, false);
      chunks.push(chunk);
    }
  } catch (err) {
    await res.body?.cancel().catch(() => undefined);
    if (err instanceof DeliveryError) throw err;
    throw new DeliveryError(`${service} unreachable: ${err instanceof Error ? err.message : String(err)}`, true);
  }
  return Buffer.concat(chunks).toString('utf8');
}
