/** Escapes text for HTML and XML (TwiML) bodies and attribute values. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Escapes text for a Slack message: Slack reads only &, < and > as control characters
 * (https://api.slack.com/reference/surfaces/formatting#escaping), so with them escaped
 * "<!channel>", "<@U123>" and "<https://evil|Vigil>" show as typed and ping or link nothing.
 */
export function escapeSlack(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
