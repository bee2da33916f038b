/**
 * What a public status page shows, computed once per render from storage and the clock.
 * It is the one contract between the model (which builds it) and every public form of a
 * page (HTML, JSON summary, feeds, subscriber notices), so none of those can reach private
 * data: nothing here names a monitor, its target, an incident's internal title or a person.
 */
import type { Instant } from '../schedule/types.js';

/** statuspage.io's component states, so embedders and migrators find familiar words. */
export type ComponentState = 'operational' | 'degraded_performance' | 'partial_outage' | 'major_outage' | 'under_maintenance';

/** A public update's stage, as on statuspage.io and Better Stack. */
export type UpdateStatus = 'investigating' | 'identified' | 'monitoring' | 'resolved';

export type StatusPageAccess = 'public' | 'password' | 'team';

export interface OutageView {
  start: Instant;
  /** null while it lasts. */
  end: Instant | null;
}

export interface UptimeDayView {
  /** The day in the page's time zone, YYYY-MM-DD. */
  date: string;
  /** Share of the day the component was up, 0..1, maintenance excluded; null: no data that day. */
  uptime: number | null;
  /** Some of the day was maintenance (shown as maintenance, not downtime). */
  maintenance: boolean;
  /** The day's outages, clipped to the day, for the hover text. */
  outages: OutageView[];
}

export interface StatusComponentView {
  id: string;
  name: string;
  description: string | null;
  state: ComponentState;
  /** Oldest first, ending today; 90 days. */
  days: UptimeDayView[];
  /** Over the days with data; null when none has. */
  uptime90: number | null;
}

export interface StatusSectionView {
  id: string;
  name: string;
  components: StatusComponentView[];
}

export interface UpdateEntryView {
  id: string;
  status: UpdateStatus;
  body: string;
  at: Instant;
}

/** A public incident ("status update") and its history. */
export interface StatusIncidentView {
  id: string;
  title: string;
  /** Component ids it affects (components of this page only). */
  components: string[];
  /** Newest first. */
  entries: UpdateEntryView[];
  createdAt: Instant;
  /** The instant its last entry said resolved; null while open. */
  resolvedAt: Instant | null;
}

export interface StatusMaintenanceView {
  id: string;
  title: string;
  body: string;
  startsAt: Instant;
  endsAt: Instant;
  components: string[];
  state: 'scheduled' | 'in_progress' | 'completed';
}

export interface StatusPageView {
  id: string;
  slug: string;
  name: string;
  /** Optional text under the name. */
  description: string | null;
  /** IANA zone the uptime days and dates are shown in. */
  timeZone: string;
  /** Public path of the logo image, or null. */
  logoPath: string | null;
  /** #rrggbb chosen by the team; renderers pick readable text colours against it. */
  accentColor: string;
  access: StatusPageAccess;
  /** Worst state of all components. */
  overall: ComponentState;
  sections: StatusSectionView[];
  /** Open ones and those resolved in the last 14 days, newest first. */
  incidents: StatusIncidentView[];
  /** Scheduled and in progress, and those completed in the last 14 days, soonest first. */
  maintenances: StatusMaintenanceView[];
  generatedAt: Instant;
}
