import type { ComponentState, StatusPageAccess, UpdateStatus } from '../../api/statusPageTypes';

/** A component's state as the public page words it, and the badge colour for it here. */
export const componentStates: Record<ComponentState, { label: string; color: string }> = {
  operational: { label: 'Operational', color: 'green' },
  under_maintenance: { label: 'Under maintenance', color: 'blue' },
  degraded_performance: { label: 'Degraded performance', color: 'yellow' },
  partial_outage: { label: 'Partial outage', color: 'orange' },
  major_outage: { label: 'Major outage', color: 'red' },
};

export const componentStateChoices = (Object.keys(componentStates) as ComponentState[]).map((value) => ({ value, label: componentStates[value].label }));

/** The stages of a public incident, in the order they usually come. */
export const updateStatuses: Record<UpdateStatus, { label: string; color: string; hint: string }> = {
  investigating: { label: 'Investigating', color: 'red', hint: 'Something is wrong and you are looking into it.' },
  identified: { label: 'Identified', color: 'orange', hint: 'The cause is known and a fix is under way.' },
  monitoring: { label: 'Monitoring', color: 'blue', hint: 'A fix is out; you are watching that it holds.' },
  resolved: { label: 'Resolved', color: 'green', hint: 'It is over; the incident closes with this update.' },
};

export const updateStatusChoices = (Object.keys(updateStatuses) as UpdateStatus[]).map((value) => ({ value, label: updateStatuses[value].label }));

export const accessWords: Record<StatusPageAccess, string> = {
  public: 'Public',
  password: 'Password',
  team: 'Team only',
};

/** Where the public page is served on this Vigil (a custom domain serves it at its root too). */
export const publicPath = (slug: string): string => `/status/${slug}`;
