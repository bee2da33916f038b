import type { AlertDetails } from '../alert/details.js';
import type { IncidentStatus } from '../escalation/types.js';
import { escapeSlack } from '../escape-markup.js';
import type { IncidentSummary } from '../incident/incident-summary.js';
import { escalationText } from './chat-escalation.js';
import type { ChatStateOf } from './chat-state.js';

/** What a Slack message shows of an incident: who acted is by name (null: its alert source did). */
export type SlackIncident = IncidentSummary & ChatStateOf;

/** The buttons' action_ids; each button's value is the incident id (slack-in acts on them). */
export const slackActions = {
  acknowledge: 'vigil_acknowledge',
  resolve: 'vigil_resolve',
  escalate: 'vigil_escalate',
  snooze: 'vigil_snooze',
} as const;
export type SlackAction = (typeof slackActions)[keyof typeof slackActions];

export type SlackBlock = Record<string, unknown>;

/** Slack takes at most 10 fields in a section, each at most 2000 characters; a section's text at most 3000. */
const SLACK_FIELDS = 10;
const SLACK_FIELD_CHARS = 1900;
const TITLE_CHARS = 250;
const DESCRIPTION_CHARS = 2000;

const clip = (text: string, max: number) => {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
};

/** A Slack link: its text escaped, and a "|" in the URL encoded so it cannot end the href early. */
const slackLink = (href: string, text: string) => `<${href.replaceAll('|', '%7C')}|${escapeSlack(text)}>`;

/** Slack blocks for an alert's details: a fields section (the first ten) and a line of links. */
export function detailsBlocks(details: AlertDetails): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  const fields = details.fields.slice(0, SLACK_FIELDS).map((f) => ({ type: 'mrkdwn', text: `*${escapeSlack(f.key)}*\n${escapeSlack(clip(f.value, SLACK_FIELD_CHARS))}` }));
  if (fields.length > 0) blocks.push({ type: 'section', fields });
  const links = [...details.links.map((l) => slackLink(l.href, l.text)), ...details.images.map((i) => slackLink(i.src, i.alt || 'Image'))];
  const more = details.fields.length > SLACK_FIELDS || details.truncated ? ['more details in Vigil'] : [];
  if (links.length + more.length > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: [...links, ...more].join(' · ') }] });
  return blocks;
}

const emoji: Record<IncidentStatus, string> = { triggered: ':rotating_light:', acknowledged: ':eyes:', resolved: ':white_check_mark:' };

/** "Acknowledged by Ana", "Resolved by its alert source"… */
function statusLine(incident: SlackIncident): string {
  const by = (name: string | null) => (name === null ? 'its alert source' : escapeSlack(name));
  if (incident.status === 'acknowledged') return `*Acknowledged* by ${by(incident.acknowledgedBy)}`;
  if (incident.status === 'resolved') return `*Resolved* by ${by(incident.resolvedBy)}`;
  return '*Triggered*';
}

const button = (text: string, actionId: SlackAction, incidentId: string, style?: 'primary' | 'danger') => ({
  type: 'button',
  text: { type: 'plain_text', text },
  action_id: actionId,
  value: incidentId,
  ...(style && { style }),
});

/** What can still be done from the message: nothing once resolved, no Acknowledge once acknowledged. */
function actions(incident: SlackIncident): SlackBlock[] {
  if (incident.status === 'resolved') return [];
  const { id } = incident;
  const elements = [
    ...(incident.status === 'triggered' ? [button('Acknowledge', slackActions.acknowledge, id, 'primary')] : []),
    button('Resolve', slackActions.resolve, id),
    button('Escalate', slackActions.escalate, id),
    button('Snooze 30 min', slackActions.snooze, id),
  ];
  return [{ type: 'actions', block_id: 'vigil_incident_actions', elements }];
}

/**
 * The Slack message of an incident, as posted and as every later edit shows it (the chat
 * sync and slack-in's answer to a button build it here, so both show the same). Text
 * from alerts and people is escaped, so an alert cannot ping <!channel> or dress up a
 * link; `text` is the fallback notifications and old clients show.
 */
export function slackIncidentMessage(incident: SlackIncident): { text: string; blocks: SlackBlock[] } {
  const title = escapeSlack(clip(incident.title, TITLE_CHARS));
  const description = incident.description.trim() === '' ? '' : `\n${escapeSlack(clip(incident.description, DESCRIPTION_CHARS))}`;
  const urgency = incident.urgency === 'high' ? 'High urgency' : 'Low urgency';
  const blocks: SlackBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `${emoji[incident.status]} <${incident.url}|${title}>${description}` } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: [statusLine(incident), escalationText(incident), escapeSlack(clip(incident.monitorName, TITLE_CHARS)), urgency].filter((part) => part !== null).join(' · ') }] },
    ...(incident.details ? detailsBlocks(incident.details) : []),
    ...actions(incident),
  ];
  const by = incident.status === 'acknowledged' ? incident.acknowledgedBy : incident.status === 'resolved' ? incident.resolvedBy : null;
  const text = `${clip(incident.title, TITLE_CHARS)} (${clip(incident.monitorName, TITLE_CHARS)}) is ${incident.status}${by ? ` by ${by}` : ''}`;
  return { text: escapeSlack(text), blocks };
}
