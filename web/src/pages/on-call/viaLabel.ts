import type { MyShift } from '../../api/myOnCall';

type Part = MyShift['via'][number];

function partLabel(part: Part): string {
  if (part.layerName === null) return 'schedule-wide override';
  if (part.source === 'override') return `override on ${part.layerName}`;
  if (part.source === 'fixed') return `fixed shift on ${part.layerName}`;
  if (part.source === 'cover') return `${part.layerName}, covering for someone on time off`;
  return part.layerName;
}

/** "Day", "Business hours, then After hours", "schedule-wide override": how a shift gives you the pager. */
export function viaLabel(via: Part[]): string {
  return via.map(partLabel).join(', then ');
}
