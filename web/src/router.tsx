import { createBrowserRouter, Navigate } from 'react-router-dom';
import { RequireAuth } from './auth/RequireAuth';
import { PageLoader } from './components/PageLoader';
import { RouteError } from './components/RouteError';
import { LoginPage } from './pages/login/LoginPage';

// Each page, and the signed-in layout, is its own chunk fetched on first visit: the login page
// does not download the navigation or the schedule editor. The login page itself, where every
// session starts, comes with the entry (index.html preloads it: no second round of requests).
// HydrateFallback shows while the first page's chunks load; RouteError when one cannot load.
export const router = createBrowserRouter([
  { path: '/login', Component: LoginPage, ErrorBoundary: RouteError },
  {
    path: '/setup',
    HydrateFallback: PageLoader,
    ErrorBoundary: RouteError,
    lazy: async () => ({ Component: (await import('./pages/setup/SetupPage')).SetupPage }),
  },
  {
    path: '/two-factor-setup',
    HydrateFallback: PageLoader,
    ErrorBoundary: RouteError,
    lazy: async () => ({ Component: (await import('./pages/two-factor/TwoFactorSetupPage')).TwoFactorSetupPage }),
  },
  {
    element: <RequireAuth />,
    HydrateFallback: PageLoader,
    ErrorBoundary: RouteError,
    children: [
      {
        lazy: async () => ({ Component: (await import('./layout/AppLayout')).AppLayout }),
        children: [
          { index: true, element: <Navigate to="/on-call" replace /> },
          { path: 'on-call', lazy: async () => ({ Component: (await import('./pages/on-call/OnCallPage')).OnCallPage }) },
          { path: 'schedules', lazy: async () => ({ Component: (await import('./pages/schedules/SchedulesPage')).SchedulesPage }) },
          {
            path: 'schedules/:scheduleId',
            lazy: async () => ({ Component: (await import('./pages/schedules/SchedulePage')).SchedulePage }),
          },
          {
            path: 'escalation-policies',
            lazy: async () => ({ Component: (await import('./pages/policies/PoliciesPage')).PoliciesPage }),
          },
          {
            path: 'escalation-policies/new',
            lazy: async () => ({ Component: (await import('./pages/policies/PolicyEditorPage')).PolicyEditorPage }),
          },
          {
            path: 'escalation-policies/:policyId',
            lazy: async () => ({ Component: (await import('./pages/policies/PolicyEditorPage')).PolicyEditorPage }),
          },
          { path: 'monitors', lazy: async () => ({ Component: (await import('./pages/monitors/MonitorsPage')).MonitorsPage }) },
          {
            path: 'monitors/:monitorId',
            lazy: async () => ({ Component: (await import('./pages/monitors/MonitorPage')).MonitorPage }),
          },
          { path: 'incidents', lazy: async () => ({ Component: (await import('./pages/incidents/IncidentsPage')).IncidentsPage }) },
          { path: 'status-pages', lazy: async () => ({ Component: (await import('./pages/status-pages/StatusPagesPage')).StatusPagesPage }) },
          {
            path: 'status-pages/:pageId',
            lazy: async () => ({ Component: (await import('./pages/status-pages/StatusPageEditorPage')).StatusPageEditorPage }),
          },
          { path: 'analytics', lazy: async () => ({ Component: (await import('./pages/analytics/AnalyticsPage')).AnalyticsPage }) },
          {
            path: 'incidents/:incidentId',
            lazy: async () => ({ Component: (await import('./pages/incidents/IncidentPage')).IncidentPage }),
          },
          { path: 'teams', lazy: async () => ({ Component: (await import('./pages/teams/TeamsPage')).TeamsPage }) },
          { path: 'teams/:teamId', lazy: async () => ({ Component: (await import('./pages/teams/TeamDetailPage')).TeamDetailPage }) },
          { path: 'users', lazy: async () => ({ Component: (await import('./pages/users/UsersPage')).UsersPage }) },
          { path: 'event-rules', lazy: async () => ({ Component: (await import('./pages/event-rules/EventRulesPage')).EventRulesPage }) },
          { path: 'audit-log', lazy: async () => ({ Component: (await import('./pages/audit/AuditPage')).AuditPage }) },
          { path: 'cover-requests', lazy: async () => ({ Component: (await import('./pages/cover-requests/CoverRequestsPage')).CoverRequestsPage }) },
          { path: 'profile', lazy: async () => ({ Component: (await import('./pages/profile/ProfilePage')).ProfilePage }) },
          { path: '*', lazy: async () => ({ Component: (await import('./pages/NotFoundPage')).NotFoundPage }) },
        ],
      },
    ],
  },
]);
