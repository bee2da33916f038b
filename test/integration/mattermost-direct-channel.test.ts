import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryError, DestinationRefused, type Message } from '../../src/channels/channel.js';
import { mattermostDirectChannel } from '../../src/channels/mattermost.js';
import { verifyMattermostActionToken } from '../../src/security/mattermost-action-token.js';
import { mattermostId, startMattermostFake, type MattermostFake } from '../support/mattermost-fake.js';

const SECRET = 'server-secret-for-mattermost-dm';
const incident = { id: 'inc1', title: 'Checkout down', description: 'HTTP 502', status: 'triggered', monitorName: 'Checkout API', url: 'https://vigil.example/incidents/inc1', urgency: 'low' as const };
const page = (address: string): Message => ({ idempotencyKey: 'k1', address, incident, bundle: null, recipientId: null, recipientName: null });

/** The Mattermost DM channel against the local fake: who the bot is, asked once; its DM opened as itself; a failure to ask is asked again. */
describe('Mattermost direct channel', () => {
  let mm: MattermostFake;
  const ana = mattermostId('ana');
  beforeAll(async () => {
    mm = await startMattermostFake();
    mm.addUser({ id: ana, username: 'ana', email: 'ana@example.com', emailVerified: true });
  });
  afterAll(() => mm.close());

  it('asks who the bot is again after a failed ask, and only once it knows', async () => {
    const channel = mattermostDirectChannel({ url: mm.url, botToken: mm.token }, SECRET, 'https://vigil.example');
    mm.rateLimit(1, 30);
    const limited = await channel.send(page(ana)).catch((err: unknown) => err);
    expect(limited).toBeInstanceOf(DeliveryError);
    expect(limited).toMatchObject({ message: 'Mattermost GET users answered HTTP 429', retryAfterMs: 30_000 });
    const first = await channel.send(page(ana));
    const second = await channel.send(page(ana));
    expect(mm.calls.filter((c) => c.path === '/api/v4/users/me')).toHaveLength(2);
    const posts = mm.directTo(ana);
    expect(posts.map((p) => ({ messageRef: p.id }))).toEqual([first, second]);
    // The buttons are signed for the state the dispatcher records for a new page.
    const context = posts[0]?.props.attachments?.[0]?.actions?.[0]?.integration.context as { action: string; incidentId: string; state: string; token: string };
    expect(context.state).toBe('triggered:low:');
    expect(verifyMattermostActionToken(SECRET, context, context.token)).toBe(true);
  });

  it('fails at once for a user the server does not know, and with a token that is not the bot', async () => {
    const channel = mattermostDirectChannel({ url: mm.url, botToken: mm.token }, SECRET, 'https://vigil.example');
    await expect(channel.send(page(mattermostId('gone')))).rejects.toThrow(new DestinationRefused('Mattermost POST channels answered HTTP 404 (app.user.missing_account.const)'));
    const wrong = mattermostDirectChannel({ url: mm.url, botToken: 'wrongtoken0123456789abcdef' }, SECRET, 'https://vigil.example');
    await expect(wrong.send(page(ana))).rejects.toThrow(new DestinationRefused('Mattermost GET users answered HTTP 401 (api.context.session_expired.app_error)'));
  });
});
