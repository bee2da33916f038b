import { Select } from '@mantine/core';

const timeZones = Intl.supportedValuesOf('timeZone');

interface TimeZoneSelectProps {
  value: string;
  onChange: (timeZone: string) => void;
  error?: string | undefined;
  label?: string;
  description?: string;
}

/** A searchable list of the IANA time zones this browser knows. */
export function TimeZoneSelect({ value, onChange, error, label = 'Time zone', description }: TimeZoneSelectProps) {
  return (
    <Select
      label={label}
      description={description}
      searchable
      allowDeselect={false}
      data={timeZones.includes(value) ? timeZones : [value, ...timeZones]}
      value={value}
      onChange={(zone) => zone !== null && onChange(zone)}
      error={error}
    />
  );
}
