import type { LayerPatch, LayerView } from '../../../api/scheduleTypes';
import { layerInputOf, layerValuesOf, type LayerValues } from '../layers/layerValues';

/** Only what changed: a rename alone must not start a new version of the layer. */
export function layerPatchOf(values: LayerValues, layer: LayerView, viewerZone: string): LayerPatch {
  const input = layerInputOf(values, viewerZone);
  const current = layerInputOf(layerValuesOf(layer), viewerZone);
  const patch: LayerPatch = {};
  for (const key of ['name', 'timeZone', 'rotation', 'restriction', 'members'] as const) {
    if (JSON.stringify(input[key]) !== JSON.stringify(current[key])) Object.assign(patch, { [key]: input[key] });
  }
  // A restart is a change of its own, even with the same settings.
  if (input.rotationStart !== undefined) patch.rotationStart = input.rotationStart;
  if (Object.keys(patch).length > 0 && input.effectiveAt !== undefined) patch.effectiveAt = input.effectiveAt;
  return patch;
}
