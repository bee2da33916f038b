import { Center, Group, Loader, Stack, Title } from '@mantine/core';
import { IconBellRinging } from '@tabler/icons-react';

/**
 * What a page shows while its code is still on the way (pages load on first visit). It
 * looks like the splash in index.html, which it replaces, so the first load does not flicker.
 */
export function PageLoader() {
  return (
    <Center h="100vh">
      <Stack align="center" gap="sm">
        <Group gap={8}>
          <IconBellRinging size={28} />
          <Title order={2}>Vigil</Title>
        </Group>
        <Loader size="sm" aria-label="Loading page" />
      </Stack>
    </Center>
  );
}
