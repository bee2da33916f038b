import { escalationText, type ChatEscalation } from '../core/chat/chat-escalation.js';
import { escapeMarkup } from '../core/escape-markup.js';
import type { Urgency } from '../core/escalation/urgency.js';

/** An incident as a Telegram message shows it, with the names of who acknowledged and resolved it (a page has neither yet). */
export interface TelegramIncident {
  id: string;
  title: string;
  description: string;
  monitorName: string;
  status: string;
  urgency?: Urgency | undefined;
  acknowledgedBy?: string | null | undefined;
  resolvedBy?: string | null | undefined;
  /** The step it is on (a page carries it; absent for one built without it). */
  escalation?: ChatEscalation | null | undefined;
}

/** Who the message says acted: the acknowledger while acknowledged, the resolver once resolved. */
export const actorOf = (incident: TelegramIncident) => (incident.status === 'acknowledged' ? incident.acknowledgedBy : incident.status === 'resolved' ? incident.resolvedBy : null) ?? null;

type Button = { text: string; callback_data: string } | { text: string; url: string };

/** What sendMessage and editMessageText take besides the chat (parse_mode HTML). */
export interface TelegramText {
  text: string;
  parse_mode: 'HTML';
  reply_markup?: { inline_keyboard: Button[][] };
}

/** callback_data of the Acknowledge button: Telegram allows 64 bytes, an incident id is 36. */
export const ackData = (incidentId: string) => `ack:${incidentId}`;
export const incidentOfAck = (data: string) => /^ack:([0-9a-f-]{36})$/.exec(data)?.[1] ?? null;

/** Telegram counts its 4,096-character limit after the markup is parsed: clip the text itself, well under. */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const html = (text: string, max: number) => escapeMarkup(clip(text, max));

/**
 * Telegram refuses a URL button whose host is not a domain name (http://localhost:8080
 * fails the whole message with BUTTON_URL_INVALID), so such a server's pages go without it.
 */
export function linkable(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host.includes('.') && !host.endsWith('.localhost');
  } catch {
    return false;
  }
}

const statusLine = (incident: TelegramIncident) => {
  const actor = actorOf(incident);
  const by = actor ? ` by ${escapeMarkup(actor)}` : '';
  if (incident.status === 'acknowledged') return `✅ <b>Acknowledged</b>${by}`;
  if (incident.status === 'resolved') return `☑️ <b>Resolved</b>${by}`;
  const triggered = incident.urgency === 'low' ? '🟡 <b>Triggered</b> (low urgency)' : '🔴 <b>Triggered</b>';
  const step = escalationText(incident);
  return step ? `${triggered} · ${step}` : triggered;
};

/**
 * An incident page: its state, title, monitor and description, with Acknowledge while it
 * is triggered and Open incident always (when the server's URL can be a button). The
 * same text is edited in as the incident changes, the Acknowledge button then dropped.
 */
export function incidentText(incident: TelegramIncident, viewUrl: string): TelegramText {
  const lines = [statusLine(incident), `<b>${html(incident.title, 250)}</b>`, `Monitor: ${html(incident.monitorName, 200)}`];
  if (incident.description && incident.description !== incident.title) lines.push('', html(incident.description, 3000));
  const rows: Button[][] = [];
  if (incident.status === 'triggered') rows.push([{ text: 'Acknowledge', callback_data: ackData(incident.id) }]);
  if (linkable(viewUrl)) rows.push([{ text: 'Open incident', url: viewUrl }]);
  return { text: lines.join('\n'), parse_mode: 'HTML', ...(rows.length > 0 && { reply_markup: { inline_keyboard: rows } }) };
}

/** Shift notices and daily summaries: the subject in bold, then the text. */
export const noticeText = (notice: { subject: string; text: string }): TelegramText => ({
  text: `<b>${html(notice.subject, 250)}</b>\n\n${html(notice.text, 3500)}`,
  parse_mode: 'HTML',
});

export const testText: TelegramText = { text: 'This chat works: Vigil pages will arrive here.', parse_mode: 'HTML' };
