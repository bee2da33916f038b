import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/ApiError';
import { sessionKey } from './api/session';

const isClientError = (error: Error) => error instanceof ApiError && error.status >= 400 && error.status < 500;

export function createQueryClient(): QueryClient {
  // A 401 from any call but the session check or a failed login means the session
  // ended: re-check it, which sends the user to /login.
  const onError = (error: Error, queryKey?: readonly unknown[]) => {
    if (error instanceof ApiError && error.status === 401 && error.code !== 'invalid_credentials' && queryKey?.[0] !== sessionKey[0]) {
      void client.invalidateQueries({ queryKey: sessionKey });
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, failed) => onError(error, failed.queryKey) }),
    mutationCache: new MutationCache({ onError: (error) => onError(error) }),
    defaultOptions: {
      queries: { retry: (failures, error) => !isClientError(error) && failures < 2, refetchOnWindowFocus: false },
    },
  });
  return client;
}
