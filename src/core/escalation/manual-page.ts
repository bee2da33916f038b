import type { PolicySnapshot, Target } from './types.js';

/** Who a manual page goes to: a person, a team, a schedule's on-call, or a whole policy. */
export type ManualPageTarget = OneStepTarget | { type: 'policy'; id: string };
type OneStepTarget = { type: 'user' | 'team' | 'schedule'; id: string };

/**
 * The policy a page sent by hand to a user, team or schedule runs: one step, fired at
 * once, never repeated. It is an incident's snapshot only, named after who was paged; no
 * policy with its id exists (a page to a policy snapshots that policy instead).
 */
export function oneStepPolicy(target: OneStepTarget, id: string, name: string): PolicySnapshot {
  return { id, name, steps: [{ waitSeconds: 0, targets: [stepTarget(target)] }], repeat: 0, ackTimeoutSeconds: null };
}

function stepTarget({ type, id }: OneStepTarget): Target {
  if (type === 'user') return { type, userId: id };
  if (type === 'team') return { type, teamId: id };
  return { type: 'schedule', scheduleId: id };
}
