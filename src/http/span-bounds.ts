import { AppError } from '../core/errors.js';
import type { Instant } from '../core/schedule/types.js';
import { DAY } from '../core/time/units.js';

export const MAX_SPAN_DAYS = 366;
export const MAX_AHEAD_DAYS = 2 * 366;

/**
 * A span entered for a schedule (an override, a fixed shift, time off): must be non-empty,
 * must not end in the past, and covers days or weeks, so a year is the most one may span
 * and two years ahead the furthest it may reach: an 8,000-year override is a typo, and
 * every timeline would carry it. `what` names it in the message ("Overrides").
 */
export function checkSpanBounds(start: Instant, end: Instant, now: Instant, what: string): void {
  if (!(end > start)) throw new AppError('validation_failed', 'The span is empty', [{ path: '/body/end', message: 'must be after start' }]);
  if (end <= now) throw new AppError('validation_failed', `${what} cannot end in the past`, [{ path: '/body/end', message: 'must be in the future' }]);
  if (end - start > MAX_SPAN_DAYS * DAY) throw new AppError('validation_failed', 'The span is too long', [{ path: '/body/end', message: `must be within ${MAX_SPAN_DAYS} days of start` }]);
  if (end > now + MAX_AHEAD_DAYS * DAY) throw new AppError('validation_failed', 'The span is too far ahead', [{ path: '/body/end', message: `must be within ${MAX_AHEAD_DAYS} days from now` }]);
}
