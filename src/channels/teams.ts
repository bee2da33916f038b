import type { DestinationPolicy } from '../core/destination-policy.js';
import { teamsIncidentCard, teamsMessage, teamsTestCard } from '../core/teams-card.js';
import { DeliveryError, DestinationRefused, type Channel, type Message } from './channel.js';
import { postOutbound } from './outbound-request.js';

/**
 * Microsoft Teams through a workflow webhook (Power Automate's "When a Teams webhook
 * request is received", then "Post card in a chat or channel"): one Adaptive Card per page,
 * answered 202. A 429 or 5xx is retried (after its Retry-After); any other refusal (a bad
 * card, a signature the workflow no longer takes, a deleted workflow: 400, 401, 403, 404)
 * fails the page at once, as no retry would change it, so the policy moves on. The URL's
 * sig parameter is the credential: it is never logged (errors name the status only).
 * The answer carries no message id, so a card cannot be edited later as Slack's are.
 */
export function teamsChannel(policy: DestinationPolicy): Channel {
  return {
    async send(message: Message) {
      const card = message.incident ? teamsIncidentCard(message.incident) : teamsTestCard();
      try {
        await postOutbound({ service: 'Teams workflow', url: message.address, headers: { 'content-type': 'application/json' }, body: JSON.stringify(teamsMessage(card)), policy });
      } catch (err) {
        // postOutbound's only DeliveryError that is neither refused nor the service failing is an HTTP 4xx answer.
        if (err instanceof DeliveryError && !(err instanceof DestinationRefused) && !err.destinationDown) throw new DestinationRefused(err.message);
        throw err;
      }
    },
  };
}
