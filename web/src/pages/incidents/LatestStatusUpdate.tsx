import { Alert, Text } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import type { IncidentEvent } from '../../api/incidentTypes';
import { RelativeTime } from '../../components/RelativeTime';
import type { NameOf } from './describeEvent';

/** The newest status update heads the page: where things stand, for whoever opens it. */
export function LatestStatusUpdate({ timeline, nameOf }: { timeline: IncidentEvent[]; nameOf: NameOf }) {
  const latest = timeline.findLast((e) => e.kind === 'status_update');
  if (!latest) return null;
  return (
    <Alert color="blue" variant="light" icon={<IconSpeakerphone size={18} />} title="Status update">
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {typeof latest.data['text'] === 'string' ? latest.data['text'] : ''}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {nameOf(latest.actorId)}, <RelativeTime iso={latest.at} />
      </Text>
    </Alert>
  );
}
