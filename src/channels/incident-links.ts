import type { Clock } from '../kernel/clock.js';
import type { Config } from '../app/config.js';
import { signLink, type LinkAction } from '../security/signed-link.js';
import type { Message } from './channel.js';
import type { IncidentLinks } from './email.js';

/** Action links stay valid for a day: long enough for a page read late, short enough to expire. */
export const linkLifetimeMs = 24 * 3600 * 1000;

/** Builds the links a message carries: signed per recipient, so the action is theirs. */
export function incidentLinks(config: Pick<Config, 'baseUrl' | 'secret'>, clock: Clock): (message: Message) => IncidentLinks {
  return (message) => {
    const incident = message.incident;
    const view = incident ? `${config.baseUrl}/incidents/${incident.id}` : config.baseUrl;
    const link = (action: LinkAction) =>
      incident && message.recipientId
        ? `${config.baseUrl}/api/v1/incident-links?token=${signLink({ incidentId: incident.id, action, userId: message.recipientId, expiresAt: clock.now() + linkLifetimeMs }, config.secret)}`
        : null;
    return { view, acknowledge: link('acknowledge'), resolve: link('resolve') };
  };
}
