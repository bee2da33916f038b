import type { Reachability } from './accountTypes';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type Rotation =
  | { kind: 'daily'; handoffTime: string; days?: Weekday[] }
  | { kind: 'weekly'; handoffDay: Weekday; handoffTime: string }
  | { kind: 'custom'; every: number; unit: 'hours' | 'days' | 'weeks'; anchor: string };

export interface RestrictionWindow {
  startDay: Weekday;
  startTime: string;
  endDay: Weekday;
  endTime: string;
}

export type Restriction =
  | { kind: 'always' }
  | { kind: 'business_hours' }
  | { kind: 'weekends' }
  | { kind: 'custom'; windows: RestrictionWindow[] };

export interface UserRef {
  id: string;
  name: string;
  email: string;
}

export type Source = 'override' | 'fixed' | 'rotation' | 'none';

export interface ScheduleSummary {
  id: string;
  name: string;
  description: string;
  teamId: string;
  timeZone: string;
  createdAt: string;
}

interface LayerConfig {
  timeZone: string;
  rotation: Rotation;
  restriction: Restriction;
  members: UserRef[];
}

export interface LayerView extends LayerConfig {
  id: string;
  name: string;
  /** 0 is the top layer, labelled Primary. */
  position: number;
  effectiveFrom: string;
  upcoming: (LayerConfig & { effectiveFrom: string })[];
}

export interface ScheduleDetail extends ScheduleSummary {
  layers: LayerView[];
  scheduledChanges: { effectiveFrom: string; layerIds: string[] }[];
}

export interface LayerInput {
  name: string;
  timeZone?: string;
  rotation: Rotation;
  restriction?: Restriction;
  members: string[];
  effectiveAt?: string;
}

export type LayerPatch = Partial<LayerInput>;

export interface NewSchedule {
  name: string;
  description?: string;
  teamId: string;
  timeZone: string;
  layers: Omit<LayerInput, 'effectiveAt'>[];
}

export type ScheduleEdit =
  | { kind: 'add_layer'; layer: LayerInput }
  | { kind: 'update_layer'; layerId: string; patch: LayerPatch }
  | { kind: 'reorder_layers'; layerIds: string[] }
  | { kind: 'remove_layer'; layerId: string };

export interface LayerOnCall {
  layerId: string;
  name: string;
  position: number;
  user: UserRef | null;
  source: Source;
  /** false: outside the layer's restriction (off-duty). */
  active: boolean;
  /** null: no change in sight (none before the year 10000). */
  until: string | null;
}

export interface OnCall {
  scheduleId: string;
  scheduleName: string;
  timeZone: string;
  at: string;
  /** null: no change in sight (none before the year 10000). */
  until: string | null;
  primary: { user: UserRef; layerId: string | null; layerName: string | null; source: Source } | null;
  layers: LayerOnCall[];
  /** Whether a page now would reach each person named above. */
  reachability: Reachability[];
}

export interface Span {
  start: string;
  end: string;
}

export interface LayerSegment extends Span {
  user: UserRef | null;
  source: Source;
  active: boolean;
}

export interface FinalSegment extends Span {
  user: UserRef | null;
  layerId: string | null;
  source: Source;
}

export interface Timeline {
  from: string;
  to: string;
  timeZone: string;
  layers: { layerId: string; name: string; segments: LayerSegment[] }[];
  final: FinalSegment[];
  gaps: Span[];
}

export interface Preview {
  before: Timeline;
  after: Timeline;
  changes: (Span & { before: UserRef | null; after: UserRef | null })[];
}

export interface OverrideView extends Span {
  id: string;
  /** null: schedule-wide. */
  layerId: string | null;
  user: UserRef;
  createdAt: string;
}

export interface NewOverride extends Span {
  layerId: string | null;
  userId: string;
}

export interface HoursRow {
  user: UserRef;
  total: number;
  businessHours: number;
  nights: number;
  weekends: number;
}

export interface HoursReport {
  from: string;
  to: string;
  timeZone: string;
  items: HoursRow[];
}
