import { MultiSelect } from '@mantine/core';
import { useMonitorChoices } from '../../api/monitors';
import { useTeamChoices } from '../../api/teams';
import { teamLabelledOptions } from '../../components/teamLabelledOptions';

interface DependsOnFieldProps {
  /** The monitor being edited, which cannot depend on itself; absent while creating. */
  monitorId?: string | undefined;
  value: string[];
  onChange: (value: string[]) => void;
  /** The API's messages under /body/dependsOn, keyed by the entry's index ('' for the list). */
  errors: Record<string, string>;
}

/** Monitors this one needs: while one is down, this one's new incidents page nobody. */
export function DependsOnField({ monitorId, value, onChange, errors }: DependsOnFieldProps) {
  const monitors = useMonitorChoices();
  const teams = useTeamChoices();
  const choices = (monitors.data ?? []).filter((m) => m.id !== monitorId);
  const name = (id: string | undefined) => monitors.data?.find((m) => m.id === id)?.name ?? 'A monitor';
  // Each refused entry is named: the API points at it by its place in the list.
  const error = Object.entries(errors)
    .map(([index, message]) => (index === '' ? message : `${name(value[Number(index)])} ${message}`))
    .join('; ');
  return (
    <MultiSelect
      label="Depends on"
      description="While one of these is down, new incidents here are recorded without paging anyone; if still open 2 minutes after it recovers, they page."
      placeholder={value.length === 0 ? 'Nothing' : undefined}
      searchable
      clearable
      nothingFoundMessage="No such monitor"
      data={teamLabelledOptions(choices, teams.data)}
      value={value}
      onChange={onChange}
      error={error || undefined}
    />
  );
}
