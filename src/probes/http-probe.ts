import { performance } from 'node:perf_hooks';
import { TLSSocket } from 'node:tls';
import { interceptors, type Dispatcher } from 'undici';
import type { DestinationPolicy } from '../core/destination-policy.js';
import { evaluateHttp } from '../core/monitor/evaluate-http.js';
import type { CheckOutcome, HttpSpec } from '../core/monitor/types.js';
import { OriginPools } from '../net/origin-pools.js';
import { guardedConnector } from '../security/destination-guard.js';
import { dispatchCapped } from '../net/capped-response.js';
import { failureMessage } from './failure-message.js';

// A keyword is looked for in the first MiB; a check is not a download.
const MAX_BODY = 1024 * 1024;

/**
 * HTTP(S) checks over shared undici connection pools: keep-alive connections are reused
 * by every monitor of the same origin. The certificate of each new TLS connection is
 * noted per origin, since a pooled response does not say which socket carried it. Every
 * connection, redirect hops included, goes through the destination policy.
 */
export class HttpProber {
  private readonly certificates = new Map<string, number>();
  private readonly pools: Record<'verify' | 'lax', OriginPools>;
  private readonly dispatchers = new Map<string, Dispatcher>();

  constructor(private readonly policy: DestinationPolicy) {
    this.pools = { verify: this.poolsFor(true), lax: this.poolsFor(false) };
  }

  async probe(spec: HttpSpec, timeoutMs: number): Promise<CheckOutcome> {
    const url = new URL(spec.url);
    const started = performance.now();
    try {
      const { status, body } = await dispatchCapped(
        this.dispatcher(spec),
        url,
        {
          method: spec.method,
          headers: { 'user-agent': 'Vigil-Monitor/1', ...spec.headers },
          ...(spec.body !== undefined && { body: spec.body }),
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
        },
        // The deadline ends the check even while connecting.
        { body: spec.keyword ? 'wait' : 'skip', limit: MAX_BODY, deadlineMs: timeoutMs },
      );
      const responseMs = Math.round(performance.now() - started);
      const certificateExpiresAt = url.protocol === 'https:' ? this.certificates.get(originKey(url.hostname, url.port || '443')) : undefined;
      return { ...evaluateHttp(spec, { status, body }), responseMs, ...(certificateExpiresAt !== undefined && { certificateExpiresAt }) };
    } catch (err) {
      return { ok: false, message: failureMessage(err, timeoutMs), responseMs: null };
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.pools.verify.close(), this.pools.lax.close()]);
  }

  private dispatcher(spec: HttpSpec): Dispatcher {
    const redirects = spec.followRedirects ? spec.maxRedirects : 0;
    const key = `${spec.verifyTls}/${redirects}`;
    let dispatcher = this.dispatchers.get(key);
    if (!dispatcher) {
      dispatcher = this.pools[spec.verifyTls ? 'verify' : 'lax'].compose(interceptors.redirect({ maxRedirections: redirects }));
      this.dispatchers.set(key, dispatcher);
    }
    return dispatcher;
  }

  private poolsFor(rejectUnauthorized: boolean): OriginPools {
    const connector = guardedConnector(this.policy, { rejectUnauthorized });
    return new OriginPools({
      // Checks of one origin come in bursts of many monitors; servers cut idle links anyway.
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 120_000,
      connect: (options, callback) =>
        connector(options, (err, socket) => {
          if (socket instanceof TLSSocket) {
            const validTo = socket.getPeerCertificate().valid_to;
            if (validTo) this.certificates.set(originKey(options.hostname, options.port || '443'), Date.parse(validTo));
          }
          // undici's connector callback takes either an error or a socket.
          if (err) callback(err, null);
          else callback(null, socket as NonNullable<typeof socket>);
        }),
    });
  }
}

const originKey = (hostname: string, port: string) => `${hostname}:${port}`;
