import type { BodyOf, ResponseOf } from './schema';

export type ScheduleSummary = ResponseOf<'getSchedules'>['items'][number];
export type ScheduleDetail = ResponseOf<'getSchedulesById'>;
export type LayerView = ScheduleDetail['layers'][number];
export type Rotation = LayerView['rotation'];
export type Restriction = LayerView['restriction'];
export type RestrictionWindow = Extract<Restriction, { kind: 'custom' }>['windows'][number];
export type DailyWindow = Extract<Restriction, { kind: 'daily' }>['windows'][number];
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = RestrictionWindow['startDay'];
export type UserRef = LayerView['members'][number];

export type NewSchedule = BodyOf<'postSchedules'>;
export type LayerInput = BodyOf<'postSchedulesByIdLayers'>;
export type LayerPatch = BodyOf<'patchSchedulesByIdLayersByLayerId'>;
export type ScheduleEdit = BodyOf<'postSchedulesByIdPreview'>['edit'];

export type OnCall = ResponseOf<'getSchedulesByIdOnCall'>;
export type LayerOnCall = OnCall['layers'][number];
export type Source = LayerOnCall['source'];

export type Timeline = ResponseOf<'getSchedulesByIdTimeline'>;
export type LayerSegment = Timeline['layers'][number]['segments'][number];
export type FinalSegment = Timeline['final'][number];
export type Span = Timeline['gaps'][number];
export type Preview = ResponseOf<'postSchedulesByIdPreview'>;

export type OverrideView = ResponseOf<'getSchedulesByIdOverrides'>['items'][number];
export type NewOverride = BodyOf<'postSchedulesByIdOverrides'>;

export type HoursReport = ResponseOf<'getSchedulesByIdHours'>;
export type HoursRow = HoursReport['items'][number];
