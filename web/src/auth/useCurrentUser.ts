import { useSession } from '../api/session';
import type { User } from '../api/types';

/** The logged-in user; only for components rendered behind RequireAuth. */
export function useCurrentUser(): User {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser is used outside RequireAuth');
  return data.user;
}
