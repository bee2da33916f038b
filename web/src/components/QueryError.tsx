import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

/** A failed load, shown where the data would have been. */
export function QueryError({ error }: { error: Error }) {
  return (
    <Alert color="red" title="Could not load" icon={<IconAlertTriangle />} m="md">
      {error.message}
    </Alert>
  );
}
