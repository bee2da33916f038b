import { fetch } from 'undici';
import { OriginPools } from '../net/origin-pools.js';
import { DeliveryError, DestinationRefused } from './channel.js';

export interface TelegramConfig {
  /** The bot's token from @BotFather (123456:ABC…): it is in every API URL, so never logged. */
  botToken: string;
  /** What Telegram sends back in X-Telegram-Bot-Api-Secret-Token (setWebhook's secret_token). */
  webhookSecret: string;
  /** https://api.telegram.org, or a local Bot API server. */
  apiUrl: string;
}

/** The operator's own configuration, like Twilio's API URL: no destination policy, short timeouts. */
const pools = new OriginPools({ connect: { timeout: 3_000 }, headersTimeout: 8_000, bodyTimeout: 8_000 });

interface BotApiAnswer {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

/** Telegram's flood control asks for seconds; more than an hour is not worth holding a page for. */
const MAX_RETRY_AFTER_MS = 3_600_000;

/**
 * Calls one Bot API method (https://core.telegram.org/bots/api#making-requests) and
 * returns its result. Errors say what Telegram said without the URL, which holds the
 * token: a 429 carries its retry_after, a 403 (the person blocked the bot) or a 400
 * (no such chat, a message Telegram will not take) is final, since no retry changes it.
 */
export async function callBotApi(cfg: TelegramConfig, method: string, payload: Record<string, unknown>): Promise<unknown> {
  const res = await fetch(`${cfg.apiUrl}/bot${cfg.botToken}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
    dispatcher: pools,
    signal: AbortSignal.timeout(10_000),
  }).catch((err: unknown) => {
    // undici's messages name the host, never the path with the token.
    const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
    throw new DeliveryError(`Telegram unreachable: ${err instanceof Error ? err.message : String(err)}${cause}`, true);
  });
  const answer = (await res.json().catch(() => null)) as BotApiAnswer | null;
  if (res.ok && answer?.ok) return answer.result;
  const code = answer?.error_code ?? res.status;
  const said = `Telegram answered ${code}${answer?.description ? `: ${answer.description.slice(0, 200)}` : ''}`;
  if (code === 429) {
    const seconds = answer?.parameters?.retry_after;
    throw new DeliveryError(said, true, typeof seconds === 'number' && seconds > 0 ? Math.min(seconds * 1000, MAX_RETRY_AFTER_MS) : null);
  }
  if (code === 400 || code === 403) throw new DestinationRefused(said);
  throw new DeliveryError(said, code >= 500);
}

/** A 400 Telegram answers an edit that would change nothing: the message already shows it. */
export const isNotModified = (err: unknown) => err instanceof DestinationRefused && /message is not modified/.test(err.message);

/**
 * The bot's @username, for t.me deep links: asked once with getMe and kept, since it
 * changes only when the bot is renamed (then a restart picks it up).
 */
export function botUsername(cfg: TelegramConfig): () => Promise<string> {
  let known: Promise<string> | null = null;
  return () => {
    if (!known) {
      known = callBotApi(cfg, 'getMe', {}).then((me) => {
        const username = (me as { username?: unknown } | null)?.username;
        if (typeof username !== 'string') throw new DeliveryError('Telegram getMe returned no username');
        return username;
      });
      // A failed lookup is asked again next time.
      known.catch(() => (known = null));
    }
    return known;
  };
}
