/** Bounds of the burst window, and the share of the shortest check interval it may take. */
export interface BurstBounds {
  minMs: number;
  maxMs: number;
}

/** A check may start this share of its interval late, for the sake of starting in a burst. */
export const BURST_SHARE_OF_INTERVAL = 1 / 30;

/**
 * How long the check scheduler waits after a pass that started checks, so that checks
 * falling due meanwhile start together in the next pass: each pass (a wake-up, a claim,
 * cold code and caches) costs more than its checks' share of it at low rates. A check
 * starts at most this late, so the window is a thirtieth of the shortest interval among
 * the node's monitors (2 s at 60 s), kept within the bounds.
 */
export function burstWindowMs(shortestIntervalMs: number, { minMs, maxMs }: BurstBounds): number {
  return Math.min(maxMs, Math.max(minMs, shortestIntervalMs * BURST_SHARE_OF_INTERVAL));
}
