import type { AlertDetails } from '../core/alert/details.js';
import { escapeMarkup, escapeSlack } from '../core/escape-markup.js';

/** Slack takes at most 10 fields in a section, each at most 2000 characters. */
const SLACK_FIELDS = 10;
const SLACK_FIELD_CHARS = 1900;

/** The details as plain-text lines for an email: "key: value", then each link. */
export function detailsText(details: AlertDetails): string[] {
  if (details.fields.length + details.links.length + details.images.length === 0) return [];
  return [
    '',
    'Details:',
    ...details.fields.map((f) => `  ${f.key}: ${f.value}`),
    ...details.links.map((l) => `  ${l.text}: ${l.href}`),
    ...details.images.map((i) => `  ${i.alt || 'Image'}: ${i.src}`),
    ...(details.truncated ? ['  (some details were left out: the alert carried more than Vigil keeps)'] : []),
  ];
}

/**
 * The details as an HTML table and link list for an email, every piece escaped. Images
 * are links: an email that loads remote images tells their host who read it, and when.
 */
export function detailsHtml(details: AlertDetails): string {
  const rows = details.fields.map((f) => `<tr><th align="left" valign="top">${escapeMarkup(f.key)}</th><td>${escapeMarkup(f.value).replaceAll('\n', '<br>')}</td></tr>`);
  const links = [
    ...details.links.map((l) => `<a href="${escapeMarkup(l.href)}">${escapeMarkup(l.text)}</a>`),
    ...details.images.map((i) => `<a href="${escapeMarkup(i.src)}">${escapeMarkup(i.alt || 'Image')}</a>`),
  ];
  return [
    rows.length > 0 ? `<table cellpadding="4" border="1" style="border-collapse:collapse">${rows.join('')}</table>` : '',
    links.length > 0 ? `<p>${links.join(' · ')}</p>` : '',
    details.truncated ? '<p><i>Some details were left out: the alert carried more than Vigil keeps.</i></p>' : '',
  ].join('');
}

/** A Slack link: its text escaped, and a "|" in the URL encoded so it cannot end the href early. */
const slackLink = (href: string, text: string) => `<${href.replaceAll('|', '%7C')}|${escapeSlack(text)}>`;

/** Slack blocks for the details: a fields section (the first ten) and a line of links. */
export function detailsBlocks(details: AlertDetails): unknown[] {
  const blocks: unknown[] = [];
  const fields = details.fields.slice(0, SLACK_FIELDS).map((f) => {
    const chars = Array.from(f.value);
    const value = chars.length > SLACK_FIELD_CHARS ? `${chars.slice(0, SLACK_FIELD_CHARS).join('')}…` : f.value;
    return { type: 'mrkdwn', text: `*${escapeSlack(f.key)}*\n${escapeSlack(value)}` };
  });
  if (fields.length > 0) blocks.push({ type: 'section', fields });
  const links = [...details.links.map((l) => slackLink(l.href, l.text)), ...details.images.map((i) => slackLink(i.src, i.alt || 'Image'))];
  const more = details.fields.length > SLACK_FIELDS || details.truncated ? ['more details in Vigil'] : [];
  if (links.length + more.length > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: [...links, ...more].join(' · ') }] });
  return blocks;
}
