import { Center, Loader } from '@mantine/core';

/** What a page shows while its code is still on the way (pages load on first visit). */
export function PageLoader() {
  return (
    <Center h="100vh">
      <Loader aria-label="Loading page" />
    </Center>
  );
}
