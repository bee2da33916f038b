import { DeliveryError, DestinationRefused } from './channel.js';
import { postOutbound } from './outbound-request.js';

/** The Slack app an admin installed (VIGIL_SLACK_*): the Web API at apiUrl, a local fake in tests. */
export interface SlackConfig {
  /** xoxb-…: posts and edits messages, reads users. */
  botToken: string;
  /** Proves a request came from Slack (slack-in's verifier). */
  signingSecret: string;
  apiUrl: string;
}

/**
 * Slack's `error` codes that a later try may not get (https://api.slack.com/web#errors):
 * the others (channel_not_found, not_in_channel, invalid_auth, missing_scope…) need
 * someone to change the app or the channel, so the page fails at once saying which.
 */
const transient = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

/**
 * Calls a Web API method with a JSON body and returns its answer. Slack answers HTTP 200
 * with `ok: false` for most failures, and 429 with Retry-After when rate limited; both
 * become a DeliveryError the outbox (or the chat sync) handles like any channel's.
 */
export async function slackCall<T extends object>(cfg: SlackConfig, method: string, body: Record<string, unknown>): Promise<T & { ok: true }> {
  const text = await postOutbound({
    service: 'Slack',
    url: `${cfg.apiUrl}/${method}`,
    headers: { authorization: `Bearer ${cfg.botToken}`, 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  });
  let answer: { ok?: unknown; error?: unknown };
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    throw new DeliveryError(`Slack ${method} answered something other than JSON`, true);
  }
  if (answer.ok === true) return answer as T & { ok: true };
  const error = typeof answer.error === 'string' ? answer.error.slice(0, 100) : 'unknown_error';
  if (transient.has(error)) throw new DeliveryError(`Slack ${method} failed: ${error}`, true);
  throw new DestinationRefused(`Slack ${method} refused: ${error}`);
}
