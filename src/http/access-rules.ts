/**
 * Who may call each operation that changes something, as one table: the authorization
 * matrix test (test/integration/authorization-matrix.test.ts) holds every route to it and
 * fails for an operation missing here, and docs/SECURITY.md explains the model behind it.
 * The routes enforce the rules; this table states them.
 *
 * The roles are seen from one team's resource (its schedules, policies, monitors,
 * incidents) or one ordinary user's account:
 * - teamManager, teamResponder: responders who manage / belong to the owning team,
 *   and the user in question shares that team;
 * - otherTeamResponder: a responder of another team;
 * - viewer: a viewer, even one who belongs to the team.
 */
export type MatrixRole = 'owner' | 'admin' | 'teamManager' | 'teamResponder' | 'otherTeamResponder' | 'viewer';

export const matrixRoles: readonly MatrixRole[] = ['owner', 'admin', 'teamManager', 'teamResponder', 'otherTeamResponder', 'viewer'];

export interface AccessRule {
  /**
   * `public`: no login; the request carries its own credential (an integration key, a
   * signed token, a provider signature) or starts a login. `anyone`: every logged-in user,
   * on their own things (`/me/…`) or without changing anything shared. Otherwise the
   * roles that may; every other role is refused.
   */
  allow: 'public' | 'anyone' | readonly MatrixRole[];
  /** What a refused role gets: 403, unless hiding that the thing exists is the rule (404). */
  refusedWith?: 403 | 404;
  /** The rule in words, for people. */
  rule: string;
}

const admins: readonly MatrixRole[] = ['owner', 'admin'];
const teamManagers: readonly MatrixRole[] = ['owner', 'admin', 'teamManager'];
const teamMembers: readonly MatrixRole[] = ['owner', 'admin', 'teamManager', 'teamResponder'];

const teamWrite = { allow: teamMembers, rule: 'admins, or responders who belong to the owning team' } as const;
const incidentAction = {
  allow: teamMembers,
  rule: "admins, or responders of the monitor's team (every responder with VIGIL_INCIDENT_ACTIONS=everyone)",
} as const;
const accountOf = { allow: admins, rule: "yourself, or an admin; an owner's only by owners" } as const;
const own = { allow: 'anyone', rule: 'yourself' } as const;
const timeOffOf = { allow: teamManagers, rule: 'yourself, a manager of a team you are in, or an admin' } as const;
const credential = { allow: 'public', rule: 'the request carries its own credential' } as const;

