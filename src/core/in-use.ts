import { AppError } from './errors.js';

/** The query options of a guarded DELETE; each settles some kinds of reference. */
export type Settlement = 'force' | 'replaceWith';

export interface DeleteOptions {
  force: boolean;
  replaceWith: string | undefined;
}

/** Something that relies on what a request would delete, so that paging does not silently reach nobody. */
export interface Reference {
  kind: 'policy' | 'monitor' | 'schedule' | 'event_rule';
  id: string;
  name: string;
  /**
   * target: a step of this policy names it; roster: it is a member of this schedule's
   * layer (now or in a scheduled version); owner: the team owns this; policy: this
   * monitor pages through the policy; route: this event rule routes alerts to the policy.
   */
  via: 'target' | 'roster' | 'owner' | 'policy' | 'route';
  /** Policies: index of the step (0 = step 1) and the type of the target naming it. */
  step?: number;
  targetType?: string;
  /** Rosters: the layer. */
  layerId?: string;
  layerName?: string;
  /** Event rules: the monitor whose list holds the rule; absent for the global list. */
  monitorId?: string;
  monitorName?: string;
  /** Which option lets the deletion go ahead despite this reference; none: change it first. */
  settledBy: Settlement[];
}

export type InUseCode = 'in_use' | 'team_in_use' | 'policy_in_use';

/** A refused deletion; the problem body lists every reference. */
export class InUseError extends AppError {
  constructor(
    code: InUseCode,
    detail: string,
    readonly references: Reference[],
  ) {
    super(code, detail);
  }
}

/** The option a caller chose; asking for both is ambiguous, so refused. */
export function chosenSettlement(options: DeleteOptions): Settlement | undefined {
  if (options.force && options.replaceWith !== undefined) {
    throw new AppError('validation_failed', 'Pass force or replaceWith, not both', [{ path: '/querystring/force', message: 'cannot be combined with replaceWith' }]);
  }
  if (options.replaceWith !== undefined) return 'replaceWith';
  return options.force ? 'force' : undefined;
}

const describe = (r: Reference): string => {
  if (r.via === 'target') return `${r.kind} "${r.name}" step ${(r.step ?? 0) + 1}`;
  if (r.via === 'roster') return `schedule "${r.name}" layer "${r.layerName ?? ''}"`;
  if (r.via === 'route') return `event rule "${r.name}" (${r.monitorName === undefined ? 'global rules' : `monitor "${r.monitorName}"`})`;
  return `${r.kind} "${r.name}"`;
};

function hint(references: Reference[]): string {
  const settledByAll = (s: Settlement) => references.every((r) => r.settledBy.includes(s));
  const ways = [settledByAll('force') && 'force=true', settledByAll('replaceWith') && 'replaceWith=<id>'].filter((w) => w !== false);
  return ways.length > 0 ? `pass ${ways.join(' or ')} to delete it anyway` : 'change those first';
}

/** Refuses while any reference is not settled by the caller's option; `what` names the thing, e.g. 'Schedule "Primary"'. */
export function assertSettled(code: InUseCode, what: string, references: Reference[], options: DeleteOptions): void {
  const chosen = chosenSettlement(options);
  if (references.every((r) => chosen !== undefined && r.settledBy.includes(chosen))) return;
  throw new InUseError(code, `${what} is still used by ${references.map(describe).join(', ')}: ${hint(references)}`, references);
}

/** A replaceWith naming nothing usable. */
export const badReplacement = (message: string): AppError =>
  new AppError('validation_failed', `replaceWith ${message}`, [{ path: '/querystring/replaceWith', message }]);
