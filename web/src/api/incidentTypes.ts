import type { BodyOf, ResponseOf } from './schema';

/** An escalation policy; webhookSigningSecrets only for those who may edit it, pagingProblem while its first step reaches nobody. */
export type Policy = ResponseOf<'getEscalationPoliciesById'>;
export type PolicyStep = Policy['steps'][number];
export type Target = PolicyStep['targets'][number];
export type TargetType = Target['type'];
export type PolicyInput = BodyOf<'postEscalationPolicies'>;

export type Monitor = ResponseOf<'getMonitorsById'>;
/** manual: alerts raised through the API; pushed kinds are sent by a sender with an integration key; checked kinds are probed by Vigil. */
export type MonitorKind = Monitor['kind'];
/** Pushed and manual monitors are down while they have an open incident; checked ones are pending until their first result. */
export type MonitorStatus = Monitor['status'];
export type NewMonitor = BodyOf<'postMonitors'>;
/** What a checked monitor's form sends: its settings, its kind's spec and any maintenance, each replaced whole. */
export type CheckedFields = Pick<NewMonitor, 'check' | 'maintenance' | 'http' | 'tcp' | 'dns' | 'ping'>;
export type MonitorPatch = BodyOf<'patchMonitorsById'>;
/** A pushed monitor's credentials: the API shows the key once and stores only its hash. */
export type Integration = ResponseOf<'postMonitorsByIdIntegrationKey'>;
/** What creating a monitor answers: pushed kinds include their integration, once. */
export type CreatedMonitor = ResponseOf<'postMonitors', 201>;
export type NewAlert = BodyOf<'postMonitorsByIdAlerts'>;

export type Incident = ResponseOf<'getIncidents'>['items'][number];
export type IncidentStatus = Incident['status'];
export type IncidentDetail = ResponseOf<'getIncidentsById'>;
export type IncidentEvent = IncidentDetail['timeline'][number];
export type Notification = IncidentDetail['notifications'][number];
export type NotificationStatus = Notification['status'];

export type ContactMethod = ResponseOf<'getUsersByIdContactMethods'>[number];
export type ContactKind = ContactMethod['kind'];
export type VerificationResult = NonNullable<ContactMethod['verification']>;
export type NewContactMethod = BodyOf<'postUsersByIdContactMethods'>;
export type NotificationRule = ResponseOf<'getUsersByIdNotificationRules'>[number];
