import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryError, DestinationRefused, type Message } from '../../src/channels/channel.js';
import { slackAppChannel, slackUpdater } from '../../src/channels/slack-app.js';
import type { ChatIncident } from '../../src/service/chat-incidents.js';
import type { ChatMessageRow } from '../../src/store/chat-messages.js';
import { startSlackFake, type SlackFake } from '../support/slack-fake.js';

const incident = { id: 'inc1', title: 'Checkout down', description: 'HTTP 502', status: 'triggered', monitorName: 'Checkout API', url: 'https://vigil.example/incidents/inc1', urgency: 'high' as const };
const page = (address: string): Message => ({ idempotencyKey: 'k1', address, incident, bundle: null, recipientId: null, recipientName: null });
const row = (ref: string) => ({ message_ref: ref }) as ChatMessageRow;
const now: ChatIncident = { ...incident, status: 'acknowledged', acknowledgedBy: 'Ana', resolvedBy: null, escalation: null };

/** The Slack app channel against the local Slack fake: what Slack answers becomes the outbox's retry or refusal. */
describe('Slack app channel', () => {
  let slack: SlackFake;
  let cfg: { botToken: string; signingSecret: string; apiUrl: string };
  beforeAll(async () => {
    slack = await startSlackFake();
    slack.addChannel('C0OPS12345');
    cfg = { botToken: slack.token, signingSecret: 'a'.repeat(32), apiUrl: slack.url };
  });
  afterAll(() => slack.close());

  it('posts as the bot with JSON and returns the channel and ts to edit it by', async () => {
    const sent = await slackAppChannel(cfg).send(page('C0OPS12345'));
    const message = slack.postedTo('C0OPS12345').at(-1);
    expect(sent).toEqual({ messageRef: `C0OPS12345/${message?.ts}` });
    await slackUpdater(cfg)(row(sent?.messageRef as string), now, 'acknowledged:high:u1');
    expect(message?.versions).toHaveLength(2);
    expect(message?.text).toBe('Checkout down (Checkout API) is acknowledged by Ana');
  });

  it('is refused for good what no retry can fix: a wrong token, an unknown channel, a message gone', async () => {
    const wrong = slackAppChannel({ ...cfg, botToken: 'xoxb-1-wrong' }).send(page('C0OPS12345'));
    await expect(wrong).rejects.toThrow(new DestinationRefused('Slack chat.postMessage refused: invalid_auth'));
    await expect(slackAppChannel(cfg).send(page('C0NOWHERE1'))).rejects.toBeInstanceOf(DestinationRefused);
    await expect(slackUpdater(cfg)(row('C0OPS12345/1.000001'), now, 'acknowledged:high:u1')).rejects.toThrow('Slack chat.update refused: message_not_found');
  });

  it("retries a rate limit after Slack's Retry-After, and Slack's own failures with backoff", async () => {
    slack.rateLimit('chat.postMessage', 1, 30);
    const limited = await slackAppChannel(cfg).send(page('C0OPS12345')).catch((err: unknown) => err);
    expect(limited).toBeInstanceOf(DeliveryError);
    expect(limited).not.toBeInstanceOf(DestinationRefused);
    expect(limited).toMatchObject({ retryAfterMs: 30_000, destinationDown: true });
    slack.failNext('chat.postMessage', 'internal_error');
    const failing = await slackAppChannel(cfg).send(page('C0OPS12345')).catch((err: unknown) => err);
    expect(failing).toBeInstanceOf(DeliveryError);
    expect(failing).not.toBeInstanceOf(DestinationRefused);
  });

  it('has a fake that refuses what Slack refuses: blocks over its limits, a form post, no token', async () => {
    const post = (body: unknown, headers: Record<string, string> = { authorization: `Bearer ${slack.token}`, 'content-type': 'application/json' }) =>
      fetch(`${slack.url}/chat.postMessage`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) }).then((r) => r.json());
    const section = { type: 'section', text: { type: 'mrkdwn', text: 'x' } };
    expect(await post({ channel: 'C0OPS12345', blocks: Array.from({ length: 51 }, () => section) })).toMatchObject({ ok: false, error: 'invalid_blocks' });
    expect(await post({ channel: 'C0OPS12345', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }] })).toMatchObject({ ok: false, error: 'invalid_blocks' });
    const buttons = Array.from({ length: 26 }, (_, i) => ({ type: 'button', text: { type: 'plain_text', text: 'b' }, action_id: `a${i}`, value: 'v' }));
    expect(await post({ channel: 'C0OPS12345', blocks: [{ type: 'actions', elements: buttons }] })).toMatchObject({ ok: false, error: 'invalid_blocks' });
    expect(await post({ channel: 'C0OPS12345', blocks: [{ type: 'actions', elements: [{ ...buttons[0], action_id: undefined }] }] })).toMatchObject({ ok: false, error: 'invalid_blocks' });
    expect(await post('channel=C0OPS12345&text=hi', { authorization: `Bearer ${slack.token}`, 'content-type': 'application/x-www-form-urlencoded' })).toMatchObject({ ok: false, error: 'invalid_arguments' });
    expect(await post({ channel: 'C0OPS12345', text: 'hi' }, { 'content-type': 'application/json' })).toMatchObject({ ok: false, error: 'not_authed' });
    expect(await post({ channel: 'C0OPS12345' })).toMatchObject({ ok: false, error: 'no_text' });
  });
});
