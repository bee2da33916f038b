import type { Target } from '../../api/incidentTypes';
import { useSchedule, useScheduleChoices } from '../../api/schedules';
import { useTeamChoices } from '../../api/teams';
import { useUserChoices } from '../../api/users';
import { teamsWorkflowName } from './teamsWorkflow';

function LayerName({ scheduleId, layerId }: { scheduleId: string; layerId: string }) {
  const schedule = useSchedule(scheduleId);
  return <>{schedule.data?.layers.find((layer) => layer.id === layerId)?.name ?? 'a removed layer'}</>;
}

/** A target in words: "Schedule Platform on-call (whoever is on call)". */
export function TargetText({ target }: { target: Target }) {
  const schedules = useScheduleChoices();
  const users = useUserChoices();
  const teams = useTeamChoices();
  const scheduleName = (id: string) => schedules.data?.find((s) => s.id === id)?.name ?? '…';
  switch (target.type) {
    case 'schedule':
      return <>Schedule {scheduleName(target.scheduleId)} (whoever is on call)</>;
    case 'schedule_layer':
      return (
        <>
          Layer <LayerName scheduleId={target.scheduleId} layerId={target.layerId} /> of {scheduleName(target.scheduleId)}
        </>
      );
    case 'schedule_all_layers':
      return <>All active layers of {scheduleName(target.scheduleId)}</>;
    case 'user':
      return <>User {users.data?.find((u) => u.id === target.userId)?.name ?? '…'}</>;
    case 'team':
      return <>Team {teams.data?.find((t) => t.id === target.teamId)?.name ?? '…'} (every member)</>;
    case 'webhook':
      return <>Webhook {target.url}</>;
    case 'slack':
      return <>Slack {target.url}</>;
    case 'teams':
      return <>Microsoft Teams {teamsWorkflowName(target.url)}</>;
    case 'slack_channel':
      return <>Slack channel {target.channelId}</>;
    case 'mattermost_channel':
      return <>Mattermost channel {target.channelId}</>;
  }
}
