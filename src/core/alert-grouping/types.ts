/**
 * How a pushed monitor folds its alerts into fewer incidents (PagerDuty's alert grouping).
 * window: a new alert joins the monitor's newest open grouped incident that triggered
 * within the last windowMinutes (time-based). labels: alerts whose chosen fields (dotted
 * paths into the event as sent, as in event rules) are equal share an open incident
 * (content-based), only within windowMinutes when it is given.
 */
export type Grouping = { mode: 'window'; windowMinutes: number } | { mode: 'labels'; fields: string[]; windowMinutes?: number };

/** The group an alert belongs to, and how long after its incident opened that incident still takes it (null: while open). */
export interface AlertGroup {
  key: string;
  windowMs: number | null;
}

/** An open incident that was opened under grouping, as the fold decision needs it. */
export interface OpenGroupedIncident {
  id: string;
  groupKey: string;
  triggeredAt: number;
}

/**
 * Where one alert of a batch goes: into an open incident, or into the new incident that
 * the batch's alert `opener` opens (an alert whose opener is itself opens one).
 */
export type Fold = { into: string } | { opener: number };
