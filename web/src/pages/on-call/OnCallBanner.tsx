import { Alert, Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconHandGrab } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { hasRole } from '../../auth/roles';
import { useCurrentUser } from '../../auth/useCurrentUser';
import type { OnCall } from '../../api/scheduleTypes';
import { ZoneNote } from '../../time/ZoneNote';
import { UpcomingGapsNote } from '../schedules/gaps/UpcomingGapsNote';
import { NowAndNext } from './NowAndNext';
import { OnCallCard } from './OnCallCard';
import { TakeOnCallModal } from './TakeOnCallModal';

/** "Currently On-Call" for one schedule: every layer side by side, the paged one highlighted. */
export function OnCallBanner({ onCall, viewerZone, linkToSchedule }: { onCall: OnCall; viewerZone: string; linkToSchedule: boolean }) {
  const { primary } = onCall;
  const layers = [...onCall.layers].sort((a, b) => a.position - b.position);
  const reachabilityOf = (userId: string | undefined) => onCall.reachability.find((r) => r.userId === userId);
  const [taking, setTaking] = useState(false);
  // Viewers are never on call; the server says no to anyone outside the team, in the form.
  const mayTake = hasRole(useCurrentUser().role, 'responder');
  return (
    <Paper component="section" aria-label={`Currently On-Call: ${onCall.scheduleName}`} withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Text fw={700}>
            Currently On-Call
            {linkToSchedule && (
              <>
                {' · '}
                <Anchor component={Link} to={`/schedules/${onCall.scheduleId}`}>
                  {onCall.scheduleName}
                </Anchor>
                <Text span size="sm" c="dimmed" fw={400}>
                  {' · '}
                  {onCall.team.name}
                </Text>
              </>
            )}
          </Text>
          <Group gap="sm">
            <ZoneNote viewerZone={viewerZone} scheduleZone={onCall.timeZone} />
            {mayTake && (
              <Button size="compact-sm" variant="light" leftSection={<IconHandGrab size={14} />} onClick={() => setTaking(true)}>
                Take on call now
              </Button>
            )}
          </Group>
        </Group>
        <TakeOnCallModal onCall={onCall} viewerZone={viewerZone} opened={taking} onClose={() => setTaking(false)} />
        <NowAndNext onCall={onCall} viewerZone={viewerZone} />
        {/* The schedule's own page lists the gaps in full. */}
        {linkToSchedule && <UpcomingGapsNote scheduleId={onCall.scheduleId} teamId={onCall.team.id} viewerZone={viewerZone} now={onCall.at} />}
        {primary === null && (
          <Alert color="red" title="Nobody is on call">
            {onCall.shadows.length === 0
              ? 'No layer is active with someone on it right now: pages to this schedule reach nobody.'
              : `No layer is active with someone on it right now: pages to this schedule reach only ${onCall.shadows.map((s) => `${s.user.name} (shadow)`).join(', ')}.`}
          </Alert>
        )}
        <Group align="stretch" wrap="wrap" gap="sm">
          {/* A schedule-wide override replaces the primary regardless of layers. */}
          {primary !== null && primary.layerId === null && (
            <OnCallCard
              title="Schedule-wide override"
              user={primary.user}
              source={primary.source}
              until={onCall.until}
              active
              primary
              viewerZone={viewerZone}
              reachability={reachabilityOf(primary.user.id)}
              shadows={onCall.shadows.map((s) => s.user)}
            />
          )}
          {layers.map((layer) => (
            <OnCallCard
              key={layer.layerId}
              title={layer.name}
              user={layer.user}
              source={layer.source}
              coverFor={layer.coverFor}
              until={layer.until}
              active={layer.active}
              primary={primary?.layerId === layer.layerId}
              viewerZone={viewerZone}
              reachability={reachabilityOf(layer.user?.id)}
              // The primary's card lists everyone paged with it, schedule-wide shadows included.
              shadows={(primary?.layerId === layer.layerId ? onCall.shadows : layer.shadows).map((s) => s.user)}
            />
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
