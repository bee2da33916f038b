import { query } from './client';

/** A plain link: the browser downloads it with the session cookie. */
export function hoursCsvUrl(scheduleId: string, from: string, to: string): string {
  return `/api/v1/schedules/${scheduleId}/hours.csv${query({ from, to })}`;
}
