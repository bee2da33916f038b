import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One labelled fact about a monitor, in the row of cards on its page. */
export function InfoCard({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" role="group" aria-label={label}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {children}
    </Paper>
  );
}
