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
const current = new AsyncLocalStorage<() => ChangeOrigin>();

/** Runs `fn` (and everything it starts) on behalf of the origin `origin()` returns when asked. */
export function withChangeOrigin<T>(origin: () => ChangeOrigin, fn: () => T): T {
  return current.run(origin, fn);
}

export function currentChangeOrigin(): ChangeOrigin {
  return (current.getStore() ?? systemOrigin)();
}
