import type { Logger } from 'pino';
import type { TestClock } from '../kernel/clock.js';
import type { Database } from '../store/database.js';

const POLL_MS = 250;

/**
 * Test mode only: every node on one database shares one test clock, kept in the
 * test_clock table, so a test that freezes or advances time through any node moves all
 * of them (several-node smoke and fault tests). Each change is written with a bumped
 * version; nodes poll the row and take newer versions.
 */
export class SharedTestClock {
  private version = 0;
  private applying = false;
  private timer: NodeJS.Timeout | null = null;
  private pushing: Promise<void> = Promise.resolve();
  private unsubscribe: () => void = () => undefined;

  constructor(
    private readonly database: Database,
    private readonly clock: TestClock,
    private readonly logger: Logger,
  ) {}

  /** Takes the shared state if there is one (a node joining a test), then follows it. */
  async start(): Promise<void> {
    await this.pull();
    if (this.version === 0) await this.push();
    // One request may change the clock twice ({freeze, set}): writes run one after the
    // other, each with the state as it is then, or PostgreSQL could commit them out of order.
    this.unsubscribe = this.clock.onChange(() => {
      if (this.applying) return;
      this.pushing = this.pushing.then(() => this.push());
      this.clock.trackSharing(this.pushing);
    });
    this.timer = setInterval(() => void this.pull().catch((err: unknown) => this.logger.debug({ err }, 'reading the shared test clock failed')), POLL_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe();
  }

  private async push(): Promise<void> {
    const { frozenAt, offset } = this.clock.snapshot();
    const { db } = this.database;
    try {
      const updated = await db.updateTable('test_clock').set((eb) => ({ frozen_at: frozenAt, offset_ms: offset, version: eb('version', '+', 1) })).where('id', '=', 1).returning('version').executeTakeFirst();
      if (updated) {
        this.version = Number(updated.version);
        return;
      }
      await db.insertInto('test_clock').values({ id: 1, frozen_at: frozenAt, offset_ms: offset, version: 1 }).onConflict((oc) => oc.column('id').doNothing()).execute();
      this.version = Math.max(this.version, 1);
    } catch (err) {
      this.logger.warn({ err }, 'sharing the test clock failed');
    }
  }

  private async pull(): Promise<void> {
    const row = await this.database.db.selectFrom('test_clock').selectAll().where('id', '=', 1).executeTakeFirst();
    if (!row || Number(row.version) <= this.version) return;
    this.version = Number(row.version);
    this.applying = true;
    try {
      this.clock.restore({ frozenAt: row.frozen_at === null ? null : Number(row.frozen_at), offset: Number(row.offset_ms) });
    } finally {
      this.applying = false;
    }
  }
}
