import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { vigilFormats } from '../../src/http/formats.js';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsPlugin as unknown as typeof addFormatsPlugin.default;

interface MediaType {
  schema?: object;
}
interface DocumentedResponse {
  content?: Record<string, MediaType>;
}
interface Document {
  paths: Record<string, Record<string, { responses: Record<string, DocumentedResponse> }>>;
}

const escapePointer = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * Holds every response an app sends to its OpenAPI document: a status the operation does
 * not document, a media type it does not list, or a JSON body its schema refuses is a
 * violation. Installed by the test app builder (never in production) as an onSend hook;
 * routes the document leaves out (HTML pages, Twilio callbacks, unknown URLs) are not
 * checked.
 */
export class ApiContract {
  readonly violations: string[] = [];
  /** `METHOD /path status` of every checked response, for coverage. */
  readonly seen = new Set<string>();
  private document: Document | undefined;
  private readonly ajv = vigilFormats(addFormats(new Ajv({ strict: false, allErrors: true, discriminator: true, validateSchema: false })));
  private readonly validators = new Map<string, ValidateFunction>();

  install(app: FastifyInstance): void {
    app.addHook('onSend', async (req, reply, payload) => {
      const url = req.routeOptions.url;
      if (url && req.method !== 'HEAD') this.check(app, req.method, url, reply.statusCode, String(reply.getHeader('content-type') ?? ''), payload);
      return payload;
    });
  }

  private documentOf(app: FastifyInstance): Document {
    if (!this.document) {
      this.document = app.swagger() as unknown as Document;
      this.ajv.addSchema(this.document, 'openapi');
    }
    return this.document;
  }

  check(app: FastifyInstance, method: string, url: string, status: number, contentType: string, payload: unknown): void {
    const path = url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const operation = this.documentOf(app).paths[path]?.[method.toLowerCase()];
    if (!operation) return;
    const key = `${method} ${path}`;
    this.seen.add(`${key} ${status}`);
    const response = operation.responses[String(status)];
    if (!response) return void this.violations.push(`${key} answered ${status}, which it does not document`);
    const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : '';
    if (!response.content) {
      // Fastify drops the serialized body of a 204 after onSend.
      if (body !== '' && status !== 204) this.violations.push(`${key} ${status} has a body, but the document says none`);
      return;
    }
    const mediaType = contentType.split(';')[0]?.trim() ?? '';
    if (!response.content[mediaType]) return void this.violations.push(`${key} ${status} answered ${mediaType || 'no content type'}; documented: ${Object.keys(response.content).join(', ')}`);
    if (!/json$/.test(mediaType)) return;
    const pointer = ['paths', path, method.toLowerCase(), 'responses', String(status), 'content', mediaType, 'schema'].map(escapePointer).join('/');
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `openapi#/${pointer}` });
      this.validators.set(pointer, validate);
    }
    if (!validate(JSON.parse(body))) {
      const errors = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
      this.violations.push(`${key} ${status}: the body does not match the documented schema: ${errors.join('; ')}`);
    }
  }
}
