import type { BodyOf, ResponseOf } from './schema';

/** A status page's settings; hasPassword, never the password (docs/STATUS-PAGES.md). */
export type StatusPage = ResponseOf<'getStatusPagesById'>;
export type StatusPageAccess = StatusPage['access'];
/** A page in the list, with the overall state its public page shows now. */
export type StatusPageListItem = ResponseOf<'getStatusPages'>['items'][number];
export type NewStatusPage = BodyOf<'postStatusPages'>;
export type StatusPagePatch = BodyOf<'patchStatusPagesById'>;

/** The ordered sections and components; PUT replaces the whole of it, keeping the ids given. */
export type StatusPageLayout = ResponseOf<'getStatusPagesByIdLayout'>;
export type LayoutInput = BodyOf<'putStatusPagesByIdLayout'>;
export type ComponentState = NonNullable<StatusPageLayout['sections'][number]['components'][number]['manualState']>;

/** What the public sees of the page now, whatever its access. */
export type StatusPageView = ResponseOf<'getStatusPagesByIdView'>;

/** A public incident with its history, newest first. */
export type StatusIncident = ResponseOf<'getStatusPagesByIdIncidents'>['items'][number];
export type StatusIncidentEntry = StatusIncident['entries'][number];
export type UpdateStatus = StatusIncidentEntry['status'];
export type NewStatusIncident = BodyOf<'postStatusPagesByIdIncidents'>;
export type NewStatusEntry = BodyOf<'postStatusPagesByIdIncidentsBySidEntries'>;

export type StatusMaintenance = ResponseOf<'getStatusPagesByIdMaintenances'>['items'][number];
export type MaintenanceInput = BodyOf<'postStatusPagesByIdMaintenances'>;

export type StatusSubscribers = ResponseOf<'getStatusPagesByIdSubscribers'>;
export type StatusSubscriber = StatusSubscribers['subscribers'][number];
