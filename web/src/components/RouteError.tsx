import { Alert, Button, Center, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useLocation, useRouteError } from 'react-router-dom';
import { isMissingChunk, mayReloadFor } from '../missingChunks';

/** What a page shows when it cannot be shown; a page missing after an upgrade loads the new version instead. */
export function RouteError() {
  const error = useRouteError();
  const { pathname } = useLocation();
  const missingChunk = isMissingChunk(error);
  const reloading = missingChunk && mayReloadFor(pathname);
  useEffect(() => {
    if (reloading) window.location.reload();
  }, [reloading]);
  if (reloading) return null;
  return (
    <Center h="100vh" p="md">
      <Alert color="red" title="Could not show this page" icon={<IconAlertTriangle />} maw={480} w="100%">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">
            {missingChunk
              ? 'Part of this page could not be downloaded. Vigil may have been updated, or the connection dropped.'
              : 'Something went wrong while showing this page.'}
          </Text>
          <Button onClick={() => window.location.reload()}>Reload</Button>
        </Stack>
      </Alert>
    </Center>
  );
}
