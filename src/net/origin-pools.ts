import { Dispatcher, Pool } from 'undici';

/**
 * A connection pool per origin, as undici's `Agent`, without its bookkeeping fault in 7.x
 * (the last line for Node 20): an Agent counts connections per origin key, not per pool,
 * so once a request is aborted (a timeout, a body cut short) the discarded pool's
 * disconnects close each replacement in turn, and every later request to that origin
 * opens a new connection (a new TLS handshake per check). Here a pool is dropped only by
 * its own last disconnect or failed connect, when it holds no work.
 */
export class OriginPools extends Dispatcher {
  private readonly pools = new Map<string, Pool>();

  constructor(private readonly options: Pool.Options) {
    super();
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const origin = String(options.origin);
    let pool = this.pools.get(origin);
    if (!pool) {
      const created = new Pool(origin, this.options);
      const drop = () => this.dropIfIdle(origin, created);
      created.on('disconnect', drop).on('connectionError', drop);
      this.pools.set(origin, created);
      pool = created;
    }
    return pool.dispatch(options, handler);
  }

  override async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }

  override async destroy(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.destroy()));
  }

  /** How many origins have a pool: idle origins are let go. */
  get size(): number {
    return this.pools.size;
  }

  private dropIfIdle(origin: string, pool: Pool): void {
    const { connected, pending, running } = pool.stats;
    if (this.pools.get(origin) !== pool || connected > 0 || pending > 0 || running > 0) return;
    this.pools.delete(origin);
    void pool.close();
  }
}
