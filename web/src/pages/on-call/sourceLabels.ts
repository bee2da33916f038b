import type { Source } from '../../api/scheduleTypes';

export const sourceLabels: Record<Source, string> = {
  rotation: 'rotation',
  cover: 'automatic cover (time off)',
  override: 'override',
  fixed: 'fixed shift',
  none: 'nobody assigned',
};
