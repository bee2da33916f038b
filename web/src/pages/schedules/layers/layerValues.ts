import type { LayerInput, LayerView, Restriction, Rotation, UserRef } from '../../../api/scheduleTypes';
import { fromLocalInput } from '../../../time/zoned';

/** A place in the rotation order; the key tells repeats of one user apart while dragging. */
export interface RotationSlot {
  key: string;
  user: UserRef;
}

/** What a layer form edits; effectiveAt is a local date-time in the viewer's zone, '' for now. */
export interface LayerValues {
  name: string;
  timeZone: string;
  rotation: Rotation;
  restriction: Restriction;
  members: RotationSlot[];
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
    ...(values.effectiveAt !== '' && { effectiveAt: fromLocalInput(values.effectiveAt, viewerZone) }),
  };
}
