import { Select } from '@mantine/core';

const timeZones = Intl.supportedValuesOf('timeZone');

interface TimeZoneSelectProps {
  value: string;
  onChange: (timeZone: string) => void;
  error?: string | undefined;
  label?: string;
}

/** A searchable list of the IANA time zones this browser knows. */
export function TimeZoneSelect({ value, onChange, error, label = 'Time zone' }: TimeZoneSelectProps) {
  return (
    <Select
      label={label}
      searchable
      allowDeselect={false}
      data={timeZones.includes(value) ? timeZones : [value, ...timeZones]}
      value={value}
      onChange={(zone) => zone !== null && onChange(zone)}
      error={error}
    />
  );
}
