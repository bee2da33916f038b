import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { Source, UserRef } from '../../api/scheduleTypes';
import { formatDateTime } from '../../time/format';
import { sourceLabels } from './sourceLabels';

interface OnCallCardProps {
  title: string;
  user: UserRef | null;
  source: Source;
  until: string;
  active: boolean;
  primary: boolean;
  viewerZone: string;
}

/** One layer (or a schedule-wide override) in the banner: who holds it and until when. */
export function OnCallCard({ title, user, source, until, active, primary, viewerZone }: OnCallCardProps) {
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
        <Text size="sm" c="dimmed">
          via {sourceLabels[source]} · until {formatDateTime(until, viewerZone)}
        </Text>
      </Stack>
    </Card>
  );
}
