import { Agent, fetch } from 'undici';
import { DeliveryError, isServiceFailure } from './channel.js';

/**
 * One connection pool for every page sent over HTTP (webhooks, Slack, SMS/voice
 * providers), with short timeouts: a destination that does not connect in 3 s or answer
 * in 8 s is failing, and its page is retried later rather than holding a slot.
 */
const agent = new Agent({ connect: { timeout: 3_000 }, headersTimeout: 8_000, bodyTimeout: 8_000 });

export interface OutboundRequest {
  /** Names the service in error messages: "webhook", "Slack", "Twilio". */
  service: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** POSTs and returns the response text; a failure throws DeliveryError saying whether the service itself is down. */
export async function postOutbound({ service, url, headers, body }: OutboundRequest): Promise<string> {
  const res = await fetch(url, { method: 'POST', headers, body, dispatcher: agent, signal: AbortSignal.timeout(10_000) }).catch((err: unknown) => {
    const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
    throw new DeliveryError(`${service} unreachable: ${err instanceof Error ? err.message : String(err)}${cause}`, true);
  });
  const text = await res.text().catch(() => '');
  if (!res.ok) throw new DeliveryError(`${service} answered HTTP ${res.status}${text && service === 'Twilio' ? `: ${text.slice(0, 200)}` : ''}`, isServiceFailure(res.status));
  return text;
}
