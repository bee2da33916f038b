import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Requests as Slack sends them to an app's Request URLs
 * (https://api.slack.com/authentication/verifying-requests-from-slack): a form-encoded
 * body, X-Slack-Request-Timestamp in whole seconds and X-Slack-Signature `v0=` + the hex
 * HMAC-SHA256 of `v0:<timestamp>:<body>` under the app's signing secret. Signed here with
 * node:crypto, apart from Vigil's own verifier, so a test checks the scheme, not an echo.
 */
export interface SlackRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
}

export interface SlackWorkspace {
  teamId: string;
  teamDomain: string;
  appId: string;
  /** Where response_url points: the Slack fake's hooks, so answers sent there are seen. */
  hooksUrl: string;
}

const id = (prefix: string) => `${prefix}${randomBytes(5).toString('hex').toUpperCase()}`;
const digits = () => String(Math.floor(Math.random() * 1e12));

export function signSlack(signingSecret: string, body: string, timestampSeconds: number): Record<string, string> {
  const signature = `v0=${createHmac('sha256', signingSecret).update(`v0:${timestampSeconds}:${body}`).digest('hex')}`;
  return { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestampSeconds), 'x-slack-signature': signature };
}

/** A member's press on a button of a message the app posted: a block_actions payload (https://api.slack.com/reference/interaction-payloads/block-actions). */
export function buttonPress(
  workspace: SlackWorkspace,
  signingSecret: string,
  nowMs: number,
  press: { userId: string; userName?: string; actionId: string; value: string; channelId?: string; messageTs?: string },
): SlackRequest & { responseUrl: string } {
  const channelId = press.channelId ?? 'C0INCIDENTS';
  const messageTs = press.messageTs ?? `${Math.floor(nowMs / 1000)}.000100`;
  const responseUrl = `${workspace.hooksUrl}/actions/${workspace.teamId}/${digits()}/${randomBytes(12).toString('base64url')}`;
  const payload = {
    type: 'block_actions',
    user: { id: press.userId, username: press.userName ?? 'someone', name: press.userName ?? 'someone', team_id: workspace.teamId },
    api_app_id: workspace.appId,
    token: 'legacy-verification-token-unused',
    container: { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: false },
    trigger_id: `${digits()}.${digits()}.${randomBytes(16).toString('hex')}`,
    team: { id: workspace.teamId, domain: workspace.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channelId, name: 'incidents' },
    message: { type: 'message', subtype: 'bot_message', ts: messageTs, text: 'Vigil incident', blocks: [] },
    state: { values: {} },
    response_url: responseUrl,
    actions: [
      {
        action_id: press.actionId,
        block_id: 'vigil_actions',
        text: { type: 'plain_text', text: press.actionId.replace('vigil_', ''), emoji: true },
        value: press.value,
        type: 'button',
        action_ts: `${Math.floor(nowMs / 1000)}.${digits().slice(0, 6)}`,
      },
    ],
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return { url: '/api/v1/integrations/slack/interactions', body, headers: signSlack(signingSecret, body, Math.floor(nowMs / 1000)), responseUrl };
}

/** `/vigil <text>` typed by a member: the slash command's form fields, in Slack's order (https://api.slack.com/interactivity/slash-commands). */
export function slashCommand(workspace: SlackWorkspace, signingSecret: string, nowMs: number, command: { userId: string; userName?: string; text: string }): SlackRequest {
  const body = new URLSearchParams({
    token: 'legacy-verification-token-unused',
    team_id: workspace.teamId,
    team_domain: workspace.teamDomain,
    channel_id: 'C0INCIDENTS',
    channel_name: 'incidents',
    user_id: command.userId,
    user_name: command.userName ?? 'someone',
    command: '/vigil',
    text: command.text,
    api_app_id: workspace.appId,
    is_enterprise_install: 'false',
    response_url: `${workspace.hooksUrl}/commands/${workspace.teamId}/${digits()}/${randomBytes(12).toString('base64url')}`,
    trigger_id: `${digits()}.${digits()}.${randomBytes(16).toString('hex')}`,
  }).toString();
  return { url: '/api/v1/integrations/slack/commands', body, headers: signSlack(signingSecret, body, Math.floor(nowMs / 1000)) };
}

export const newSlackWorkspace = (hooksUrl: string): SlackWorkspace => ({ teamId: id('T'), teamDomain: 'acme', appId: id('A'), hooksUrl });
export const newSlackUserId = (): string => id('U');

/** An answer an app sent to a response_url. */
export interface HookAnswer {
  path: string;
  body: { text?: string; blocks?: unknown[]; response_type?: string; replace_original?: boolean; delete_original?: boolean };
}

/**
 * Slack's side of response_url (https://api.slack.com/interactivity/handling#message_responses):
 * JSON posts only (invalid_payload otherwise), with text or blocks (no_text), at most five
 * answers per URL (used_url); each one accepted answers "ok" and is kept in `answers`.
 */
export interface SlackHooks {
  url: string;
  answers: HookAnswer[];
  answersTo(responseUrl: string): HookAnswer[];
  close(): Promise<void>;
}

export async function startSlackHooks(): Promise<SlackHooks> {
  const uses = new Map<string, number>();
  const hooks: SlackHooks = {
    url: '',
    answers: [],
    answersTo: (responseUrl) => hooks.answers.filter((a) => `${hooks.url}${a.path}` === responseUrl),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const path = req.url ?? '/';
      const text = (status: number, body: string) => void res.writeHead(status, { 'content-type': 'text/plain' }).end(body);
      if (req.method !== 'POST' || !/^\/(actions|commands)\/T[A-Z0-9]+\/\d+\/[\w-]+$/.test(path)) return text(404, 'invalid_url');
      if ((uses.get(path) ?? 0) >= 5) return text(404, 'used_url');
      let body: HookAnswer['body'];
      try {
        if (!req.headers['content-type']?.startsWith('application/json')) throw new Error('not JSON');
        body = JSON.parse(raw) as HookAnswer['body'];
      } catch {
        return text(400, 'invalid_payload');
      }
      if (!body.text && !body.blocks && !body.delete_original) return text(400, 'no_text');
      uses.set(path, (uses.get(path) ?? 0) + 1);
      hooks.answers.push({ path, body });
      text(200, 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hooks.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return hooks;
}
