import type { IncidentStatus } from '../escalation/types.js';
import { escalationText } from './chat-escalation.js';
import type { SlackIncident } from './slack-blocks.js';

/** The buttons of a Mattermost incident post: what Vigil does when one is pressed. */
export type ChatButton = 'acknowledge' | 'resolve' | 'escalate' | 'snooze';
export const chatButtons: readonly ChatButton[] = ['acknowledge', 'resolve', 'escalate', 'snooze'];

/** A button's integration: where Mattermost sends the press, and the context it sends back. */
export type ButtonIntegration = (button: ChatButton) => { url: string; context: Record<string, unknown> };

const TITLE_CHARS = 250;
const TEXT_CHARS = 3000;
const FIELDS = 10;
const FIELD_CHARS = 1000;

const clip = (text: string, max: number) => {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
};

/**
 * Escapes text for Mattermost's Markdown: its punctuation is backslash-escaped so an alert
 * cannot dress up a link or an image, and a zero-width space after each @ keeps
 * "@channel" or "@ana" from pinging anyone.
 */
export function escapeMattermost(text: string): string {
  return text.replace(/[\\`*_~[\]()<>#|!]/g, '\\$&').replaceAll('@', '@\u200b');
}

const colour: Record<IncidentStatus, string> = { triggered: '#d63031', acknowledged: '#fdcb6e', resolved: '#00b894' };

function statusLine(incident: SlackIncident): string {
  const by = (name: string | null) => (name === null ? 'its alert source' : escapeMattermost(name));
  if (incident.status === 'acknowledged') return `**Acknowledged** by ${by(incident.acknowledgedBy)}`;
  if (incident.status === 'resolved') return `**Resolved** by ${by(incident.resolvedBy)}`;
  return '**Triggered**';
}

const labels: Record<ChatButton, string> = { acknowledge: 'Acknowledge', resolve: 'Resolve', escalate: 'Escalate', snooze: 'Snooze 30 min' };

/**
 * The post of an incident as first sent and as every edit shows it: one message attachment
 * (https://developers.mattermost.com/integrate/reference/message-attachments/) with the
 * incident, its alert's details and the buttons still useful (none once resolved, no
 * Acknowledge once acknowledged). Each button's integration comes from the caller, which
 * signs its context (Mattermost does not sign the presses it forwards).
 */
export function mattermostIncidentPost(incident: SlackIncident, integration: ButtonIntegration): { message: string; props: { attachments: Record<string, unknown>[] } } {
  const title = clip(incident.title, TITLE_CHARS);
  const description = clip(incident.description.trim(), TEXT_CHARS);
  const urgency = incident.urgency === 'high' ? 'High urgency' : 'Low urgency';
  const details = incident.details;
  const fields = (details?.fields ?? []).slice(0, FIELDS).map((f) => ({ short: true, title: clip(f.key, TITLE_CHARS), value: escapeMattermost(clip(f.value, FIELD_CHARS)) }));
  const more = details && (details.fields.length > FIELDS || details.truncated) ? ['more details in Vigil'] : [];
  const links = [...(details?.links ?? []).map((l) => `[${escapeMattermost(l.text)}](<${l.href.replaceAll('>', '%3E').replaceAll(' ', '%20')}>)`), ...more];
  const buttons = incident.status === 'resolved' ? [] : chatButtons.filter((b) => b !== 'acknowledge' || incident.status === 'triggered');
  const attachment = {
    fallback: `${title} (${incident.monitorName}) is ${incident.status}`,
    color: colour[incident.status],
    // Attachment titles are plain text: no escaping, no markup.
    title,
    title_link: incident.url,
    text: [description === '' ? null : escapeMattermost(description), [statusLine(incident), escalationText(incident), escapeMattermost(clip(incident.monitorName, TITLE_CHARS)), urgency].filter((part) => part !== null).join(' · '), links.length > 0 ? links.join(' · ') : null]
      .filter((line) => line !== null)
      .join('\n\n'),
    ...(fields.length > 0 && { fields }),
    actions: buttons.map((b) => ({ id: b, type: 'button', name: labels[b], ...(b === 'acknowledge' && { style: 'primary' }), integration: integration(b) })),
  };
  return { message: '', props: { attachments: [attachment] } };
}
