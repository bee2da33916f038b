import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { Reachability } from '../../api/accountTypes';
import type { Source, UserRef } from '../../api/scheduleTypes';
import { formatDateTime } from '../../time/format';
import { sourceLabels } from './sourceLabels';
import { UnreachableNote } from './UnreachableNote';

interface OnCallCardProps {
  title: string;
  user: UserRef | null;
  source: Source;
  /** null: no change in sight. */
  until: string | null;
  active: boolean;
  primary: boolean;
  viewerZone: string;
  /** Whether a page now would reach the user; undefined when nobody holds the layer. */
  reachability: Reachability | undefined;
  /** Paged with the user, by shadow overrides. */
  shadows?: UserRef[];
  /** Whose turn this is while they are away (time off): the user covers for them. */
  coverFor?: UserRef | null;
}

/** One layer (or a schedule-wide override) in the banner: who holds it and until when. */
export function OnCallCard({ title, user, source, until, active, primary, viewerZone, reachability, shadows = [], coverFor = null }: OnCallCardProps) {
  return (
    <Card
      component="article"
      aria-label={title}
      withBorder
      radius="md"
      miw={220}
      style={{
        flex: '1 1 0',
        borderColor: primary ? 'var(--mantine-primary-color-filled)' : undefined,
        borderWidth: primary ? 2 : undefined,
        opacity: active ? 1 : 0.55,
        background: active ? undefined : 'var(--mantine-color-default-hover)',
      }}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Text fw={600}>{title}</Text>
          {primary && <Badge>Primary on call</Badge>}
          {!active && (
            <Badge color="gray" variant="outline">
              off-duty
            </Badge>
          )}
        </Group>
        <Text size="lg">{user?.name ?? 'Nobody'}</Text>
        {coverFor !== null && (
          <Text size="sm" c="dimmed">
            {user ? `covering for ${coverFor.name} (time off)` : `${coverFor.name} is away and nobody can cover`}
          </Text>
        )}
        {shadows.length > 0 && (
          <Text size="sm" aria-label="Shadows">
            with {shadows.map((s) => `${s.name} (shadow)`).join(', ')}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          via {sourceLabels[source]} · {until === null ? 'no change in sight' : `until ${formatDateTime(until, viewerZone)}`}
        </Text>
        {user && active && reachability?.reachable === false && <UnreachableNote user={user} reachability={reachability} />}
      </Stack>
    </Card>
  );
}