/** Keyed by `METHOD /path` as in the OpenAPI document, without the /api/v1 prefix. */
export const accessRules: Record<string, AccessRule> = {
  'POST /auth/login': { allow: 'public', rule: 'anyone (starts a login; limited per address and account)' },
  'POST /auth/login/second-factor': { allow: 'public', rule: 'whoever holds the challenge of a password login' },
  'POST /auth/logout': { allow: 'public', rule: 'anyone (ends the session in the cookie, if any)' },
  'POST /setup': { allow: 'public', rule: 'anyone, only while no user exists (creates the first owner; 10 per address per 15 minutes)' },

  'POST /me/tokens': own,
  'DELETE /me/tokens/{id}': own,
  'POST /me/calendar-feeds': own,
  'DELETE /me/calendar-feeds/{id}': own,
  'POST /me/two-factor': own,
  'POST /me/two-factor/confirm': own,
  'POST /me/two-factor/recovery-codes': own,
  'POST /me/two-factor/disable': own,

  'POST /users': { allow: admins, rule: 'admins; only owners grant the owner role' },
  'PATCH /users/{id}': { allow: admins, rule: "yourself (not your role; your password with currentPassword), or an admin; an owner's account only by owners" },
  'DELETE /users/{id}': { allow: admins, rule: 'admins; an owner only by owners, never the last one or yourself' },
  'DELETE /users/{id}/two-factor': { allow: admins, rule: "admins; an owner's only by owners" },
  'POST /users/{id}/contact-methods': { ...accountOf, rule: `${accountOf.rule}; viewers cannot add webhook or Slack methods` },
  'DELETE /users/{id}/contact-methods/{itemId}': accountOf,
  'POST /users/{id}/contact-methods/{itemId}/send-verification': { ...accountOf, rule: `${accountOf.rule}; 5 per method per 15 minutes` },
  'POST /users/{id}/contact-methods/{itemId}/verify': accountOf,
  'POST /users/{id}/contact-methods/{itemId}/test': { ...accountOf, rule: `${accountOf.rule}; not viewers; 5 per method per 15 minutes` },
  'POST /users/{id}/notification-rules': accountOf,
  'DELETE /users/{id}/notification-rules/{itemId}': accountOf,
  'POST /users/{id}/time-off': timeOffOf,
  'PATCH /users/{id}/time-off/{itemId}': timeOffOf,
  'DELETE /users/{id}/time-off/{itemId}': timeOffOf,
  'PUT /users/{id}/time-off-calendar': timeOffOf,

  'PUT /settings/two-factor': { allow: ['owner'], rule: 'owners' },

  'POST /teams': { allow: admins, rule: 'admins' },
  'PATCH /teams/{id}': { allow: teamManagers, rule: "admins, or the team's managers" },
  'DELETE /teams/{id}': { allow: admins, rule: 'admins' },
  'PUT /teams/{id}/members/{userId}': { allow: teamManagers, rule: "admins, or the team's managers" },
  'DELETE /teams/{id}/members/{userId}': { allow: teamManagers, rule: "admins, or the team's managers" },

  'POST /schedules': teamWrite,
  'PATCH /schedules/{id}': teamWrite,
  'DELETE /schedules/{id}': teamWrite,
  'POST /schedules/{id}/layers': teamWrite,
  'PATCH /schedules/{id}/layers/{layerId}': teamWrite,
  'DELETE /schedules/{id}/layers/{layerId}': teamWrite,
  'PUT /schedules/{id}/layer-order': teamWrite,
  'POST /schedules/{id}/overrides': teamWrite,
  'DELETE /schedules/{id}/overrides/{itemId}': teamWrite,
  'POST /schedules/{id}/fixed-shifts': teamWrite,
  'DELETE /schedules/{id}/fixed-shifts/{itemId}': teamWrite,
  'POST /schedules/{id}/cover-requests': { allow: 'anyone', rule: 'whoever is on call for the span, for themselves (anyone else: 400 on /body/start)' },
  'POST /schedules/{id}/cover-requests/{requestId}/accept': { allow: ['teamManager'], rule: "the people asked: the layer's other members, or the team's other members who are not viewers" },
  'POST /schedules/{id}/cover-requests/{requestId}/withdraw': { allow: teamManagers.concat('teamResponder'), rule: "whoever asked, the team's managers, or admins" },
  'POST /schedules/{id}/intended-gaps': { allow: teamManagers, rule: "admins, or the managers of the schedule's team" },
  'DELETE /schedules/{id}/intended-gaps/{itemId}': { allow: teamManagers, rule: "admins, or the managers of the schedule's team" },
  'POST /schedules/{id}/preview': { allow: 'anyone', rule: 'any user (computes, changes nothing)' },

  'POST /escalation-policies': { ...teamWrite, rule: `${teamWrite.rule}; other teams' schedules, teams and people only by admins` },
  'PUT /escalation-policies/{id}': { ...teamWrite, rule: `${teamWrite.rule}; other teams' schedules, teams and people only by admins` },
  'DELETE /escalation-policies/{id}': teamWrite,
  'POST /escalation-policies/paging-plan': { allow: 'anyone', rule: 'any user (computes, changes nothing)' },

  'POST /monitors': { ...teamWrite, rule: `${teamWrite.rule}; another team's policy only by admins` },
  'PATCH /monitors/{id}': { ...teamWrite, rule: `${teamWrite.rule}; another team's policy only by admins` },
  'DELETE /monitors/{id}': teamWrite,
  'POST /monitors/{id}/integration-key': teamWrite,
  'PUT /monitors/{id}/integration-key': { allow: admins, rule: 'admins: a key of their choosing (an import keeping the keys senders use)' },
  'POST /monitors/{id}/alerts': incidentAction,
  'PUT /monitors/{id}/event-rules': { ...teamWrite, rule: `${teamWrite.rule}; routes only to the team's own policies` },
  'POST /monitors/{id}/event-rules/dry-run': { allow: 'anyone', rule: 'any user (computes, changes nothing)' },
  'PUT /event-rules': { allow: admins, rule: "admins (the global rules run on every monitor's events)" },

  'POST /incidents/{id}/acknowledge': incidentAction,
  'POST /incidents/{id}/resolve': incidentAction,
  'POST /incidents/{id}/escalate': incidentAction,
  'POST /incidents/{id}/reassign': incidentAction,
  'POST /incidents/{id}/urgency': incidentAction,
  'POST /incidents/bulk': incidentAction,
  'POST /incidents': {
    allow: teamMembers,
    rule: "admins, or responders of the team the page is for (every responder with VIGIL_INCIDENT_ACTIONS=everyone); another team's people, schedules or policies only admins",
  },
  'POST /incidents/{id}/merge': incidentAction,
  'POST /incidents/{id}/snooze': incidentAction,
  'POST /incidents/{id}/responders': incidentAction,
  'POST /incidents/{id}/status-updates': incidentAction,

  'POST /status-pages': { allow: teamManagers, rule: "admins, or the managers of the page's team" },
  'PATCH /status-pages/{id}': { allow: teamManagers, rule: "admins, or the managers of the page's team" },
  'DELETE /status-pages/{id}': { allow: teamManagers, rule: "admins, or the managers of the page's team" },
  'PUT /status-pages/{id}/logo': { allow: teamManagers, rule: "admins, or the managers of the page's team (checked before the image is read)" },
  'DELETE /status-pages/{id}/logo': { allow: teamManagers, rule: "admins, or the managers of the page's team" },
  'PUT /status-pages/{id}/layout': { allow: teamManagers, rule: "admins, or the managers of the page's team" },
  'POST /status-pages/{id}/maintenances': { allow: teamManagers, rule: "admins, or the managers of the page's team" },
  'PATCH /status-pages/{id}/maintenances/{mid}': { allow: teamManagers, rule: "admins, or the managers of the page's team" },
  'DELETE /status-pages/{id}/maintenances/{mid}': { allow: teamManagers, rule: "admins, or the managers of the page's team" },
  'POST /status-pages/{id}/incidents': { allow: teamMembers, rule: "admins, or responders of the page's team (a responder publishes)" },
  'PATCH /status-pages/{id}/incidents/{sid}': { allow: teamMembers, rule: "admins, or responders of the page's team" },
  'POST /status-pages/{id}/incidents/{sid}/entries': { allow: teamMembers, rule: "admins, or responders of the page's team" },
  'DELETE /status-pages/{id}/subscribers/{subscriberId}': { allow: teamManagers, rule: "admins, or the managers of the page's team" },
  'POST /incidents/{id}/comments': incidentAction,

  'POST /integrations/webhook': credential,
  'POST /integrations/alertmanager': credential,
  'POST /integrations/grafana': credential,
  'POST /integrations/heartbeat': credential,
  'POST /integrations/pagerduty/v2/enqueue': credential,
  'POST /integrations/pagerduty/v2/change/enqueue': credential,

  'POST /test/clock': { allow: 'public', rule: 'only exists with VIGIL_TEST_MODE=1' },
};
