import { TextInput } from '@mantine/core';

interface TimeFieldProps {
  label: string;
  /** The accessible name when the visible label is short ("from", "to") and several rows share it. */
  ariaLabel?: string;
  value: string;
  onChange: (time: string) => void;
  error?: string | undefined;
}

/** A local 'HH:MM' time, the one shape every handoff and window time has. */
export function TimeField({ label, ariaLabel, value, onChange, error }: TimeFieldProps) {
  return <TextInput label={label} aria-label={ariaLabel} type="time" w={120} value={value} onChange={(e) => onChange(e.currentTarget.value)} error={error} />;
}
