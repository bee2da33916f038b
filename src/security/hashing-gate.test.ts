import { describe, expect, it } from 'vitest';
import { RetryLaterError } from '../core/errors.js';
import { HashingGate } from './hashing-gate.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('HashingGate', () => {
  it('runs at most `concurrency` at once and starts the queued ones in order as slots free', async () => {
    const gate = new HashingGate(2, 10);
    const started: number[] = [];
    const blockers = [deferred(), deferred(), deferred(), deferred()];
    const runs = blockers.map((b, i) =>
      gate.run(async () => {
        started.push(i);
        await b.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(gate.inFlight).toBe(2);
    expect(gate.queued).toBe(2);
    blockers[1]?.resolve();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    expect(gate.inFlight).toBe(2);
    for (const b of blockers) b.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(gate.inFlight).toBe(0);
    expect(gate.queued).toBe(0);
  });

  it('refuses with 503 and Retry-After once the queue is full, and frees the slot of a failed run', async () => {
    const gate = new HashingGate(1, 1);
    const block = deferred();
    const first = gate.run(() => block.promise);
    const second = gate.run(() => Promise.resolve('queued'));
    const third = gate.run(() => Promise.resolve('refused'));
    await expect(third).rejects.toBeInstanceOf(RetryLaterError);
    await expect(third).rejects.toMatchObject({ status: 503, retryAfterSeconds: 1 });
    block.resolve();
    await first;
    expect(await second).toBe('queued');
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(gate.inFlight).toBe(0);
    expect(await gate.run(() => Promise.resolve('after'))).toBe('after');
  });
});
