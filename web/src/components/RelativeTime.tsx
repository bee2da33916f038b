import { Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../time/format';
import { formatRelative } from '../time/relative';
import { useViewerTimeZone } from '../time/useViewerTimeZone';

/** "5 minutes ago", kept current, with the exact time on hover and for screen readers. */
export function RelativeTime({ iso }: { iso: string }) {
  const zone = useViewerTimeZone();
  // The browser's clock: the server's is only reachable through the times it reports.
  const [now, setNow] = useState(() => new Date().getTime());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date().getTime()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const exact = formatDateTime(iso, zone);
  return (
    <Tooltip label={exact}>
      <time dateTime={iso} title={exact}>
        {formatRelative(iso, now)}
      </time>
    </Tooltip>
  );
}
