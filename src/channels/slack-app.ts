import { slackIncidentMessage } from '../core/chat/slack-blocks.js';
import { escapeSlack } from '../core/escape-markup.js';
import type { ChatUpdater } from '../engine/chat-sync.js';
import { DestinationRefused, type Channel, type SentRef } from './channel.js';
import { slackCall, type SlackConfig } from './slack-api.js';

/** A posted message's ref: the channel it landed in (a DM's D… id, not the member's) and its ts. */
const refOf = (channel: string, ts: string) => `${channel}/${ts}`;

function parseRef(ref: string): { channel: string; ts: string } {
  const [channel, ts] = ref.split('/');
  if (!channel || !ts) throw new DestinationRefused(`not a Slack message ref: ${ref}`);
  return { channel, ts };
}

/**
 * Pages through the Slack app with its bot token (chat.postMessage): to a channel a
 * policy step names, or to a member's direct messages (the address is then their member
 * ID, and Slack opens the DM). A page carries the incident's Block Kit message with its
 * buttons; its ref is returned so the chat sync edits it as the incident changes.
 */
export function slackAppChannel(cfg: SlackConfig): Channel {
  return {
    async send(message): Promise<SentRef | undefined> {
      const post = (body: Record<string, unknown>) => slackCall<{ channel: string; ts: string }>(cfg, 'chat.postMessage', { channel: message.address, unfurl_links: false, ...body });
      if (message.verificationCode) {
        await post({ text: `Your Vigil verification code is ${message.verificationCode}. Enter it on your Vigil profile to page you here.` });
      } else if (message.notice) {
        await post({ text: `:calendar: ${escapeSlack(message.notice.text)}` });
      } else if (message.incident) {
        const { incident } = message;
        const answer = await post(slackIncidentMessage({ ...incident, status: 'triggered', urgency: incident.urgency ?? 'high', acknowledgedBy: null, resolvedBy: null, escalation: incident.escalation ?? null }));
        return { messageRef: refOf(answer.channel, answer.ts) };
      } else {
        await post({ text: 'Vigil test message: Vigil can page you here.' });
      }
      return undefined;
    },
  };
}

/** Edits a posted page in place (chat.update) to show its incident as it is now. */
export function slackUpdater(cfg: SlackConfig): ChatUpdater {
  return async (message, incident) => {
    await slackCall(cfg, 'chat.update', { ...parseRef(message.message_ref), ...slackIncidentMessage(incident) });
  };
}
