import { Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { OnCall } from '../../api/scheduleTypes';

interface OnCallFiltersProps {
  teams: OnCall['team'][];
  teamId: string;
  search: string;
  onTeamChange: (teamId: string) => void;
  onSearchChange: (search: string) => void;
}

/** Narrows Who's on-call to one team and a search; the team choice shows only when there is a choice. */
export function OnCallFilters({ teams, teamId, search, onTeamChange, onSearchChange }: OnCallFiltersProps) {
  return (
    <Group role="search" aria-label="Filter schedules" gap="sm" align="flex-end">
      <TextInput
        label="Search"
        type="search"
        placeholder="Schedule or person"
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => onSearchChange(e.currentTarget.value)}
        style={{ flex: '2 1 220px' }}
      />
      {teams.length > 1 && (
        <Select
          label="Team"
          data={[{ value: '', label: 'All teams' }, ...teams.map((t) => ({ value: t.id, label: t.name }))]}
          value={teamId}
          onChange={(value) => onTeamChange(value ?? '')}
          allowDeselect={false}
          style={{ flex: '1 1 160px' }}
        />
      )}
    </Group>
  );
}
