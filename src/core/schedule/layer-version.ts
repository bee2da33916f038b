import { mod } from '../time/units.js';
import { zone, type ZoneRules } from '../time/zone.js';
import { type Mask, compileRestriction } from './restriction.js';
import { type Handoffs, compileRotation, turnAt } from './rotation.js';
import type { Instant, LayerDraft, LayerVersion } from './types.js';

export interface CompiledVersion {
  version: LayerVersion;
  zone: ZoneRules;
  handoffs: Handoffs;
  mask: Mask;
  /** The rotation turn in force at `effectiveFrom`, which belongs to members[startIndex]. */
  startTurn: number;
}

export function compileVersion(version: LayerVersion): CompiledVersion {
  const rules = zone(version.timeZone);
  const handoffs = compileRotation(version.rotation, rules);
  return {
    version,
    zone: rules,
    handoffs,
    mask: compileRestriction(version.restriction, rules),
    startTurn: turnAt(handoffs, version.effectiveFrom).turn,
  };
}

/** Index of the version in force at `instant` (versions sorted by effectiveFrom), or -1. */
export function versionIndexAt(versions: LayerVersion[], instant: Instant): number {
  let lo = 0;
  let hi = versions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((versions[mid] as LayerVersion).effectiveFrom <= instant) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function memberIndex(cv: CompiledVersion, turn: number): number {
  return mod(cv.version.startIndex + turn - cv.startTurn, cv.version.members.length);
}

/**
 * The position in `members` of the turn in force at `instant` (during a carry-over, of the
 * turn it stands in for, so the order after it is the one that follows), and its end.
 */
export function turnIndexAt(cv: CompiledVersion, instant: Instant): { index: number; end: Instant } {
  const current = turnAt(cv.handoffs, instant);
  return { index: memberIndex(cv, current.turn), end: current.end };
}

/** Whose turn it is at `instant` by the rotation (or the roster-change carry-over). */
export function rotationUserAt(cv: CompiledVersion, instant: Instant): string | null {
  const { carryOver, members } = cv.version;
  if (carryOver && instant < carryOver.until) return carryOver.userId;
  if (members.length === 0) return null;
  return members[memberIndex(cv, turnAt(cv.handoffs, instant).turn)] as string;
}

/** The rotation user at `instant` and the next instant a different user takes over. */
export function rotationAt(cv: CompiledVersion, instant: Instant): { userId: string | null; next: Instant } {
  const { carryOver, members } = cv.version;
  if (carryOver && instant < carryOver.until) return { userId: carryOver.userId, next: carryOver.until };
  if (members.length === 0) return { userId: null, next: Infinity };
  const current = turnAt(cv.handoffs, instant);
  const userId = members[memberIndex(cv, current.turn)] as string;
  let turn = current.turn + 1;
  let start = current.end;
  // A full cycle (and one more for DST-collapsed turns) finds any different member.
  for (let i = 0; i <= 2 * members.length + 1; i++) {
    let following = cv.handoffs.at(turn + 1);
    // Turns collapsed onto one instant by a DST gap: the last of them holds it.
    while (following === start) following = cv.handoffs.at(++turn + 1);
    if (members[memberIndex(cv, turn)] !== userId) return { userId, next: start };
    turn++;
    start = following;
  }
  return { userId, next: Infinity };
}

/**
 * The version to store when `draft` takes effect at `effectiveFrom`, after the versions
 * before it. The person on call keeps the layer until the next handoff of the new
 * rotation, and the order then continues with whoever followed them (or, if nobody
 * from the old order remains, from the top of the new list). A first version starts
 * with members[0], except that a custom rotation's anchor turn belongs to members[0].
 */
export function nextLayerVersion(versions: LayerVersion[], draft: LayerDraft, effectiveFrom: Instant): LayerVersion {
  const fresh: LayerVersion = { ...draft, members: [...draft.members], effectiveFrom, startIndex: 0, carryOver: null };
  const handoffs = compileRotation(draft.rotation, zone(draft.timeZone));
  const turn = turnAt(handoffs, effectiveFrom);
  const count = draft.members.length;
  const index = versionIndexAt(versions, effectiveFrom - 1);
  const previous = index >= 0 ? compileVersion(versions[index] as LayerVersion) : null;

  if (!previous) {
    return { ...fresh, startIndex: draft.rotation.kind === 'custom' && count > 0 ? mod(turn.turn, count) : 0 };
  }
  const current = rotationUserAt(previous, effectiveFrom);
  if (current === null || count === 0) {
    return { ...fresh, carryOver: current === null ? null : { userId: current, until: turn.end } };
  }
  const old = previous.version.members;
  // Where the old order stood at the edit (meaningless if the old layer was empty).
  const oldIndex = old.length > 0 ? memberIndex(previous, turnAt(previous.handoffs, effectiveFrom).turn) : -1;
  const keepsIndex = (at: number, user: string) => (draft.members[at] === user ? at : draft.members.indexOf(user));

  if (draft.members.includes(current)) {
    return { ...fresh, startIndex: keepsIndex(oldIndex, current) };
  }
  let follower = 0;
  for (let step = 1; step <= old.length; step++) {
    const at = (oldIndex + step) % old.length;
    const found = keepsIndex(at, old[at] as string);
    if (found >= 0) {
      follower = found;
      break;
    }
  }
  return { ...fresh, startIndex: mod(follower - 1, count), carryOver: { userId: current, until: turn.end } };
}

/** The version list after an edit: later scheduled versions are superseded, the past kept. */
export function editLayer(versions: LayerVersion[], draft: LayerDraft, effectiveFrom: Instant): LayerVersion[] {
  return [...versions.filter((v) => v.effectiveFrom < effectiveFrom), nextLayerVersion(versions, draft, effectiveFrom)];
}
