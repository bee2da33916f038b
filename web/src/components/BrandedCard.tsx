import { Center, Group, Paper, Stack, Title } from '@mantine/core';
import { IconBellRinging } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** The card of the pages seen before signing in (login, first-run setup): Vigil's name over the form. */
export function BrandedCard({ width, children }: { width: number; children: ReactNode }) {
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={width} maw="100%">
        <Stack>
          <Group gap="xs" justify="center">
            <IconBellRinging size={28} />
            <Title order={2}>Vigil</Title>
          </Group>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
