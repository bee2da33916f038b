export type * from './types.js';
export { resolveAt, primaryAt, DEFAULT_HORIZON } from './resolve.js';
export { timeline, timelineRows } from './timeline.js';
export { coverageGaps } from './coverage.js';
export { onCallHours } from './hours-report.js';
export { nextLayerVersion, editLayer } from './layer-version.js';
export { BUSINESS_HOURS, WEEKENDS, restrictionWindows } from './restriction.js';
export { assertTimeZone } from '../time/zone.js';
export { validateLayerDraft, type DraftProblem } from './validate.js';
