import { zone } from '../time/zone.js';
import { compileRotation, turnAt } from './rotation.js';
import type { Instant, LayerDraft, LayerVersion, RotationStart } from './types.js';

/** The first handoff of `draft`'s rotation at or after `instant`: where a full turn can start. */
export function nextHandoff(draft: Pick<LayerDraft, 'rotation' | 'timeZone'>, instant: Instant): Instant {
  const turn = turnAt(compileRotation(draft.rotation, zone(draft.timeZone)), instant);
  return turn.start === instant ? instant : turn.end;
}

/**
 * The version that restarts the rotation at `start.at` with `start.member`. Handoffs stay
 * where the rotation puts them; a start between two handoffs joins the stretch before the
 * next one to the member's first turn, so nobody gets a stub followed by the next person.
 * The stretch is stored as a carry-over, which is how resolution already reads "this person
 * until that handoff, then the order": stored layers need nothing new.
 */
export function startedVersion(draft: LayerDraft, start: RotationStart): LayerVersion {
  const count = draft.members.length;
  if (!Number.isInteger(start.member) || start.member < 0 || start.member >= count) {
    throw new RangeError(`rotation start member must index the ${count} members, got ${start.member}`);
  }
  const fresh: LayerVersion = { ...draft, members: [...draft.members], effectiveFrom: start.at, startIndex: start.member, carryOver: null };
  const turn = turnAt(compileRotation(draft.rotation, zone(draft.timeZone)), start.at);
  if (turn.start === start.at) return fresh;
  // The turn in force at `at` counts as the member's predecessor's, so the next one is theirs.
  return { ...fresh, startIndex: (start.member + count - 1) % count, carryOver: { userId: draft.members[start.member] as string, until: turn.end } };
}

/** The version list after restarting the rotation: versions from `start.at` on are superseded. */
export function startRotation(versions: LayerVersion[], draft: LayerDraft, start: RotationStart): LayerVersion[] {
  return [...versions.filter((v) => v.effectiveFrom < start.at), startedVersion(draft, start)];
}
