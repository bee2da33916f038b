import { createBrowserRouter, Navigate } from 'react-router-dom';
import { RequireAuth } from './auth/RequireAuth';
import { AppLayout } from './layout/AppLayout';
import { AuditPage } from './pages/audit/AuditPage';
import { IncidentPage } from './pages/incidents/IncidentPage';
import { IncidentsPage } from './pages/incidents/IncidentsPage';
import { LoginPage } from './pages/login/LoginPage';
import { MonitorPage } from './pages/monitors/MonitorPage';
import { MonitorsPage } from './pages/monitors/MonitorsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PoliciesPage } from './pages/policies/PoliciesPage';
import { PolicyEditorPage } from './pages/policies/PolicyEditorPage';
import { OnCallPage } from './pages/on-call/OnCallPage';
import { ProfilePage } from './pages/profile/ProfilePage';
import { TwoFactorSetupPage } from './pages/two-factor/TwoFactorSetupPage';
import { SchedulePage } from './pages/schedules/SchedulePage';
import { SchedulesPage } from './pages/schedules/SchedulesPage';
import { TeamDetailPage } from './pages/teams/TeamDetailPage';
import { TeamsPage } from './pages/teams/TeamsPage';
import { UsersPage } from './pages/users/UsersPage';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/two-factor-setup', element: <TwoFactorSetupPage /> },
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
          { path: 'escalation-policies', element: <PoliciesPage /> },
          { path: 'escalation-policies/new', element: <PolicyEditorPage /> },
          { path: 'escalation-policies/:policyId', element: <PolicyEditorPage /> },
          { path: 'monitors', element: <MonitorsPage /> },
          { path: 'monitors/:monitorId', element: <MonitorPage /> },
          { path: 'incidents', element: <IncidentsPage /> },
          { path: 'incidents/:incidentId', element: <IncidentPage /> },
          { path: 'teams', element: <TeamsPage /> },
          { path: 'teams/:teamId', element: <TeamDetailPage /> },
          { path: 'users', element: <UsersPage /> },
          { path: 'audit-log', element: <AuditPage /> },
          { path: 'profile', element: <ProfilePage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
