import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One card a workflow accepted: the Adaptive Card (the attachment's content) as sent. */
export interface PostedCard {
  workflow: string;
  card: { type: string; version: string; body: Record<string, unknown>[]; actions?: { type: string; title?: string; url?: string }[] } & Record<string, unknown>;
}

/**
 * A local Teams workflow webhook (Power Automate's "When a Teams webhook request is
 * received" trigger, then "Post card in a chat or channel"). Like the trigger it takes a
 * POST at the workflow's URL only with that URL's sig parameter (401 without it, 404 for
 * an unknown workflow) and answers 202 with no body. What the real workflow checks only
 * later, when its run posts the card (and then fails the run, not the request), the fake
 * checks at once and refuses with 400, so a test sees it: a JSON message of type
 * "message" whose attachments are Adaptive Cards (contentType
 * application/vnd.microsoft.card.adaptive) with type AdaptiveCard, a version Teams renders
 * (1.0 to 1.5), a non-empty body of known elements (TextBlock and Fact texts, TextRun
 * inlines, Container items), actions only Action.OpenUrl with a title and an http(s) URL,
 * and the whole message within Teams' 28 KB. It can answer 429 with Retry-After.
 */
export interface TeamsFake {
  /** A new workflow's URL, as Power Automate shows it on the trigger. */
  workflowUrl(name: string): string;
  posted: PostedCard[];
  /** Requests refused, with their status and why. */
  refused: { status: number; error: string }[];
  /** The next `count` requests get 429 with this Retry-After (seconds). */
  rateLimit(count: number, retryAfterSeconds: number): void;
  close(): Promise<void>;
}

const MAX_BYTES = 28 * 1024;
const versions = new Set(['1.0', '1.1', '1.2', '1.3', '1.4', '1.5']);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isHttpUrl = (v: unknown) => typeof v === 'string' && /^https?:\/\/\S+$/.test(v);

/** What is wrong with one card element, or null. */
function elementError(element: unknown): string | null {
  if (!isObject(element) || typeof element.type !== 'string') return 'an element without a type';
  switch (element.type) {
    case 'TextBlock':
      return typeof element.text === 'string' ? null : 'a TextBlock without text';
    case 'RichTextBlock':
      return Array.isArray(element.inlines) && element.inlines.every((i) => typeof i === 'string' || (isObject(i) && i.type === 'TextRun' && typeof i.text === 'string'))
        ? null
        : 'a RichTextBlock whose inlines are not TextRuns with text';
    case 'FactSet':
      return Array.isArray(element.facts) && element.facts.length > 0 && element.facts.every((f) => isObject(f) && typeof f.title === 'string' && typeof f.value === 'string')
        ? null
        : 'a FactSet without facts of a title and a value';
    case 'Container':
      return Array.isArray(element.items) ? (element.items.map(elementError).find((e) => e !== null) ?? null) : 'a Container without items';
    default:
      return `an unknown element ${element.type}`;
  }
}

/** What is wrong with the message, or null. */
function messageError(body: unknown): string | null {
  if (!isObject(body) || body.type !== 'message') return 'the body is not a message';
  if (!Array.isArray(body.attachments) || body.attachments.length === 0) return 'a message without attachments';
  for (const attachment of body.attachments) {
    if (!isObject(attachment) || attachment.contentType !== 'application/vnd.microsoft.card.adaptive') return 'an attachment that is not an Adaptive Card';
    const card = attachment.content;
    if (!isObject(card) || card.type !== 'AdaptiveCard') return 'content of a type other than AdaptiveCard';
    if (typeof card.version !== 'string' || !versions.has(card.version)) return 'a card version Teams does not render';
    if (!Array.isArray(card.body) || card.body.length === 0) return 'a card with an empty body';
    const bad = card.body.map(elementError).find((e) => e !== null);
    if (bad) return `a card with ${bad}`;
    if (card.actions !== undefined) {
      if (!Array.isArray(card.actions)) return 'actions that are not a list';
      for (const action of card.actions) {
        if (!isObject(action) || action.type !== 'Action.OpenUrl') return 'an action other than Action.OpenUrl';
        if (typeof action.title !== 'string' || action.title === '' || !isHttpUrl(action.url)) return 'an Action.OpenUrl without a title or an http(s) URL';
      }
    }
  }
  return null;
}

/** Starts the fake on a free loopback port (vitest suites: useTeamsFake in teams-fake-hooks.ts). */
export async function startTeamsFake(): Promise<TeamsFake> {
  const workflows = new Map<string, { name: string; sig: string }>();
  let limited = 0;
  let retryAfter = 0;
  let base = '';
  const fake: TeamsFake = {
    workflowUrl(name) {
      const id = randomBytes(16).toString('hex');
      const sig = randomBytes(32).toString('base64url');
      workflows.set(id, { name, sig });
      return `${base}/workflows/${id}/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${sig}`;
    },
    posted: [],
    refused: [],
    rateLimit(count, seconds) {
      limited = count;
      retryAfter = seconds;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const refuse = (res: ServerResponse, status: number, error: string, headers: Record<string, string> = {}) => {
    fake.refused.push({ status, error });
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify({ error: { code: status === 429 ? 'TooManyRequests' : 'BadRequest', message: error } }));
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', base);
      const workflow = workflows.get(/^\/workflows\/([^/]+)\/triggers\/manual\/paths\/invoke$/.exec(url.pathname)?.[1] ?? '');
      if (!workflow) return refuse(res, 404, 'no such workflow');
      const sig = Buffer.from(url.searchParams.get('sig') ?? '');
      const expected = Buffer.from(workflow.sig);
      if (sig.length !== expected.length || !timingSafeEqual(sig, expected)) return refuse(res, 401, 'the sig parameter is missing or wrong');
      if (req.method !== 'POST') return refuse(res, 405, 'only POST');
      if (limited > 0) {
        limited--;
        return refuse(res, 429, 'rate limit is exceeded', { 'retry-after': String(retryAfter) });
      }
      if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) return refuse(res, 415, 'the body must be JSON');
      if (raw.length > MAX_BYTES) return refuse(res, 413, 'the message is larger than 28 KB');
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return refuse(res, 400, 'the body is not JSON');
      }
      const error = messageError(body);
      if (error) return refuse(res, 400, error);
      for (const a of (body as { attachments: { content: PostedCard['card'] }[] }).attachments) fake.posted.push({ workflow: workflow.name, card: a.content });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
