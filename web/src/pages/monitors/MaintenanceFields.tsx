import { Fieldset, Stack, Text } from '@mantine/core';
import { messagesUnder } from '../../api/ApiError';
import { TimeZoneSelect } from '../../components/TimeZoneSelect';
import { toLocalInput } from '../../time/zoned';
import { CustomWindowsEditor } from '../schedules/layers/CustomWindowsEditor';
import type { MaintenanceDraft } from './checkDraft';
import { OneOffWindowsEditor } from './OneOffWindowsEditor';

interface MaintenanceFieldsProps {
  value: MaintenanceDraft;
  onChange: (value: MaintenanceDraft) => void;
  /** Field errors under /body/maintenance, keyed like "weekly/0/endTime". */
  errors: Record<string, string>;
}

const hourMs = 3_600_000;

/** Weekly and one-off windows in one time zone during which failures open no incident. */
export function MaintenanceFields({ value, onChange, errors }: MaintenanceFieldsProps) {
  const newWindow = () => {
    // The next whole hour, for an hour: the browser's clock is close enough for a suggestion.
    const start = Math.ceil(new Date().getTime() / hourMs) * hourMs;
    return { start: toLocalInput(start, value.timeZone), end: toLocalInput(start + hourMs, value.timeZone) };
  };
  return (
    <Fieldset legend="Maintenance windows">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          During a window checks still run and are recorded, but failures open no incident.
        </Text>
        <TimeZoneSelect label="Windows time zone" value={value.timeZone} onChange={(timeZone) => onChange({ ...value, timeZone })} error={errors['timeZone']} />
        <Text size="sm" fw={500}>
          Every week
        </Text>
        <CustomWindowsEditor
          windows={value.weekly}
          onChange={(weekly) => onChange({ ...value, weekly })}
          errors={messagesUnder(errors, 'weekly')}
          emptyText="No weekly window."
        />
        <Text size="sm" fw={500}>
          Once
        </Text>
        <OneOffWindowsEditor windows={value.once} onChange={(once) => onChange({ ...value, once })} errors={messagesUnder(errors, 'once')} newWindow={newWindow} />
      </Stack>
    </Fieldset>
  );
}
