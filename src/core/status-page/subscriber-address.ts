/** Addresses a status page subscriber gives in the public form, checked before anything is stored or sent. */

export const MAX_ADDRESS_LENGTH = 320;

// What a form's type=email accepts (WHATWG), which is what people expect to work.
const emailPattern = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** The address in lower case, so one inbox is one subscriber however it was typed; null when it is not an email address. */
export function normaliseEmail(input: string): string | null {
  const email = input.trim().toLowerCase();
  return email.length <= MAX_ADDRESS_LENGTH && emailPattern.test(email) ? email : null;
}

/**
 * An http(s) URL without credentials, as the URL parser writes it; null otherwise. Where
 * it may connect (no private addresses) is the destination policy's call at send time.
 */
export function normaliseWebhookUrl(input: string): string | null {
  const text = input.trim();
  if (text.length > MAX_ADDRESS_LENGTH || !URL.canParse(text)) return null;
  const url = new URL(text);
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return null;
  url.hash = '';
  return url.toString();
}

/**
 * An address as shown to people who may not see it whole: "a…e@example.com", and a
 * webhook's origin only (its path often holds a secret).
 */
export function maskAddress(kind: 'email' | 'webhook', address: string): string {
  if (kind === 'webhook') return URL.canParse(address) ? `${new URL(address).origin}/…` : '…';
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const shown = local.length <= 2 ? `${local.slice(0, 1)}…` : `${local.slice(0, 1)}…${local.slice(-1)}`;
  return `${shown}${address.slice(at)}`;
}
