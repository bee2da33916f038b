import type { PageChannel } from '../store/schema.js';

/**
 * What a page's delivery depends on. A webhook, Slack, Teams workflow or ntfy topic URL is its own endpoint (its own
 * circuit breaker and a few sends at a time) on a host shared with other URLs (a larger
 * cap, so one host is not flooded); email, SMS and voice go through the one configured
 * provider.
 */
export function destinationsOf(kind: PageChannel, address: string): { endpoint: string; host: string } {
  if (kind === 'webhook' || kind === 'slack' || kind === 'ntfy' || kind === 'teams') {
    try {
      const url = new URL(address);
      return { endpoint: `${kind}:${url.host}${url.pathname}`, host: `${kind}:${url.host}` };
    } catch {
      return { endpoint: `${kind}:${address}`, host: `${kind}:${address}` };
    }
  }
  // Each Telegram chat has its own flood limit; the bot's overall one is the provider's.
  if (kind === 'telegram') return { endpoint: `telegram:${address}`, host: kind };
  // The Slack app limits posts per channel; its workspace-wide limits are the provider's.
  if (kind === 'slack_channel' || kind === 'slack_dm') return { endpoint: `${kind}:${address}`, host: 'slack_app' };
  // Mattermost limits requests per bot token; each channel or DM is its own destination.
  if (kind === 'mattermost_channel' || kind === 'mattermost_dm') return { endpoint: `${kind}:${address}`, host: 'mattermost' };
  return { endpoint: kind, host: kind };
}
