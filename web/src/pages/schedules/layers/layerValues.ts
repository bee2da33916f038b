import type { LayerInput, LayerView, Restriction, Rotation, UserRef } from '../../../api/scheduleTypes';
import { fromLocalInput } from '../../../time/zoned';

/** A place in the rotation order; the key tells repeats of one user apart while dragging. */
export interface RotationSlot {
  key: string;
  user: UserRef;
}

/** Who takes the first turn from when: `at` is a local date-time in the layer's zone, '' for the next handoff. */
export interface RotationStartValues {
  enabled: boolean;
  at: string;
  /** Position in the members list. */
  member: number;
}

/**
 * What a layer form edits; effectiveAt is a local date-time in the viewer's zone, '' for now.
 * rotationStart, when enabled, starts a new layer's rotation or restarts an existing one's.
 */
export interface LayerValues {
  name: string;
  timeZone: string;
  rotation: Rotation;
  restriction: Restriction;
  members: RotationSlot[];
  rotationStart: RotationStartValues;
  effectiveAt: string;
}

let slotCount = 0;
export const slotOf = (user: UserRef): RotationSlot => ({ key: `slot-${++slotCount}`, user });

export function newLayerValues(timeZone: string, name = ''): LayerValues {
  return {
    name,
    timeZone,
    rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' },
    restriction: { kind: 'always' },
    members: [],
    rotationStart: { enabled: false, at: '', member: 0 },
    effectiveAt: '',
  };
}

export function layerValuesOf(layer: LayerView): LayerValues {
  return {
    name: layer.name,
    timeZone: layer.timeZone,
    rotation: layer.rotation,
    restriction: layer.restriction,
    members: layer.members.map(slotOf),
    rotationStart: { enabled: false, at: '', member: 0 },
    effectiveAt: '',
  };
}

export function layerInputOf(values: LayerValues, viewerZone: string): LayerInput {
  return {
    name: values.name,
    timeZone: values.timeZone,
    rotation: values.rotation,
    restriction: values.restriction,
    members: values.members.map((slot) => slot.user.id),
    ...(values.rotationStart.enabled && { rotationStart: rotationStartOf(values.rotationStart, values.members.length) }),
    ...(values.effectiveAt !== '' && { effectiveAt: fromLocalInput(values.effectiveAt, viewerZone) }),
  };
}

function rotationStartOf(start: RotationStartValues, memberCount: number): NonNullable<LayerInput['rotationStart']> {
  // The member list may have shrunk since the choice was made; the last one stays chosen.
  const member = Math.max(0, Math.min(start.member, memberCount - 1));
  return start.at === '' ? { member } : { at: start.at, member };
}
