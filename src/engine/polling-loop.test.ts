import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../kernel/clock.js';
import { PollingLoop } from './polling-loop.js';

class FlakyLoop extends PollingLoop {
  passes = 0;
  constructor(
    private readonly failFirst: number,
    private readonly failSleepToo: boolean,
    logger: pino.Logger,
  ) {
    super({ clock: systemClock, logger, name: 'flaky' });
  }
  protected pass(): Promise<void> {
    this.passes++;
    return this.passes <= this.failFirst ? Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })) : Promise.resolve();
  }
  protected sleepMs(): Promise<number> {
    // The sleep computation queries the database too: an outage there must not end the loop.
    if (this.failSleepToo && this.passes <= this.failFirst + 1) return Promise.reject(new Error('Connection terminated unexpectedly'));
    return Promise.resolve(10);
  }
}

function capture() {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (s: string) => lines.push(JSON.parse(s) as { level: number; msg: string }) });
  return { logger, lines };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
};

describe('PollingLoop', () => {
  it('survives failing passes and sleeps, reports itself unhealthy meanwhile, and logs the outage once at each end', async () => {
    const { logger, lines } = capture();
    const loop = new FlakyLoop(2, true, logger);
    loop.start();
    await until(() => loop.passes >= 1 && !loop.status().healthy);
    expect(loop.status()).toMatchObject({ name: 'flaky', healthy: false, reason: 'connect ECONNREFUSED' });
    expect(loop.status().failingSince).toEqual(expect.any(Number));
    await until(() => loop.passes >= 6);
    await loop.stop();
    expect(loop.passes).toBeGreaterThanOrEqual(6);
    expect(loop.status()).toEqual({ name: 'flaky', healthy: true, failingSince: null, reason: null });
    expect(lines.filter((l) => l.msg.includes('is failing'))).toHaveLength(1);
    expect(lines.filter((l) => l.msg.includes('recovered'))).toHaveLength(1);
  });

  it('stays healthy and quiet when nothing fails', async () => {
    const { logger, lines } = capture();
    const loop = new FlakyLoop(0, false, logger);
    loop.start();
    await until(() => loop.passes >= 3);
    await loop.stop();
    expect(loop.status().healthy).toBe(true);
    expect(lines).toEqual([]);
  });

  it('passes again at once when woken during a pass, without working out a sleep it will not take', async () => {
    class WokenLoop extends PollingLoop {
      passes = 0;
      sleeps = 0;
      constructor() {
        super({ clock: systemClock, logger: pino({ level: 'silent' }), name: 'woken' });
      }
      protected pass(): Promise<void> {
        // The first three passes are each woken while they run, as new work arrives.
        if (++this.passes <= 3) this.wake();
        return Promise.resolve();
      }
      protected sleepMs(): Promise<number> {
        this.sleeps++;
        return Promise.resolve(60_000);
      }
    }
    const loop = new WokenLoop();
    loop.start();
    await until(() => loop.sleeps >= 1);
    await loop.stop();
    expect(loop.passes).toBe(4);
    expect(loop.sleeps).toBe(1);
  });

  it('lets a burst of wakes share passes, at most one per wake gap', async () => {
    class GappedLoop extends PollingLoop {
      passes = 0;
      constructor() {
        super({ clock: systemClock, logger: pino({ level: 'silent' }), name: 'gapped', wakeGapMs: 100 });
      }
      protected pass(): Promise<void> {
        this.passes++;
        return Promise.resolve();
      }
      protected sleepMs(): Promise<number> {
        return Promise.resolve(60_000);
      }
    }
    const loop = new GappedLoop();
    loop.start();
    const started = performance.now();
    while (performance.now() - started < 300) {
      loop.wake();
      await new Promise((r) => setTimeout(r, 5));
    }
    await loop.stop();
    // About sixty wakes in 300 ms: the first pass, then one per 100 ms gap (a slow machine only makes fewer).
    expect(loop.passes).toBeGreaterThanOrEqual(2);
    expect(loop.passes).toBeLessThanOrEqual(5);
  });
});
