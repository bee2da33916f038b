/**
 * Why an incident is recorded but pages nobody: an event rule suppressed it, or a
 * monitor it depends on was down when it opened (its parent's incident).
 */
export type Suppression = { by: 'rule'; rule: string } | { by: 'parent'; incidentId: string; monitorId: string };
