import { postedChatState } from '../core/chat/chat-state.js';
import { escapeMattermost, mattermostIncidentPost, type ButtonIntegration } from '../core/chat/mattermost-post.js';
import type { ChatUpdater } from '../engine/chat-sync.js';
import { mattermostActionToken } from '../security/mattermost-action-token.js';
import type { Channel, Message, SentRef } from './channel.js';
import { mattermostCall, type MattermostConfig } from './mattermost-api.js';

/** Where Mattermost sends a button press (routes/mattermost.ts). */
export const mattermostActionsPath = '/api/v1/integrations/mattermost/actions';

/**
 * Each button sends back its action, its incident, the chat state its post shows and the
 * token that proves Vigil made that combination: a press is acted on only while the
 * incident is still in that state.
 */
export function signedButtons(serverSecret: string, baseUrl: string, incidentId: string, state: string): ButtonIntegration {
  return (action) => ({ url: `${baseUrl}${mattermostActionsPath}`, context: { action, incidentId, state, token: mattermostActionToken(serverSecret, { action, incidentId, state }) } });
}

/** Posts one message to a Mattermost channel (POST /api/v4/posts) as the bot; a page's post id is returned. */
async function postTo(cfg: MattermostConfig, serverSecret: string, baseUrl: string, channelId: string, message: Message): Promise<SentRef | undefined> {
  const post = (body: Record<string, unknown>) => mattermostCall<{ id: string }>(cfg, 'POST', '/posts', { channel_id: channelId, ...body });
  if (message.verificationCode) {
    await post({ message: `Your Vigil verification code is ${message.verificationCode}. Enter it on your Vigil profile to page you here.` });
  } else if (message.notice) {
    await post({ message: `:calendar: ${escapeMattermost(message.notice.text)}` });
  } else if (message.incident) {
    const { incident } = message;
    const shown = { ...incident, status: 'triggered' as const, urgency: incident.urgency ?? 'high', acknowledgedBy: null, resolvedBy: null, escalation: incident.escalation ?? null };
    // The state the dispatcher records for this post (dispatcher.ts chatMessageOf).
    const answer = await post(mattermostIncidentPost(shown, signedButtons(serverSecret, baseUrl, incident.id, postedChatState(incident))));
    return { messageRef: answer.id };
  } else {
    await post({ message: 'Vigil test message: Vigil can page you here.' });
  }
  return undefined;
}

/**
 * Pages a Mattermost channel a policy step names, as the bot: the incident with its
 * buttons. The post's id is returned so the chat sync edits it as the incident changes.
 */
export function mattermostChannel(cfg: MattermostConfig, serverSecret: string, baseUrl: string): Channel {
  return { send: (message) => postTo(cfg, serverSecret, baseUrl, message.address, message) };
}

/**
 * Pages a Mattermost user in a direct message from the bot (the mattermost_dm contact
 * method; its address is the user's ID): the DM channel of the bot and the user
 * (POST /api/v4/channels/direct, which returns the existing one after the first time),
 * then the same post as a channel gets. The bot's own ID (GET /api/v4/users/me) is
 * asked once per process; a failed ask is asked again at the next page.
 */
export function mattermostDirectChannel(cfg: MattermostConfig, serverSecret: string, baseUrl: string): Channel {
  let me: Promise<string> | null = null;
  const botUserId = () => {
    const asked = (me ??= mattermostCall<{ id: string }>(cfg, 'GET', '/users/me').then((user) => user.id));
    asked.catch(() => void (me = null));
    return asked;
  };
  return {
    async send(message) {
      const direct = await mattermostCall<{ id: string }>(cfg, 'POST', '/channels/direct', [await botUserId(), message.address]);
      return postTo(cfg, serverSecret, baseUrl, direct.id, message);
    },
  };
}

/** Edits a posted page in place (PUT /api/v4/posts/{id}/patch) to show its incident as it is now, its buttons signed for that state. */
export function mattermostUpdater(cfg: MattermostConfig, serverSecret: string, baseUrl: string): ChatUpdater {
  return async (message, incident, state) => {
    await mattermostCall(cfg, 'PUT', `/posts/${encodeURIComponent(message.message_ref)}/patch`, mattermostIncidentPost(incident, signedButtons(serverSecret, baseUrl, incident.id, state)));
  };
}
