import type { AlertDetails } from '../core/alert/details.js';
import { escapeMarkup } from '../core/escape-markup.js';

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
