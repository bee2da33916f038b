import { readdirSync, readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { accessRules } from '../../src/http/access-rules.js';
import { useTestApp } from '../support/test-app.js';

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
type Document = { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

const methods = ['get', 'post', 'put', 'patch', 'delete'];
const operationsOf = (doc: Document) =>
  Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).filter(([m]) => methods.includes(m)).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, path, method, op })));

// Routes that exist but stay out of the document: the document itself, and callbacks
// answered in HTML, TwiML, Slack's or Telegram's own formats to browsers, Twilio, Slack and
// Telegram rather than to API clients.
const undocumented = [
  '/api/v1/openapi.json',
  '/api/v1/incident-links',
  '/api/v1/twilio/sms',
  '/api/v1/twilio/status',
  '/api/v1/twilio/voice',
  '/api/v1/twilio/voice/gather',
  '/api/v1/integrations/slack/interactions',
  '/api/v1/integrations/slack/commands',
  '/api/v1/integrations/telegram/webhook',
  '/api/v1/integrations/mattermost/actions',
  '/api/v1/integrations/mattermost/commands',
];

// The document does not depend on the database, so one (SQLite) is enough here.
describe('the OpenAPI document', () => {
  const t = useTestApp('sqlite');
  const documentOf = async () => (await t.anonymous.get('/api/v1/openapi.json')).body as Document;

  it('is valid OpenAPI 3.0.3 for a maintained validator', async () => {
    const doc = await documentOf();
    expect(doc.openapi).toBe('3.0.3');
    const result = await new Validator({ allErrors: true }).validate(doc);
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 1)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('gives every operation a unique camelCase operationId, a summary and a tag', async () => {
    const operations = operationsOf(await documentOf());
    expect(operations.length).toBeGreaterThan(90);
    const problems = operations.flatMap(({ key, op }) => [
      ...(op.operationId && /^[a-z][A-Za-z0-9]*$/.test(op.operationId) ? [] : [`${key}: operationId ${op.operationId} is not camelCase`]),
      ...(op.summary ? [] : [`${key}: no summary`]),
      ...(op.tags?.length ? [] : [`${key}: no tag`]),
    ]);
    expect(problems, problems.join('\n')).toEqual([]);
    const ids = operations.map(({ op }) => op.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('documents the error responses of every operation as problem+json with the shared Problem schema', async () => {
    const doc = await documentOf();
    expect(doc.components.schemas['Problem']).toMatchObject({ type: 'object', required: expect.arrayContaining(['type', 'title', 'status', 'code', 'detail']) });
    const problems: string[] = [];
    for (const { key, path, op } of operationsOf(doc)) {
      if (path === '/healthz') continue;
      const rule = accessRules[key.replace('/api/v1', '')];
      const takesInput = Boolean(op.parameters?.length || op.requestBody);
      // Public operations say so with an empty security requirement.
      const isPublic = op.security?.length === 0;
      const expected = [
        503,
        ...(takesInput ? [400] : []),
        ...(path.includes('{') ? [404] : []),
        ...(isPublic ? [] : [401, 403]),
        ...(Array.isArray(rule?.allow) ? [403] : []),
        ...(isPublic && takesInput && !key.includes('pagerduty') ? [401] : []),
      ];
      if ((rule?.allow === 'public') !== isPublic && rule) problems.push(`${key}: the access rule and the document disagree on whether it is public`);
      for (const status of expected) if (!op.responses[status]) problems.push(`${key}: no ${status} response`);
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        const problem = response.content?.['application/problem+json']?.schema;
        if (!problem) problems.push(`${key}: ${status} is not application/problem+json`);
        else if (problem.$ref && problem.$ref !== '#/components/schemas/Problem') problems.push(`${key}: ${status} refers to ${problem.$ref}`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('documents the PagerDuty endpoint as PagerDuty answers: 202, 400 and 429 with Retry-After', async () => {
    const { responses } = (await documentOf()).paths['/api/v1/integrations/pagerduty/v2/enqueue']?.['post'] ?? { responses: {} };
    expect(Object.keys(responses).sort()).toEqual(['202', '400', '413', '415', '429', '503']);
    expect(responses['200']).toBeUndefined();
    expect(responses['400']?.content).toHaveProperty(['application/json']);
    expect(responses['429']).toMatchObject({ headers: { 'Retry-After': expect.anything() }, content: { 'application/json': expect.anything() } });
  });

  it('has every /api/v1 path the docs mention', async () => {
    const doc = await documentOf();
    const patterns = [...Object.keys(doc.paths), ...undocumented].map((p) => new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`));
    const files = ['README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      // Full paths anywhere, and `METHOD /path` in code spans (relative to /api/v1, except the
      // public status pages under /status/, which are served beside the API, not in it).
      const mentioned = [
        ...[...text.matchAll(/\/api\/v1\/[^\s`'")?,;|]*/g)].map((m) => m[0]),
        ...[...text.matchAll(/`(?:GET|POST|PUT|PATCH|DELETE|HEAD) (\/[^\s`?]*)`/g)].map((m) => (m[1]?.startsWith('/api/v1/') || m[1]?.startsWith('/status/') ? '' : `/api/v1${m[1]}`)).filter(Boolean),
      ];
      for (const raw of mentioned) {
        // An ellipsis stands for any path (`/api/v1/…`) or a part left out.
        if (raw.includes('…')) continue;
        const path = raw.replace(/[.:]+$/, '').replace(/\/:([A-Za-z]+)/g, '/{$1}');
        if ( path.startsWith('/api/v1/healthz') || path.startsWith('/api/v1/metrics')) continue;
        if (!patterns.some((p) => p.test(path))) missing.push(`${file}: ${raw}`);
      }
    }
    expect(missing, `docs mention paths the API does not have:\n${missing.join('\n')}`).toEqual([]);
  });
});
