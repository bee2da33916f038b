// The one catalogue of stable error codes. Clients and tests match on `code`;
// titles are for humans and may be reworded, codes never.
export const errorCatalogue = {
  validation_failed: { status: 400, title: 'The request is not valid' },
  unauthenticated: { status: 401, title: 'Authentication is required' },
  invalid_credentials: { status: 401, title: 'Email or password is wrong' },
  invalid_second_factor: { status: 401, title: 'The authentication or recovery code is wrong' },
  forbidden: { status: 403, title: 'You are not allowed to do this' },
  csrf_failed: { status: 403, title: 'Missing or wrong X-CSRF-Token header' },
  two_factor_enrolment_required: { status: 403, title: 'Set up two-factor authentication first' },
  password_login_disabled: { status: 403, title: 'Password logins are disabled: log in with single sign-on' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  email_taken: { status: 409, title: 'A user with this email already exists' },
  setup_done: { status: 409, title: 'Vigil is set up already: log in instead' },
  team_name_taken: { status: 409, title: 'A team with this name already exists' },
  name_taken: { status: 409, title: 'Another schedule or policy of this team has this name' },
  last_owner: { status: 409, title: 'The last owner cannot be removed or demoted' },
  cannot_delete_self: { status: 409, title: 'You cannot delete your own account' },
  team_in_use: { status: 409, title: 'The team still owns schedules, policies, monitors or status pages, or policies page it' },
  last_layer: { status: 409, title: 'A schedule needs at least one layer' },
  past_is_immutable: { status: 409, title: 'This would rewrite the past' },
  time_off_imported: { status: 409, title: "This time off comes from the person's calendar: change it there" },
  cover_already_asked: { status: 409, title: 'You already asked for cover for part of this span; withdraw that request first' },
  cover_request_closed: { status: 409, title: 'This cover request is no longer open: it was taken, withdrawn or has expired' },
  policy_in_use: { status: 409, title: 'Monitors still use this escalation policy; point them elsewhere first' },
  in_use: { status: 409, title: 'Paging still relies on this; pass force or replaceWith to delete it anyway' },
  incident_resolved: { status: 409, title: 'The incident is resolved; resolved incidents never reopen' },
  integration_key_taken: { status: 409, title: 'Another monitor already uses this integration key' },
  system_monitor: { status: 409, title: "This is a team's Manual pages monitor: Vigil keeps it, so it cannot be changed or deleted" },
  two_factor_enabled: { status: 409, title: 'Two-factor authentication is already on; turn it off first' },
  two_factor_not_enabled: { status: 409, title: 'Two-factor authentication is not on' },
  slug_taken: { status: 409, title: 'Another status page has this slug' },
  domain_taken: { status: 409, title: 'Another status page uses this custom domain' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  invalid_dependencies: { status: 400, title: 'A monitor cannot depend on these monitors' },
  invalid_rules: { status: 400, title: 'These event rules cannot be used as they are' },
  invalid_page: { status: 400, title: 'This page cannot be sent as asked: see errors for the target or team' },
  invalid_grouping: { status: 400, title: 'This alert grouping cannot be used as it is' },
  unsupported_media_type: { status: 415, title: 'Unsupported content type' },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal error' },
  unavailable: { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export interface FieldError {
  /** JSON pointer into the request, e.g. "/body/members/2/userId". */
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail ?? errorCatalogue[code].title);
    this.status = errorCatalogue[code].status;
  }
}

/** A refusal that may succeed later (429, 503): answered with Retry-After. */
export class RetryLaterError extends AppError {
  constructor(
    code: 'rate_limited' | 'unavailable',
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, detail);
  }
}
