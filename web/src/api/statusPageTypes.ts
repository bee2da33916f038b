/**
 * The status pages' admin API (docs/STATUS-PAGES.md). Written from the shared plan until the
 * routes' schemas reach the generated OpenAPI types; then these become aliases of ResponseOf/BodyOf.
 */

export type ComponentState = 'operational' | 'degraded_performance' | 'partial_outage' | 'major_outage' | 'under_maintenance';
export type UpdateStatus = 'investigating' | 'identified' | 'monitoring' | 'resolved';
export type StatusPageAccess = 'public' | 'password' | 'team';

export interface StatusPage {
  id: string;
  teamId: string;
  name: string;
  slug: string;
  description: string | null;
  timeZone: string;
  accentColor: string;
  access: StatusPageAccess;
  /** The password itself is never sent back. */
  hasPassword: boolean;
  customDomain: string | null;
  /** The public path of the logo, or null. */
  logoPath: string | null;
  updatedAt: string;
}

export interface StatusPageSettings {
  name: string;
  slug: string;
  description: string | null;
  timeZone: string;
  accentColor: string;
  access: StatusPageAccess;
  /** Only when setting or changing it. */
  password?: string;
  customDomain: string | null;
}

export type NewStatusPage = StatusPageSettings & { teamId: string };

export interface LayoutComponent {
  id?: string;
  name: string;
  description?: string | null;
  monitorIds: string[];
  manualState: ComponentState | null;
}

export interface LayoutSection {
  id?: string;
  name: string;
  components: LayoutComponent[];
}

export interface StatusPageLayout {
  sections: LayoutSection[];
}

export interface UptimeDay {
  date: string;
  uptime: number | null;
  maintenance: boolean;
  outages: { start: string; end: string | null }[];
}

export interface StatusPageView {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  timeZone: string;
  logoPath: string | null;
  accentColor: string;
  access: StatusPageAccess;
  overall: ComponentState;
  sections: { id: string; name: string; components: { id: string; name: string; description: string | null; state: ComponentState; days: UptimeDay[]; uptime90: number | null }[] }[];
  incidents: StatusIncident[];
  maintenances: StatusMaintenance[];
  generatedAt: string;
}

export interface StatusIncidentEntry {
  id: string;
  status: UpdateStatus;
  body: string;
  at: string;
}

export interface StatusIncident {
  id: string;
  title: string;
  /** Component ids of the page it affects. */
  components: string[];
  /** Newest first. */
  entries: StatusIncidentEntry[];
  createdAt: string;
  resolvedAt: string | null;
}

export interface NewStatusIncident {
  title: string;
  status: UpdateStatus;
  body: string;
  componentIds: string[];
  incidentId?: string;
}

export interface StatusMaintenance {
  id: string;
  title: string;
  body: string;
  startsAt: string;
  endsAt: string;
  components: string[];
  state: 'scheduled' | 'in_progress' | 'completed';
}

export interface MaintenanceInput {
  title: string;
  body: string;
  startsAt: string;
  endsAt: string;
  componentIds: string[];
}

export interface StatusSubscriber {
  id: string;
  kind: 'email' | 'webhook';
  /** Masked for team members who do not manage the page. */
  address: string;
  confirmed: boolean;
  confirmedAt: string | null;
  createdAt: string;
  pending: number;
  failed: number;
  lastError: string | null;
}

export interface StatusSubscribers {
  subscribers: StatusSubscriber[];
  emailDelivery: 'configured' | 'not_configured';
  queuedEmails: number;
}
