import { AsyncLocalStorage } from 'node:async_hooks';
import { systemClock } from './clock.js';

/** Who made a change and from where, as the audit log records it. */
export interface ChangeOrigin {
  actorId: string | null;
  actorEmail: string | null;
  /** How the actor proved who they are: 'session', 'token', or 'system' for Vigil itself. */
  via: string;
  ip: string | null;
  userAgent: string | null;
  /** When the change is made, by the clock of whoever makes it (the test clock in test mode). */
  at: number;
}

/** Changes made outside any request: the demo seed, background loops. */
const systemOrigin = (): ChangeOrigin => ({ actorId: null, actorEmail: null, via: 'system', ip: null, userAgent: null, at: systemClock.now() });

// The HTTP layer binds each request to a getter (the actor is known only after
// authentication), so store functions can record who changed what without every
// route and service threading the request through to them.
//
// While an AsyncLocalStorage is enabled, Node 20 runs a hook for every promise the process
// creates (about 4 % of the main thread in an alert storm, and in every check and page).
// It is enabled only while some run is under way and disabled when the last one ends, so
// alerts, checks and pages, which record nothing in the audit log, run without the hooks.
const current = new AsyncLocalStorage<() => ChangeOrigin>();
let runs = 0;

function ended(): void {
  if (--runs === 0) current.disable();
}

/**
 * Runs `fn` (and everything it starts until it returns, or until the promise it returns
 * settles) on behalf of the origin `origin()` returns when asked.
 */
export function withChangeOrigin<T>(origin: () => ChangeOrigin, fn: () => T): T {
  runs++;
  let result: T;
  try {
    result = current.run(origin, fn);
  } catch (err) {
    ended();
    throw err;
  }
  if (!isThenable(result)) {
    ended();
    return result;
  }
  return Promise.resolve(result).finally(ended) as T;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

export function currentChangeOrigin(): ChangeOrigin {
  return (current.getStore() ?? systemOrigin)();
}
