import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { currentChangeOrigin, withChangeOrigin, type ChangeOrigin } from './change-origin.js';

const originOf = (actorId: string): ChangeOrigin => ({ actorId, actorEmail: `${actorId}@example.com`, via: 'token', ip: '192.0.2.1', userAgent: null, at: 0 });

afterEach(() => vi.restoreAllMocks());

describe('withChangeOrigin', () => {
  it('gives each run its own origin across awaits, and the system outside any', async () => {
    const seen: (string | null)[] = [];
    const run = (actorId: string, ms: number) =>
      withChangeOrigin(
        () => originOf(actorId),
        async () => {
          seen.push(currentChangeOrigin().actorId);
          await sleep(ms);
          seen.push(currentChangeOrigin().actorId);
          return actorId;
        },
      );
    expect(await Promise.all([run('a', 20), run('b', 5)])).toEqual(['a', 'b']);
    expect(seen).toEqual(['a', 'b', 'b', 'a']);
    expect(currentChangeOrigin()).toMatchObject({ actorId: null, via: 'system' });
  });

  it('stops tracking when the last run under way ends, so promises cost no hook in between', async () => {
    const disable = vi.spyOn(AsyncLocalStorage.prototype, 'disable');
    let finishLong!: () => void;
    const long = withChangeOrigin(() => originOf('long'), () => new Promise<void>((resolve) => (finishLong = resolve)));
    await withChangeOrigin(() => originOf('short'), () => sleep(1));
    expect(disable).not.toHaveBeenCalled();
    finishLong();
    await long;
    expect(disable).toHaveBeenCalledTimes(1);

    // Tracking starts again with the next run.
    const actor = await withChangeOrigin(() => originOf('again'), async () => {
      await sleep(1);
      return currentChangeOrigin().actorId;
    });
    expect(actor).toBe('again');
    expect(disable).toHaveBeenCalledTimes(2);
  });

  it('ends a run that throws or rejects, and passes a plain value through', async () => {
    const disable = vi.spyOn(AsyncLocalStorage.prototype, 'disable');
    expect(() =>
      withChangeOrigin(() => originOf('x'), () => {
        throw new Error('sync');
      }),
    ).toThrow('sync');
    await expect(withChangeOrigin(() => originOf('y'), () => Promise.reject(new Error('async')))).rejects.toThrow('async');
    expect(withChangeOrigin(() => originOf('z'), () => currentChangeOrigin().actorId)).toBe('z');
    expect(disable).toHaveBeenCalledTimes(3);
  });
});
