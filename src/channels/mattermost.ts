import { escapeMattermost, mattermostIncidentPost, type ButtonIntegration } from '../core/chat/mattermost-post.js';
import type { ChatUpdater } from '../engine/chat-sync.js';
import { mattermostActionToken } from '../security/mattermost-action-token.js';
import type { Channel, SentRef } from './channel.js';
import { mattermostCall, type MattermostConfig } from './mattermost-api.js';

/** Where Mattermost sends a button press (routes/mattermost.ts). */
export const mattermostActionsPath = '/api/v1/integrations/mattermost/actions';

/** Each button sends back its action, its incident and the token that proves Vigil made it. */
export function signedButtons(serverSecret: string, baseUrl: string, incidentId: string): ButtonIntegration {
  return (action) => ({ url: `${baseUrl}${mattermostActionsPath}`, context: { action, incidentId, token: mattermostActionToken(serverSecret, action, incidentId) } });
}

/**
 * Pages a Mattermost channel a policy step names, as the bot (POST /api/v4/posts): the
 * incident with its buttons. The post's id is returned so the chat sync edits it as the
 * incident changes.
 */
export function mattermostChannel(cfg: MattermostConfig, serverSecret: string, baseUrl: string): Channel {
  return {
    async send(message): Promise<SentRef | undefined> {
      const post = (body: Record<string, unknown>) => mattermostCall<{ id: string }>(cfg, 'POST', '/posts', { channel_id: message.address, ...body });
      if (message.notice) {
        await post({ message: `:calendar: ${escapeMattermost(message.notice.text)}` });
      } else if (message.incident) {
        const { incident } = message;
        const shown = { ...incident, status: 'triggered' as const, urgency: incident.urgency ?? 'high', acknowledgedBy: null, resolvedBy: null, escalation: incident.escalation ?? null };
        const answer = await post(mattermostIncidentPost(shown, signedButtons(serverSecret, baseUrl, incident.id)));
        return { messageRef: answer.id };
      } else {
        await post({ message: 'Vigil test message: Vigil can page this channel.' });
      }
      return undefined;
    },
  };
}

/** Edits a posted page in place (PUT /api/v4/posts/{id}/patch) to show its incident as it is now. */
export function mattermostUpdater(cfg: MattermostConfig, serverSecret: string, baseUrl: string): ChatUpdater {
  return async (message, incident) => {
    await mattermostCall(cfg, 'PUT', `/posts/${encodeURIComponent(message.message_ref)}/patch`, mattermostIncidentPost(incident, signedButtons(serverSecret, baseUrl, incident.id)));
  };
}
