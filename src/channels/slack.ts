import type { Channel, Message } from './channel.js';
import { DeliveryError } from './channel.js';

/** Slack incoming webhook: one formatted message with a link to the incident. */
export function slackChannel(timeoutMs = 10_000): Channel {
  return {
    async send(message: Message) {
      const text = message.notice
        ? `:calendar: ${message.notice.text}`
        : message.incident
        ? `:rotating_light: *${message.incident.title}* (${message.incident.monitorName}) is ${message.incident.status}\n${message.incident.description}\n<${message.incident.url}|Open in Vigil>`
        : 'Vigil test notification: this channel works.';
      const res = await fetch(message.address, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
        signal: AbortSignal.timeout(timeoutMs),
      }).catch((err: unknown) => {
        throw new DeliveryError(`Slack unreachable: ${err instanceof Error ? err.message : String(err)}`);
      });
      await res.body?.cancel();
      if (!res.ok) throw new DeliveryError(`Slack answered HTTP ${res.status}`);
    },
  };
}
