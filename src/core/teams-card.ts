import type { AlertDetails } from './alert/details.js';
import type { IncidentSummary } from './incident/incident-summary.js';

/**
 * The message a Teams workflow ("When a Teams webhook request is received", then "Post
 * card in a chat or channel") takes: one Adaptive Card attachment, as Microsoft documents
 * for workflow webhooks. Version 1.4 renders in every current Teams client.
 */
export interface TeamsMessage {
  type: 'message';
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive'; contentUrl: null; content: AdaptiveCard }];
}

export interface AdaptiveCard {
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  type: 'AdaptiveCard';
  version: '1.4';
  msteams: { width: 'Full' };
  body: Record<string, unknown>[];
  actions: { type: 'Action.OpenUrl'; title: string; url: string }[];
}

// Teams refuses a message over 28 KB. These bounds keep a card under it even when every
// character takes four bytes and every fact character is escaped (a unit test measures it);
// the whole incident is one tap away.
const TITLE_CHARS = 250;
const MONITOR_CHARS = 100;
const DESCRIPTION_CHARS = 1000;
const FACTS = 10;
const FACT_TITLE_CHARS = 80;
const FACT_VALUE_CHARS = 250;

/** Clips by code point (never halving an emoji), marking the cut. */
function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/**
 * Fact titles and values are read as Markdown by Teams (a CommonMark subset: emphasis,
 * lists, links). A backslash before each character that can open one of those makes an
 * alert's text show as sent: it cannot dress up a link, bold a warning or start a list.
 * Lines are joined, so a list marker can only come first, where it is escaped too.
 */
export function escapeCardMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_[\]()<>~#|!{}]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+]|\d+\.)(?=\s|$)/, (_, space: string, marker: string) => `${space}${marker.replace(/[-+.]/, (c) => `\\${c}`)}`);
}

/**
 * Text that must show exactly as typed goes in a RichTextBlock: unlike a TextBlock, its
 * TextRuns are never read as Markdown, so no escaping can be got wrong.
 */
const plain = (text: string, style: Record<string, unknown> = {}) => ({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text, ...style }] });

const statusLabel: Record<string, string> = { triggered: 'Triggered', acknowledged: 'Acknowledged', resolved: 'Resolved' };

/** The container's colour: red for an urgent incident still triggered, amber for a low-urgency one, green once resolved. */
function styleOf(incident: IncidentSummary): { container: string; text: string } {
  if (incident.status === 'resolved') return { container: 'good', text: 'Good' };
  if (incident.status === 'acknowledged') return { container: 'accent', text: 'Accent' };
  return incident.urgency === 'low' ? { container: 'warning', text: 'Warning' } : { container: 'attention', text: 'Attention' };
}

function factsOf(details: AlertDetails | undefined): { facts: Record<string, unknown>[]; more: boolean } {
  if (!details) return { facts: [], more: false };
  const facts = details.fields.slice(0, FACTS).map((f) => ({ title: escapeCardMarkdown(clip(f.key, FACT_TITLE_CHARS)), value: escapeCardMarkdown(clip(f.value, FACT_VALUE_CHARS)) }));
  // Links and images stay in Vigil: a channel card's buttons should be Vigil's own, not a sender's.
  const more = details.fields.length > FACTS || details.truncated || details.links.length + details.images.length > 0;
  return { facts, more };
}

/**
 * The Adaptive Card of an incident for a Teams channel: its title, monitor, status and
 * urgency in colour, description, the latest alert's fields as facts, and one action,
 * Open incident. No Acknowledge or Resolve: Vigil's signed action links act for the one
 * person they were sent to, and a channel card is read (and forwarded) by everyone in it.
 */
export function teamsIncidentCard(incident: IncidentSummary): AdaptiveCard {
  const style = styleOf(incident);
  const urgency = incident.urgency === 'low' ? 'Low urgency' : 'High urgency';
  const { facts, more } = factsOf(incident.details);
  const body: Record<string, unknown>[] = [
    {
      type: 'Container',
      style: style.container,
      bleed: true,
      items: [
        plain(clip(incident.title, TITLE_CHARS), { size: 'Large', weight: 'Bolder' }),
        { type: 'TextBlock', text: `${statusLabel[incident.status] ?? 'Triggered'} · ${urgency}`, weight: 'Bolder', color: style.text, wrap: true, spacing: 'Small' },
      ],
    },
    { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Monitor: ', weight: 'Bolder' }, { type: 'TextRun', text: clip(incident.monitorName, MONITOR_CHARS) }] },
  ];
  if (incident.description.trim() !== '') body.push(plain(clip(incident.description, DESCRIPTION_CHARS)));
  if (facts.length > 0) body.push({ type: 'FactSet', facts });
  if (more) body.push({ type: 'TextBlock', text: 'More details, links and images in Vigil.', isSubtle: true, size: 'Small', wrap: true });
  return card(body, [{ type: 'Action.OpenUrl', title: 'Open incident', url: incident.url }]);
}

/** A card proving the workflow posts to its channel. */
export function teamsTestCard(): AdaptiveCard {
  return card([plain('Vigil test notification', { size: 'Large', weight: 'Bolder' }), plain('This channel works: incidents paged here will arrive as cards like this one.')], []);
}

function card(body: Record<string, unknown>[], actions: AdaptiveCard['actions']): AdaptiveCard {
  return { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4', msteams: { width: 'Full' }, body, actions };
}

/** The workflow webhook's JSON: the card as the one attachment of a message. */
export function teamsMessage(content: AdaptiveCard): TeamsMessage {
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content }] };
}
