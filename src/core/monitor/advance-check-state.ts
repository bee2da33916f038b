import { DAY } from '../time/units.js';
import type { Instant } from '../schedule/types.js';
import { CERTIFICATE_DEDUP_KEY, CHECK_DEDUP_KEY, type CheckEffect, type CheckOutcome, type CheckSettings, type CheckState } from './types.js';

export interface CheckContext {
  monitorName: string;
  settings: Pick<CheckSettings, 'confirmations' | 'recoveries' | 'autoResolve'>;
  /** 0 when the monitor has no certificate warning. */
  certExpiryDays: number;
  inMaintenance: boolean;
  at: Instant;
}

/**
 * Folds one check into the monitor's state. Incidents follow the state level, not its
 * edges: a confirmed-down monitor that has not alerted yet alerts now. So an outage that
 * began in a maintenance window alerts at the first check after it, and effects lost to a
 * crash are redone at the next check (opening is absorbed by the open incident's dedup key,
 * resolving an already resolved incident does nothing).
 */
export function advanceCheckState(state: CheckState, outcome: CheckOutcome, ctx: CheckContext): { state: CheckState; effects: CheckEffect[] } {
  const failStreak = outcome.ok ? 0 : state.failStreak + 1;
  const okStreak = outcome.ok ? state.okStreak + 1 : 0;
  const status =
    failStreak >= ctx.settings.confirmations
      ? 'down'
      : state.status === 'down'
        ? okStreak >= ctx.settings.recoveries
          ? 'up'
          : 'down'
        : outcome.ok
          ? 'up'
          : state.status;
  const effects: CheckEffect[] = [];
  let alerted = state.alerted;
  if (status === 'down' && !alerted && !ctx.inMaintenance) {
    effects.push({
      type: 'open',
      dedupKey: CHECK_DEDUP_KEY,
      title: `${ctx.monitorName} is down`,
      description: `${failStreak} consecutive ${failStreak === 1 ? 'check' : 'checks'} failed; the last: ${outcome.message}`,
    });
    alerted = true;
  } else if (status === 'up' && alerted) {
    if (ctx.settings.autoResolve) effects.push({ type: 'resolve', dedupKey: CHECK_DEDUP_KEY });
    alerted = false;
  }

  const certificateExpiresAt = outcome.certificateExpiresAt ?? state.certificateExpiresAt;
  let certificateAlerted = state.certificateAlerted;
  if (outcome.certificateExpiresAt !== undefined) {
    const daysLeft = Math.floor((outcome.certificateExpiresAt - ctx.at) / DAY);
    const expiring = ctx.certExpiryDays > 0 && daysLeft < ctx.certExpiryDays;
    if (expiring && !certificateAlerted && !ctx.inMaintenance) {
      effects.push({
        type: 'open',
        dedupKey: CERTIFICATE_DEDUP_KEY,
        title: daysLeft < 0 ? `${ctx.monitorName}: the TLS certificate has expired` : `${ctx.monitorName}: the TLS certificate expires in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'}`,
        description: `The certificate is valid until ${new Date(outcome.certificateExpiresAt).toISOString()}; the warning starts ${ctx.certExpiryDays} days before.`,
      });
      certificateAlerted = true;
    } else if (!expiring && certificateAlerted) {
      // A renewed certificate settles the warning on its own.
      effects.push({ type: 'resolve', dedupKey: CERTIFICATE_DEDUP_KEY });
      certificateAlerted = false;
    }
  }

  return {
    state: {
      status,
      failStreak,
      okStreak,
      alerted,
      certificateAlerted,
      lastCheck: { at: ctx.at, ok: outcome.ok, responseMs: outcome.responseMs, message: outcome.message },
      certificateExpiresAt,
    },
    effects,
  };
}
