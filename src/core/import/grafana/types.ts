/**
 * What the import reads from Grafana OnCall's public API (/api/v1/), as its documentation
 * (grafana/oncall docs/sources/oncall-api-reference/*.md) shows each object. Only the fields
 * the import uses are declared.
 */

/** A page of a list (users.md, schedules.md, …): Django REST framework's page-number pagination. */
export interface GoPage<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
  page_size: number;
  current_page_number: number;
  total_pages: number;
}

/** teams.md */
export interface GoTeam {
  id: string;
  name: string;
}

/** users.md: role is admin, editor or viewer; timezone may be null (never set). */
export interface GoUser {
  id: string;
  email: string;
  username: string;
  role: string;
  timezone: string | null;
}

/** schedules.md: `shifts` (on-call shift ids) only for type calendar. */
export interface GoSchedule {
  id: string;
  name: string;
  type: string;
  team_id: string | null;
  time_zone?: string | null;
  shifts?: string[];
}

/** iCal weekday codes (on_call_shifts.md `by_day`, `week_start`). */
export type GoDay = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';

/** on_call_shifts.md: `start` and `until` are local date-times (yyyy-MM-dd'T'HH:mm:ss) in `time_zone`. */
export interface GoShift {
  id: string;
  name: string;
  type: string;
  team_id: string | null;
  /** null: the schedule's zone. */
  time_zone: string | null;
  level: number;
  start: string;
  /** Seconds. */
  duration: number;
  frequency?: string | null;
  interval?: number | null;
  until?: string | null;
  week_start?: GoDay | null;
  by_day?: GoDay[] | null;
  by_month?: number[] | null;
  by_monthday?: number[] | null;
  users?: string[];
  rolling_users?: string[][] | null;
  start_rotation_from_user_index?: number | null;
}

/** escalation_chains.md */
export interface GoEscalationChain {
  id: string;
  name: string;
  team_id: string | null;
}

/** escalation_policies.md: `duration` (seconds) for wait steps. */
export interface GoEscalationPolicy {
  id: string;
  escalation_chain_id: string;
  position: number;
  type: string;
  duration?: number | null;
  important?: boolean;
  persons_to_notify?: string[] | null;
  notify_on_call_from_schedule?: string | null;
}

/** schedules.md "Export a schedule's final shifts": Grafana OnCall's own answer. */
export interface GoFinalShift {
  user_pk: string;
  user_email: string;
  user_username: string;
  shift_start: string;
  shift_end: string;
}

/** integrations.md: `link` is the URL senders post to; `default_route` pages an escalation chain. */
export interface GoIntegration {
  id: string;
  name: string;
  team_id: string | null;
  type: string;
  link: string | null;
  default_route: { id: string; escalation_chain_id: string | null } | null;
}
