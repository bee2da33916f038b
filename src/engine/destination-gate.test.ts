import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CircuitOpenError, DestinationGate } from './destination-gate.js';

const outage = () => Object.assign(new Error('down'), { outage: true });
const isOutage = (err: unknown) => (err as { outage?: boolean }).outage === true;
const fail = (err: Error) => () => Promise.reject(err);
const ok = () => Promise.resolve('ok');

describe('DestinationGate', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0, toFake: ['Date'] }));
  afterEach(() => vi.useRealTimers());

  it('runs at most `concurrency` sends to one destination at a time, and others beside them', async () => {
    const gate = new DestinationGate({ concurrency: 2, failuresToOpen: 5, openMs: 1000 });
    let active = 0;
    let peak = 0;
    const release: (() => void)[] = [];
    const slow = () =>
      new Promise<void>((resolve) => {
        active++;
        peak = Math.max(peak, active);
        release.push(() => {
          active--;
          resolve();
        });
      });
    const held = Array.from({ length: 5 }, () => gate.run('hook:a', slow, isOutage));
    await Promise.resolve();
    expect(peak).toBe(2);
    // Another destination is not queued behind the first.
    await expect(gate.run('hook:b', ok, isOutage)).resolves.toBe('ok');
    while (release.length > 0) {
      release.shift()?.();
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(held);
    expect(peak).toBe(2);
  });

  it('opens after consecutive outages, fails fast while open, and closes after a good probe', async () => {
    const gate = new DestinationGate({ concurrency: 4, failuresToOpen: 3, openMs: 30_000 });
    for (let i = 0; i < 3; i++) await expect(gate.run('hook:a', fail(outage()), isOutage)).rejects.toThrow('down');
    const send = vi.fn(ok);
    await expect(gate.run('hook:a', send, isOutage)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(send).not.toHaveBeenCalled();
    await expect(gate.run('hook:b', ok, isOutage)).resolves.toBe('ok');

    vi.setSystemTime(30_000);
    await expect(gate.run('hook:a', send, isOutage)).resolves.toBe('ok');
    expect(send).toHaveBeenCalledTimes(1);
    await expect(gate.run('hook:a', send, isOutage)).resolves.toBe('ok');
  });

  it('reopens when the probe fails, and lets only one probe through at a time', async () => {
    const gate = new DestinationGate({ concurrency: 4, failuresToOpen: 1, openMs: 10_000 });
    await expect(gate.run('hook:a', fail(outage()), isOutage)).rejects.toThrow('down');
    vi.setSystemTime(10_000);
    let finishProbe: (err: Error) => void = () => undefined;
    const probe = gate.run('hook:a', () => new Promise((_, reject) => (finishProbe = reject)), isOutage);
    await expect(gate.run('hook:a', ok, isOutage)).rejects.toBeInstanceOf(CircuitOpenError);
    finishProbe(outage());
    await expect(probe).rejects.toThrow('down');
    await expect(gate.run('hook:a', ok, isOutage)).rejects.toBeInstanceOf(CircuitOpenError);
  });

  it('does not count errors of one address (a 404, a bad number) against the destination', async () => {
    const gate = new DestinationGate({ concurrency: 4, failuresToOpen: 2, openMs: 10_000 });
    for (let i = 0; i < 5; i++) await expect(gate.run('slack:hooks.slack.com', fail(new Error('404')), isOutage)).rejects.toThrow('404');
    await expect(gate.run('slack:hooks.slack.com', ok, isOutage)).resolves.toBe('ok');
  });
});
