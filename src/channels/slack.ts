import type { Channel, Message } from './channel.js';
import { postOutbound } from './outbound-request.js';

/**
 * Slack incoming webhook: one formatted message with a link to the incident. Slack
 * ignores the Idempotency-Key header; a relay or proxy in between can drop repeats by it.
 */
export function slackChannel(): Channel {
  return {
    async send(message: Message) {
      const text = message.notice
        ? `:calendar: ${message.notice.text}`
        : message.incident
        ? `:rotating_light: *${message.incident.title}* (${message.incident.monitorName}) is ${message.incident.status}\n${message.incident.description}\n<${message.incident.url}|Open in Vigil>`
        : 'Vigil test notification: this channel works.';
      await postOutbound({
        service: 'Slack',
        url: message.address,
        headers: { 'content-type': 'application/json', 'idempotency-key': message.idempotencyKey },
        body: JSON.stringify({ text }),
      });
    },
  };
}
