import type { DestinationPolicy } from '../core/destination-policy.js';
import type { Channel, Message } from './channel.js';
import { postOutbound } from './outbound-request.js';

/** ntfy's topic names: https://docs.ntfy.sh/publish/ (and the server's topic regex). */
export const ntfyTopicUrl = /^https?:\/\/[^/\s?#]+(?:\/[^\s?#]*)?\/[-_A-Za-z0-9]{1,64}$/;

/** ntfy priorities: 5 (max) breaks through do-not-disturb on phones set up for it, 3 is a normal notification. */
const priority = { high: 5, low: 3 } as const;

/** ntfy makes a message over 4,096 bytes an attachment: 1,000 characters stay under it even at 4 bytes each. */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The JSON ntfy accepts at its root URL for a topic URL (a server under a path keeps it). */
export function ntfyPublication(topicUrl: string, message: Message): { rootUrl: string; body: Record<string, unknown> } {
  const url = new URL(topicUrl);
  const slash = url.pathname.lastIndexOf('/');
  const rootUrl = `${url.origin}${url.pathname.slice(0, slash + 1)}`;
  const topic = url.pathname.slice(slash + 1);
  const incident = message.incident;
  if (message.notice) return { rootUrl, body: { topic, title: message.notice.subject, message: clip(message.notice.text, 1000), priority: 3, tags: ['calendar'] } };
  if (message.verificationCode) {
    return { rootUrl, body: { topic, title: 'Your Vigil verification code', message: `Enter ${message.verificationCode} in Vigil to start receiving pages on this topic. The code expires in 15 minutes.`, priority: 3 } };
  }
  if (!incident) return { rootUrl, body: { topic, title: 'Vigil test notification', message: 'This topic works: pages will arrive here.', priority: 3 } };
  return {
    rootUrl,
    body: {
      topic,
      title: clip(`${incident.title} (${incident.monitorName})`, 250),
      message: clip(`${incident.status === 'triggered' ? 'Triggered' : incident.status}: ${incident.description || incident.title}`, 1000),
      priority: priority[incident.urgency ?? 'high'],
      tags: ['rotating_light'],
      click: incident.url,
      // No Acknowledge button: its signed link would act for anyone who reads the topic
      // (on ntfy.sh the topic name is the only secret, and messages stay cached for hours).
      actions: [{ action: 'view', label: 'Open incident', url: incident.url, clear: true }],
    },
  };
}

/**
 * ntfy push (ntfy.sh or self-hosted): one JSON message per page, its priority from the
 * incident's urgency, opening the incident when tapped. A protected topic's access token
 * goes as a Bearer token. ntfy has no idempotency key: a page retried after a lost answer
 * may show twice, as with Slack.
 */
export function ntfyChannel(policy: DestinationPolicy, tokenFor: (message: Message) => Promise<string | null>): Channel {
  return {
    async send(message: Message) {
      const { rootUrl, body } = ntfyPublication(message.address, message);
      const token = await tokenFor(message);
      await postOutbound({
        service: 'ntfy',
        url: rootUrl,
        headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
        body: JSON.stringify(body),
        policy,
      });
    },
  };
}
