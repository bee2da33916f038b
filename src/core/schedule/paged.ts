import type { LayerState, Resolution } from './types.js';

/**
 * Who a "schedule" target pages: the primary, then everyone shadowing them. Schedule-wide
 * shadows are paged also when nobody is primary: someone hears of it rather than nobody.
 */
export function pagedBySchedule(resolution: Pick<Resolution, 'primary' | 'shadows'>): string[] {
  return [...(resolution.primary ? [resolution.primary.userId] : []), ...resolution.shadows];
}

/** Who a layer pages: while its restriction covers the instant, its user and their shadows. */
export function pagedByLayer(layer: LayerState): string[] {
  return layer.active && layer.userId !== null ? [layer.userId, ...layer.shadows] : [];
}
