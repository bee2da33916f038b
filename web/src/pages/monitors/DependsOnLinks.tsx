import { Anchor, Text } from '@mantine/core';
import { Fragment } from 'react';
import { Link } from 'react-router-dom';
import { useMonitorChoices } from '../../api/monitors';

/** The monitors this one depends on, each a link; said only when there are some. */
export function DependsOnLinks({ ids }: { ids: string[] }) {
  const monitors = useMonitorChoices();
  if (ids.length === 0) return null;
  const name = (id: string) => monitors.data?.find((m) => m.id === id)?.name ?? 'a monitor';
  return (
    <Text>
      Depends on:{' '}
      {ids.map((id, i) => (
        <Fragment key={id}>
          {i > 0 && ', '}
          <Anchor component={Link} to={`/monitors/${id}`}>
            {name(id)}
          </Anchor>
        </Fragment>
      ))}
      <Text span size="sm" c="dimmed">
        {' '}
        (while one is down, incidents here page nobody)
      </Text>
    </Text>
  );
}
