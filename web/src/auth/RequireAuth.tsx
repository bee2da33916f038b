import { Center, Loader } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../api/session';
import { useSetupStatus } from '../api/setup';
import { QueryError } from '../components/QueryError';

/** Renders the child routes for a logged-in user; sends everyone else to /login, or to /setup on a Vigil without users. */
export function RequireAuth() {
  const session = useSession();
  const setup = useSetupStatus(session.data === null);
  const location = useLocation();
  if (session.isPending || (session.data === null && setup.isPending)) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading session" />
      </Center>
    );
  }
  if (session.isError) return <QueryError error={session.error} />;
  if (session.data === null && setup.data?.required) return <Navigate to="/setup" replace />;
  if (session.data === null) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  // The server answers nothing else until two-factor is set up, so the app does not try.
  if (session.data.mustEnrolTwoFactor) return <Navigate to="/two-factor-setup" replace />;
  return <Outlet />;
}
