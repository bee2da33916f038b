/** Epoch milliseconds. */
export type Instant = number;

/** ISO weekday: Monday = 1 … Sunday = 7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Local wall-clock time of day, 'HH:MM' (00:00–23:59). */
export type LocalTime = string;

/** Local date-time without zone, 'YYYY-MM-DDTHH:MM', read in the layer's time zone. */
export type LocalDateTime = string;

export type Rotation =
  /** A handoff at `handoffTime` on each of `days` (default all seven); one turn per handoff. */
  | { kind: 'daily'; handoffTime: LocalTime; days?: Weekday[] }
  | { kind: 'weekly'; handoffDay: Weekday; handoffTime: LocalTime }
  /** A handoff each month on `handoffDay` (1–31; beyond the month's length, its last day). */
  | { kind: 'monthly'; handoffDay: number; handoffTime: LocalTime }
  /** A handoff every `every` units from `anchor`, where the first member's turn begins. */
  | { kind: 'custom'; every: number; unit: 'hours' | 'days' | 'weeks'; anchor: LocalDateTime };

/** A weekly window; the end is exclusive and may come before the start (it wraps the week). */
export interface RestrictionWindow {
  startDay: Weekday;
  startTime: LocalTime;
  endDay: Weekday;
  endTime: LocalTime;
}

/**
 * The same hours on each of `days` ("Mon–Fri 09:00–17:00"). An end before the start runs
 * past midnight into the next day; validation refuses an end equal to the start.
 */
export interface DailyWindow {
  days: Weekday[];
  startTime: LocalTime;
  endTime: LocalTime;
}

export type Restriction =
  | { kind: 'always' }
  /** Monday–Friday 09:00–17:00. */
  | { kind: 'business_hours' }
  /** Saturday 00:00 to Monday 00:00. */
  | { kind: 'weekends' }
  /** One entry per set of days with the same hours, instead of one weekly window per day. */
  | { kind: 'daily'; windows: DailyWindow[] }
  | { kind: 'custom'; windows: RestrictionWindow[] };

/** What a user edits: a layer's configuration without its history bookkeeping. */
export interface LayerDraft {
  /** IANA zone for handoffs and windows; callers fill in the schedule's zone by default. */
  timeZone: string;
  rotation: Rotation;
  restriction: Restriction;
  /** Rotation order; repeats allowed; empty means the layer has nobody. */
  members: string[];
}

/**
 * "From `at`, `member` (an index in the draft's members) is on call": that member holds the
 * layer until the end of the first whole turn starting at or after `at`, then the order
 * continues after them. Before `at` the earlier versions apply (or the layer has nobody).
 */
export interface RotationStart {
  at: Instant;
  member: number;
}

export interface LayerVersion extends LayerDraft {
  effectiveFrom: Instant;
  /** Index in `members` of whoever's turn (by the rotation) is in force at `effectiveFrom`. */
  startIndex: number;
  /**
   * Set when a roster change removed the person then on call: they keep the layer from
   * `effectiveFrom` until `until` (the next handoff), then the rotation takes over.
   */
  carryOver: { userId: string; until: Instant } | null;
}

export interface Layer {
  id: string;
  name: string;
  /** Sorted by `effectiveFrom`; before the first one the layer does not exist yet. */
  versions: LayerVersion[];
}

/**
 * 'replace': the override's user takes the scope over. 'shadow': they are paged alongside
 * whoever the scope pages (see `shadows` below); who that is never changes.
 */
export type OverrideMode = 'replace' | 'shadow';

export interface Override {
  id: string;
  /** null: schedule-wide, replacing the primary whatever the restrictions say. */
  layerId: string | null;
  userId: string;
  /** Absent means 'replace', which is what every override was before shadows existed. */
  mode?: OverrideMode;
  start: Instant;
  end: Instant;
  createdAt: Instant;
}

export interface FixedShift {
  layerId: string;
  userId: string;
  start: Instant;
  end: Instant;
}

/** A member away over [start, end): their rotation turns are covered meanwhile. */
export interface Absence {
  userId: string;
  start: Instant;
  end: Instant;
}

export interface Schedule {
  /** Display zone; also the default zone of the hours report. */
  timeZone: string;
  /** Position order: index 0 is the top layer, labelled "Primary". */
  layers: Layer[];
  overrides: Override[];
  fixedShifts: FixedShift[];
  /** Time off of the layers' members; absent means nobody is away. */
  timeOff?: Absence[];
}

/**
 * 'cover': the rotation turn belongs to someone away (`coverFor`), and the next member in
 * order who is not away holds it, like an automatic override.
 */
export type LayerSource = 'override' | 'fixed' | 'rotation' | 'cover' | 'none';

export interface LayerState {
  layerId: string;
  userId: string | null;
  source: LayerSource;
  /** The layer's restriction covers the instant (whether or not it has a user). */
  active: boolean;
  /**
   * Users of this layer's shadow overrides covering the instant, paged with `userId`
   * whenever the layer is: sorted, without duplicates or `userId`, empty when it is null.
   */
  shadows: string[];
  /**
   * Set only when the rotation turn belongs to someone away: them. The holder is then
   * their cover (source 'cover'), or nobody (source 'none') when every member is away.
   */
  coverFor?: string;
}

export interface Primary {
  userId: string;
  /** null when a schedule-wide override holds the pager. */
  layerId: string | null;
  source: 'override' | 'fixed' | 'rotation' | 'cover';
  /** With source 'cover': whose turn it is (they are away). */
  coverFor?: string;
}

export interface Resolution {
  primary: Primary | null;
  /**
   * Paged with the primary: the shadows of the layer that provides it, and every
   * schedule-wide shadow, also when there is no primary. Sorted, without duplicates or
   * the primary's user.
   */
  shadows: string[];
  layers: (LayerState & { until: Instant })[];
  /** Next instant at which anything above changes, capped at the horizon. */
  until: Instant;
}

export interface Range {
  start: Instant;
  end: Instant;
}

export interface TimelineSegment extends Range {
  primary: Primary | null;
  shadows: string[];
  layers: LayerState[];
}

export interface LayerSegment extends Range {
  userId: string | null;
  source: LayerSource;
  active: boolean;
  shadows: string[];
  /** As `LayerState.coverFor`. */
  coverFor?: string;
}

export interface PrimarySegment extends Range {
  primary: Primary | null;
  /** As `Resolution.shadows`. */
  shadows: string[];
}

/** The rows the schedule page draws: one per layer in position order, then the result. */
export interface TimelineRows {
  layers: { layerId: string; name: string; segments: LayerSegment[] }[];
  final: PrimarySegment[];
}

export interface UserHours {
  userId: string;
  total: number;
  /** Monday–Friday 09:00–17:00. */
  businessHours: number;
  /** Monday–Friday outside business hours. */
  nights: number;
  /** Saturday and Sunday. */
  weekends: number;
}
