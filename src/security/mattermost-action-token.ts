import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Mattermost forwards a button press with the context Vigil put on the button, but signs
 * nothing, so the context carries its own proof: an HMAC of the action, the incident and
 * the chat state the post showed (chatState) under a key derived from the server secret.
 * Whoever knows the endpoint still cannot press a button Vigil never posted (Mattermost's
 * documented advice for interactive messages), and a press captured once is good only
 * while its incident still shows that state: a replay after the incident changed is
 * refused (routes/mattermost.ts).
 */
export interface ButtonPress {
  action: string;
  incidentId: string;
  /** The chatState the post showed when this button was put on it. */
  state: string;
}

function key(serverSecret: string): Buffer {
  return createHmac('sha256', serverSecret).update('mattermost-actions').digest();
}

export function mattermostActionToken(serverSecret: string, press: ButtonPress): string {
  // JSON keeps the three fields apart whatever the (opaque) state contains.
  return createHmac('sha256', key(serverSecret)).update(JSON.stringify([press.action, press.incidentId, press.state])).digest('base64url');
}

export function verifyMattermostActionToken(serverSecret: string, press: ButtonPress, token: string): boolean {
  const expected = Buffer.from(mattermostActionToken(serverSecret, press));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The slash command's token (sent in its form body), compared without leaking how much matched. */
export function sameCommandToken(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
