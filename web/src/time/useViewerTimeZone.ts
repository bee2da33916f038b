import { useSession } from '../api/session';

const browserTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Times are shown in the logged-in user's zone from their profile, else the browser's. */
export function useViewerTimeZone(): string {
  const { data } = useSession();
  return data?.user.timeZone ?? browserTimeZone;
}
