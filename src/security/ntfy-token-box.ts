import { DestinationRefused } from '../channels/channel.js';
import { SecretBox } from './secret-box.js';

/** Seals ntfy access tokens at rest; only the channel opens them, to send. */
export const ntfyTokenBox = (serverSecret: string) => new SecretBox(serverSecret, 'ntfy-token');

/** The token a page is sent with; one sealed under another VIGIL_SECRET fails the page at once, since no retry can read it. */
export function openNtfyToken(serverSecret: string, sealed: string): string {
  try {
    return ntfyTokenBox(serverSecret).open(sealed);
  } catch {
    throw new DestinationRefused('ntfy access token unreadable (VIGIL_SECRET changed since it was stored): add the contact method again');
  }
}
