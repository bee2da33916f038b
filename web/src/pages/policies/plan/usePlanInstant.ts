import { useState } from 'react';
import { fromLocalInput } from '../../../time/zoned';
import { useViewerTimeZone } from '../../../time/useViewerTimeZone';

/** The "if it fired at" input: a local date-time in the viewer's zone, empty for now. */
export function usePlanInstant() {
  const zone = useViewerTimeZone();
  const [local, setLocal] = useState('');
  const iso = local === '' ? undefined : fromLocalInput(local, zone);
  return { local, setLocal, iso, zone };
}

export type PlanInstant = ReturnType<typeof usePlanInstant>;
