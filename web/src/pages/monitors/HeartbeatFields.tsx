import { Group, NumberInput } from '@mantine/core';

export interface HeartbeatMinutes {
  interval: number | string;
  grace: number | string;
}

interface HeartbeatFieldsProps {
  value: HeartbeatMinutes;
  onChange: (value: HeartbeatMinutes) => void;
  /** Field errors under /body/heartbeat, keyed intervalSeconds and graceSeconds. */
  errors: Record<string, string>;
  /** An error on the heartbeat as a whole (e.g. missing). */
  error?: string | undefined;
}

/** A heartbeat's expected interval and grace, entered in minutes (the API takes seconds). */
export function HeartbeatFields({ value, onChange, errors, error }: HeartbeatFieldsProps) {
  return (
    <Group grow align="flex-start">
      <NumberInput
        label="Expected every (minutes)"
        description="How often your job sends a beat: 1 minute to 7 days"
        required
        min={1}
        max={10080}
        allowDecimal={false}
        clampBehavior="none"
        value={value.interval}
        onChange={(interval) => onChange({ ...value, interval })}
        error={errors['intervalSeconds'] ?? error}
      />
      <NumberInput
        label="Grace period (minutes)"
        description="Extra wait before a missing beat opens an incident: 0 to 1440"
        required
        min={0}
        max={1440}
        allowDecimal={false}
        clampBehavior="none"
        value={value.grace}
        onChange={(grace) => onChange({ ...value, grace })}
        error={errors['graceSeconds']}
      />
    </Group>
  );
}

/** The API's heartbeat in seconds; non-numbers pass through as NaN for the API to reject. */
export const heartbeatSeconds = ({ interval, grace }: HeartbeatMinutes) => ({
  intervalSeconds: Math.round(Number(interval) * 60),
  graceSeconds: Math.round(Number(grace) * 60),
});
