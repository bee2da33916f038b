import type { DestinationPolicy } from '../core/destination-policy.js';
import { detailsBlocks } from '../core/chat/slack-blocks.js';
import { escapeSlack } from '../core/escape-markup.js';
import type { Channel, Message } from './channel.js';
import { postOutbound } from './outbound-request.js';

/**
 * Slack incoming webhook: one formatted message with a link to the incident. Text from
 * alerts and people is escaped, so an alert cannot ping <!channel> or dress up a link.
 * Slack ignores the Idempotency-Key header; a relay or proxy in between can drop repeats by it.
 */
export function slackChannel(policy: DestinationPolicy): Channel {
  return {
    async send(message: Message) {
      const incident = message.incident;
      const text = message.notice
        ? `:calendar: ${escapeSlack(message.notice.text)}`
        : incident
        ? `:rotating_light: *${escapeSlack(incident.title)}* (${escapeSlack(incident.monitorName)}) is ${incident.status}\n${escapeSlack(incident.description)}\n<${incident.url}|Open in Vigil>`
        : 'Vigil test notification: this channel works.';
      await postOutbound({
        service: 'Slack',
        url: message.address,
        headers: { 'content-type': 'application/json', 'idempotency-key': message.idempotencyKey },
        // The text stays whole for notifications and old clients; the blocks show it with the details.
        body: JSON.stringify(incident?.details && !message.notice ? { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }, ...detailsBlocks(incident.details)] } : { text }),
        policy,
      });
    },
  };
}
