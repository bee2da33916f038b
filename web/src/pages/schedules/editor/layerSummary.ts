import type { LayerView, Restriction, Rotation } from '../../../api/scheduleTypes';
import { daysText, weekdays } from '../layers/weekdays';

function rotationText(rotation: Rotation): string {
  switch (rotation.kind) {
    case 'daily':
      return `Daily, ${rotation.days === undefined || rotation.days.length === 7 ? '' : `${daysText(rotation.days)} `}${rotation.handoffTime}`;
    case 'weekly':
      return `Weekly, ${weekdays[rotation.handoffDay - 1]?.label ?? ''} ${rotation.handoffTime}`;
    case 'monthly':
      return `Monthly, day ${rotation.handoffDay} ${rotation.handoffTime}`;
    case 'custom':
      return `Every ${rotation.every} ${rotation.every === 1 ? rotation.unit.replace(/s$/, '') : rotation.unit} from ${rotation.anchor.replace('T', ' ')}`;
    default: {
      // Kinds added later read as their name and handoff time until they get words of their own.
      const other: { kind: string; handoffTime?: string } = rotation;
      return `${other.kind.charAt(0).toUpperCase()}${other.kind.slice(1)}${other.handoffTime === undefined ? '' : `, ${other.handoffTime}`}`;
    }
  }
}

function restrictionText(restriction: Restriction): string {
  switch (restriction.kind) {
    case 'always':
      return 'always active';
    case 'business_hours':
      return 'business hours';
    case 'weekends':
      return 'weekends';
    case 'daily':
      return restriction.windows.length === 0 ? 'never active' : restriction.windows.map((w) => `${daysText(w.days)} ${w.startTime}–${w.endTime}`).join(' and ');
    case 'custom':
      return restriction.windows.length === 1 ? '1 custom window' : `${restriction.windows.length} custom windows`;
    default:
      return (restriction as { kind: string }).kind.replace('_', ' ');
  }
}

/** A layer in one line: "Weekly, Monday 09:00, business hours, Alice → Bob → Carol". */
export function layerSummary(layer: LayerView): string {
  const members = layer.members.length === 0 ? 'nobody' : layer.members.map((m) => m.name).join(' → ');
  return `${rotationText(layer.rotation)}, ${restrictionText(layer.restriction)}, ${members}`;
}
