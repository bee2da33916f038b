import { Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Target, TargetType } from '../../api/incidentTypes';
import { useScheduleChoices } from '../../api/schedules';
import { useTeamChoices } from '../../api/teams';
import { useUserChoices } from '../../api/users';
import { teamLabelledOptions } from '../../components/teamLabelledOptions';
import { LayerSelect } from './LayerSelect';
import { targetTypes } from './targetTypes';

const urlLabels: Partial<Record<TargetType, string>> = { slack: 'Slack webhook URL', teams: 'Teams workflow URL', slack_channel: 'Slack channel ID', mattermost_channel: 'Mattermost channel ID' };

/** The complete target the choices describe, or null while something is missing. */
function targetOf(type: TargetType, id: string | null, layerId: string | null, url: string): Target | null {
  if (type === 'webhook' || type === 'slack' || type === 'teams') return url.trim() === '' ? null : { type, url: url.trim() };
  if (type === 'slack_channel' || type === 'mattermost_channel') return url.trim() === '' ? null : { type, channelId: url.trim() };
  if (id === null) return null;
  switch (type) {
    case 'schedule':
    case 'schedule_all_layers':
      return { type, scheduleId: id };
    case 'schedule_layer':
      return layerId === null ? null : { type, scheduleId: id, layerId };
    case 'user':
      return { type, userId: id };
    case 'team':
      return { type, teamId: id };
  }
}

/**
 * Adds a target to a step: first what kind, then which schedule, layer, user, team or URL.
 * A target counts as soon as it is complete (a choice made; a URL entered with Enter or
 * by leaving the field), so saving never drops one that looked added.
 */
export function TargetPicker({ stepNumber, onAdd }: { stepNumber: number; onAdd: (target: Target) => void }) {
  const schedules = useScheduleChoices();
  const users = useUserChoices();
  const teams = useTeamChoices();
  const [type, setType] = useState<TargetType>('schedule');
  const [id, setId] = useState<string | null>(null);
  const [layerId, setLayerId] = useState<string | null>(null);
  const [url, setUrl] = useState('');

  const changeType = (next: TargetType) => {
    setType(next);
    setId(null);
    setLayerId(null);
  };
  const addIfComplete = (next: { id: string | null; layerId: string | null; url: string }) => {
    const target = targetOf(type, next.id, next.layerId, next.url);
    if (target === null) {
      setId(next.id);
      setLayerId(next.layerId);
      return;
    }
    onAdd(target);
    setId(null);
    setLayerId(null);
    setUrl('');
  };
  const options = {
    schedule: teamLabelledOptions(schedules.data ?? [], teams.data),
    user: (users.data ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
    team: (teams.data ?? []).map((t) => ({ value: t.id, label: t.name })),
  };
  const choice = type === 'user' ? 'user' : type === 'team' ? 'team' : type === 'webhook' || type === 'slack' || type === 'teams' || type === 'slack_channel' || type === 'mattermost_channel' ? null : 'schedule';

  return (
    <Group align="flex-end" role="group" aria-label={`Add a target to step ${stepNumber}`}>
      <Select<TargetType>
        label="Target type"
        allowDeselect={false}
        data={targetTypes}
        value={type}
        onChange={(next) => next !== null && changeType(next)}
        // The whole row on a phone, where 260 px cut the longer kinds ("Microsoft Teams (workflow webhook)").
        w={{ base: '100%', xs: 280 }}
      />
      {choice !== null && (
        <Select
          label={choice === 'user' ? 'User' : choice === 'team' ? 'Team' : 'Schedule'}
          placeholder="Pick one"
          searchable
          data={options[choice]}
          value={id}
          onChange={(next) => addIfComplete({ id: next, layerId: null, url })}
          w={240}
        />
      )}
      {type === 'schedule_layer' && id !== null && <LayerSelect key={id} scheduleId={id} value={layerId} onChange={(next) => addIfComplete({ id, layerId: next, url })} />}
      {choice === null && (
        <TextInput
          label={urlLabels[type] ?? 'Webhook URL'}
          placeholder={type === 'slack_channel' ? 'C0123ABCD' : type === 'mattermost_channel' ? '26 letters and digits' : 'https://'}
          value={url}
          description={
            type === 'teams'
              ? "The workflow's HTTP URL; added when you press Enter or leave the field"
              : type === 'slack_channel'
                ? "At the bottom of the channel's details in Slack; invite the Vigil app to a private channel"
                : type === 'mattermost_channel'
                  ? "In Mattermost, the channel's menu, View Info; add the Vigil bot to the channel"
                  : 'Added when you press Enter or leave the field'
          }
          onChange={(e) => setUrl(e.currentTarget.value)}
          onBlur={() => addIfComplete({ id, layerId, url })}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            // Enter would submit the whole policy form.
            e.preventDefault();
            addIfComplete({ id, layerId, url });
          }}
          w={320}
        />
      )}
    </Group>
  );
}
