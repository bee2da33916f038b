import type { IncomingMessage } from 'node:http';
import type { Kysely } from 'kysely';
import type { DB } from '../../store/schema.js';
import { statusPageDomains } from '../../store/status-page-domains.js';

/** How often each node rereads the domains, and how soon it may again when an unknown host asks. */
const REFRESH_MS = 10_000;
const MISS_REFRESH_MS = 1_000;

/**
 * Requests whose Host is a status page's custom domain get that page: `/` is its page,
 * `/summary.json` its summary and so on, by rewriting the URL to /status/<slug>/… before
 * routing. Fastify rewrites URLs synchronously, so each node keeps the few domains in
 * memory, rereads them every 10 s, and at most once a second when a host it does not know
 * asks (a domain just configured on another node is served within about a second).
 * Every other host is left alone: the UI and API answer as always.
 */
export class CustomDomains {
  private domains = new Map<string, string>();
  // Monotonic time: the throttle is about database load, not about the (maybe frozen) clock.
  private loadedAt = -Infinity;
  private loading: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    /** The base URL's host: never a custom domain, and never a reason to reread. */
    private readonly ownHost: string,
  ) {}

  start(): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  refresh(): Promise<void> {
    this.loading ??= statusPageDomains(this.db)
      .then((domains) => {
        this.domains = domains;
        this.loadedAt = performance.now();
      })
      // Unreadable for now (a restarting database): keep serving the domains known.
      .catch(() => undefined)
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  /** The URL to route: /status/<slug>… for a custom domain's request, else the URL as it came. */
  rewrite(req: IncomingMessage): string {
    const url = req.url ?? '/';
    const host = hostName(req.headers.host);
    if (host === '' || host === this.ownHost) return url;
    const slug = this.domains.get(host);
    if (slug === undefined) {
      if (performance.now() - this.loadedAt >= MISS_REFRESH_MS) void this.refresh();
      return url;
    }
    // Links to /status/<slug>/… (the subscribe form's, the logo's) work on the domain as they are.
    if (url === '/status' || url.startsWith('/status/')) return url;
    const base = `/status/${encodeURIComponent(slug)}`;
    return url === '/' || url.startsWith('/?') ? `${base}${url.slice(1)}` : `${base}${url}`;
  }
}

/** A Host header's name: lower case, without port or trailing dot. */
export function hostName(header: string | undefined): string {
  return (header ?? '').trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
}
