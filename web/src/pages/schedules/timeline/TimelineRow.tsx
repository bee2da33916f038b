import { Box, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A labelled lane; children are blocks positioned in percent of the week. */
export function TimelineRow({ label, children, final = false }: { label: string; children: ReactNode; final?: boolean }) {
  return (
    <Group gap="xs" wrap="nowrap" role="group" aria-label={`${label} row`}>
      <Text size="sm" fw={final ? 700 : 500} w={140} truncate>
        {label}
      </Text>
      <Box
        pos="relative"
        h={34}
        style={{
          flex: 1,
          background: 'var(--mantine-color-default-hover)',
          borderRadius: 4,
          // Day lines: the week is seven equal columns.
          backgroundImage: 'linear-gradient(to right, var(--mantine-color-default-border) 1px, transparent 1px)',
          backgroundSize: `${100 / 7}% 100%`,
        }}
      >
        {children}
      </Box>
    </Group>
  );
}
