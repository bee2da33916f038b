import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Mattermost forwards a button press with the context Vigil put on the button, but signs
 * nothing, so the context carries its own proof: an HMAC of the action and the incident
 * under a key derived from the server secret. Whoever knows the endpoint still cannot press
 * a button Vigil never posted (Mattermost's documented advice for interactive messages).
 */
function key(serverSecret: string): Buffer {
  return createHmac('sha256', serverSecret).update('mattermost-actions').digest();
}

export function mattermostActionToken(serverSecret: string, action: string, incidentId: string): string {
  return createHmac('sha256', key(serverSecret)).update(`${action}\n${incidentId}`).digest('base64url');
}

export function verifyMattermostActionToken(serverSecret: string, action: string, incidentId: string, token: string): boolean {
  const expected = Buffer.from(mattermostActionToken(serverSecret, action, incidentId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The slash command's token (sent in its form body), compared without leaking how much matched. */
export function sameCommandToken(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
