import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';

/** The summary of a failed submit; field errors are also shown next to their fields. */
export function FormError({ error }: { error: Error | null }) {
  if (!error) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle />} role="alert">
      {error.message}
    </Alert>
  );
}
