import { IconAlertTriangle, IconHeartRateMonitor, IconSitemap } from '@tabler/icons-react';
import { createBrowserRouter, Navigate } from 'react-router-dom';
import { RequireAuth } from './auth/RequireAuth';
import { AppLayout } from './layout/AppLayout';
import { ComingSoonPage } from './pages/ComingSoonPage';
import { LoginPage } from './pages/login/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OnCallPage } from './pages/on-call/OnCallPage';
import { SchedulePage } from './pages/schedules/SchedulePage';
import { SchedulesPage } from './pages/schedules/SchedulesPage';
import { TeamDetailPage } from './pages/teams/TeamDetailPage';
import { TeamsPage } from './pages/teams/TeamsPage';
import { UsersPage } from './pages/users/UsersPage';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <Navigate to="/on-call" replace /> },
          { path: 'on-call', element: <OnCallPage /> },
          { path: 'schedules', element: <SchedulesPage /> },
          { path: 'schedules/:scheduleId', element: <SchedulePage /> },
          {
            path: 'escalation-policies',
            element: (
              <ComingSoonPage
                title="Escalation policies"
                icon={IconSitemap}
                description="Who gets paged, in which order, and how long to wait before escalating."
              />
            ),
          },
          {
            path: 'monitors',
            element: (
              <ComingSoonPage title="Monitors" icon={IconHeartRateMonitor} description="HTTP, TCP, DNS and ping checks, heartbeats and integrations." />
            ),
          },
          {
            path: 'incidents',
            element: (
              <ComingSoonPage title="Incidents" icon={IconAlertTriangle} description="Triggered, acknowledged and resolved incidents with their timelines." />
            ),
          },
          { path: 'teams', element: <TeamsPage /> },
          { path: 'teams/:teamId', element: <TeamDetailPage /> },
          { path: 'users', element: <UsersPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
