import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { getDefaultZIndex, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { prefetchSession } from './api/session';
import { createQueryClient } from './queryClient';
import { watchChunkLoads } from './missingChunks';
import { router } from './router';
import { theme } from './theme';

watchChunkLoads();
const queryClient = createQueryClient();
void prefetchSession(queryClient);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="auto">
      {/* Below dialogs (Mantine puts toasts above them): a "Change saved" toast must never
          sit on the confirm button of the next dialog and swallow its click for seconds. */}
      <Notifications zIndex={getDefaultZIndex('modal') - 1} />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
