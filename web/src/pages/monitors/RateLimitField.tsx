import { NumberInput } from '@mantine/core';
import type { Monitor } from '../../api/incidentTypes';

/** The pushed kinds whose senders can storm, and so have a rate limit (see docs/MONITORS.md). */
export const takesRateLimit = (kind: string): boolean => ['webhook', 'pagerduty', 'alertmanager', 'grafana'].includes(kind);

/** The limit a new monitor of this kind gets when none is given: PagerDuty's own. */
export const defaultEventsPerMinute = (kind: string): number | '' => (kind === 'pagerduty' ? 120 : '');

/** The API's rateLimit from the field: empty is no limit; non-numbers pass through as NaN for the API to reject. */
export const rateLimitOf = (value: number | string): NonNullable<Monitor['rateLimit']> | null =>
  value === '' ? null : { eventsPerMinute: Number(value) };

interface RateLimitFieldProps {
  kind: string;
  value: number | string;
  onChange: (value: number | string) => void;
  error?: string | undefined;
}

/** Events a minute that a pushed monitor accepts; empty for no limit. */
export function RateLimitField({ kind, value, onChange, error }: RateLimitFieldProps) {
  const unit = kind === 'alertmanager' || kind === 'grafana' ? 'notifications' : 'events';
  return (
    <NumberInput
      label={`Rate limit (${unit} per minute)`}
      description={`More are refused with 429 and Retry-After; empty for no limit.${unit === 'notifications' ? ' A refused notification is sent again only at the next group interval.' : ''}`}
      placeholder="No limit"
      min={1}
      max={100000}
      allowDecimal={false}
      clampBehavior="none"
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
