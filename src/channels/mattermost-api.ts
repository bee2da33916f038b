import { DeliveryError, DestinationRefused, isServiceFailure } from './channel.js';
import { exchangeOutbound } from './outbound-request.js';

/** The Mattermost server Vigil posts to (VIGIL_MATTERMOST_*): its bot account's token, the slash command's. */
export interface MattermostConfig {
  /** https://chat.example.com: the API is under /api/v4. */
  url: string;
  /** A bot account's personal access token: posts and edits messages, reads users. */
  botToken: string;
  /** The `/vigil` slash command's token; without it the command endpoint refuses everything. */
  commandToken?: string | undefined;
}

/**
 * Calls the REST API (https://api.mattermost.com) as the bot and returns its JSON answer.
 * A 429 (with Retry-After), a 5xx or no answer may pass on a later try; any other refusal
 * (a 403 when the bot is not in the channel, a 404 for a deleted channel) needs someone
 * to change the bot or the policy, so the page fails at once saying which.
 */
export async function mattermostCall<T>(cfg: MattermostConfig, method: 'GET' | 'POST' | 'PUT', path: string, body?: object): Promise<T> {
  const { status, text, retryAfterMs } = await exchangeOutbound({
    service: 'Mattermost',
    url: `${cfg.url}/api/v4${path}`,
    method,
    headers: { authorization: `Bearer ${cfg.botToken}`, ...(body && { 'content-type': 'application/json' }) },
    ...(body && { body: JSON.stringify(body) }),
  });
  if (status < 200 || status > 299) {
    // Mattermost explains in `id` (api.context.permissions.app_error…), never with secrets.
    const id = /"id"\s*:\s*"([\w.]{1,100})"/.exec(text)?.[1];
    const why = `Mattermost ${method} ${path.split('/')[1] ?? ''} answered HTTP ${status}${id ? ` (${id})` : ''}`;
    if (isServiceFailure(status)) throw new DeliveryError(why, true, retryAfterMs);
    throw new DestinationRefused(why);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new DeliveryError(`Mattermost ${method} answered something other than JSON`, true);
  }
}
