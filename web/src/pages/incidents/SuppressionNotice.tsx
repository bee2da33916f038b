import { Alert, Anchor, Text } from '@mantine/core';
import { IconBellOff } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { Incident } from '../../api/incidentTypes';

type Suppression = NonNullable<Incident['suppression']>;

/** Why an open incident has paged nobody, and how it will page: by hand (Page now) or on its parent's recovery. */
export function SuppressionNotice({ suppression, monitorName, canAct }: { suppression: Suppression; monitorName: (id: string) => string; canAct: boolean }) {
  const pageNow = canAct ? ' Page now sends it to step 1 of its policy at once.' : '';
  return (
    <Alert color="gray" variant="light" icon={<IconBellOff size={18} />} title="Suppressed: nobody has been paged">
      {suppression.by === 'rule' ? (
        <Text size="sm">
          Suppressed by the event rule <strong>{suppression.rule}</strong>.{pageNow}
        </Text>
      ) : (
        <Text size="sm">
          Suppressed while{' '}
          <Anchor component={Link} to={`/monitors/${suppression.monitorId}`}>
            {monitorName(suppression.monitorId)}
          </Anchor>{' '}
          is down (
          <Anchor component={Link} to={`/incidents/${suppression.incidentId}`}>
            see its incident
          </Anchor>
          ). If this one is still open 2 minutes after that incident resolves, it pages.{pageNow}
        </Text>
      )}
    </Alert>
  );
}
