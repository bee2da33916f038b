import { Type } from 'typebox';
import { Id, Instant, TimeZone } from './common.js';
import { GroupingSchema } from './grouping.js';
import { Window } from './schedule.js';

const strict = { additionalProperties: false } as const;
// A leading "-" could pass for a command-line option of ping: names and addresses never start so.
const Host = Type.String({ minLength: 1, maxLength: 253, pattern: '^[A-Za-z0-9:\\[][A-Za-z0-9._:\\[\\]-]*$', description: 'Host name or IP address' });

export const pushedKinds = ['webhook', 'pagerduty', 'alertmanager', 'grafana', 'heartbeat'] as const;
export const checkedKinds = ['http', 'tcp', 'dns', 'ping'] as const;

export const Heartbeat = Type.Object(
  {
    intervalSeconds: Type.Integer({ minimum: 30, maximum: 7 * 86400, description: 'A beat is expected this often' }),
    graceSeconds: Type.Integer({ minimum: 0, maximum: 86400, description: 'Extra time before a missing beat opens an incident' }),
  },
  strict,
);

export const RateLimit = Type.Union(
  [
    Type.Object({ eventsPerMinute: Type.Integer({ minimum: 1, maximum: 100_000, description: 'Events accepted per monitor and minute; more get 429 with Retry-After' }) }, strict),
    Type.Null(),
  ],
  { description: 'webhook, pagerduty, alertmanager, grafana only (Alertmanager and Grafana count notifications, not alerts); null for no limit. Default: 120 for pagerduty, none for the others' },
);

export const CheckSettingsInput = Type.Object(
  {
    intervalSeconds: Type.Optional(Type.Integer({ minimum: 20, maximum: 86400, default: 60 })),
    timeoutSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 60, default: 10, description: 'Less than intervalSeconds' })),
    confirmations: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, default: 2, description: 'Consecutive failed checks before an incident opens' })),
    recoveries: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, default: 1, description: 'Consecutive good checks before the monitor is up again' })),
    autoResolve: Type.Optional(Type.Boolean({ default: true, description: 'Resolve the incident when the monitor is up again' })),
  },
  strict,
);

export const HttpInput = Type.Object(
  {
    url: Type.String({ pattern: '^https?://', maxLength: 2048 }),
    method: Type.Optional(Type.Enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'], { default: 'GET' })),
    headers: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 4096 }))),
    body: Type.Optional(Type.String({ maxLength: 65536 })),
    expectedStatus: Type.Optional(
      Type.Array(Type.String({ pattern: '^[1-5][0-9]{2}(-[1-5][0-9]{2})?$', description: '"200" or "200-299"' }), { minItems: 1, maxItems: 20, default: ['200-299'] }),
    ),
    keyword: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    keywordMode: Type.Optional(Type.Enum(['present', 'absent'], { default: 'present' })),
    followRedirects: Type.Optional(Type.Boolean({ default: true })),
    maxRedirects: Type.Optional(Type.Integer({ minimum: 0, maximum: 10, default: 5 })),
    verifyTls: Type.Optional(Type.Boolean({ default: true })),
    certExpiryDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365, default: 14, description: 'Open an incident this many days before the certificate expires; 0: never' })),
  },
  strict,
);

export const TcpInput = Type.Object({ host: Host, port: Type.Integer({ minimum: 1, maximum: 65535 }) }, strict);

export const DnsInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 253, pattern: '^[A-Za-z0-9_][A-Za-z0-9._-]*$' }),
    recordType: Type.Enum(['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS']),
    contains: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    server: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: 'Resolver IP, optionally ":port"; the system resolvers otherwise' })),
  },
  strict,
);

export const PingInput = Type.Object({ host: Host }, strict);

const maintenanceFields = (timeZone: typeof TimeZone | ReturnType<typeof Type.String>) => ({
  timeZone,
  weekly: Type.Array(Window, { maxItems: 50, description: 'Weekly windows in timeZone; an end before the start wraps past Sunday' }),
  once: Type.Array(Type.Object({ start: Instant, end: Instant }, strict), { maxItems: 50 }),
});
export const MaintenanceInput = Type.Object(maintenanceFields(TimeZone), { ...strict, description: 'Checks run but open no incident inside these windows; empty lists clear them' });
// Responses are serialised without the request formats: the zone is a plain string there.
const MaintenanceView = Type.Object(maintenanceFields(Type.String()));

const MonitorUrgencySchema = Type.Enum(['high', 'low', 'dynamic'], {
  description: "Its incidents' urgency; dynamic: from each event (PagerDuty severity critical/error → high, warning/info → low; an Alertmanager or Grafana label urgency or severity; a webhook's urgency or severity field), high when it says nothing",
});

const DependsOn = Type.Array(Id, {
  maxItems: 50,
  uniqueItems: true,
  description:
    'Monitors this one depends on (any team\'s): while one of them is down (an open incident not suppressed by an event rule, nor a certificate warning), this monitor\'s new incidents are recorded without paging anyone and linked to that incident; they page 2 minutes after it resolves if still open. Replaced whole; 400 invalid_dependencies at /body/dependsOn/N for a monitor that does not exist, a team\'s Manual pages monitor, this monitor itself, or one that depends on this monitor (a cycle)',
});

/** What a checked monitor may be created or patched with. */
export const CheckedFields = {
  check: Type.Optional(CheckSettingsInput),
  http: Type.Optional(HttpInput),
  tcp: Type.Optional(TcpInput),
  dns: Type.Optional(DnsInput),
  ping: Type.Optional(PingInput),
  maintenance: Type.Optional(MaintenanceInput),
};

export const CreateMonitor = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    teamId: Id,
    policyId: Id,
    kind: Type.Optional(Type.Enum(['manual', ...pushedKinds, ...checkedKinds])),
    urgency: Type.Optional(MonitorUrgencySchema),
    paused: Type.Optional(Type.Boolean()),
    heartbeat: Type.Optional(Heartbeat),
    rateLimit: Type.Optional(RateLimit),
    dependsOn: Type.Optional(DependsOn),
    grouping: Type.Optional(GroupingSchema),
    ...CheckedFields,
  },
  strict,
);

export const PatchMonitor = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    policyId: Type.Optional(Id),
    urgency: Type.Optional(MonitorUrgencySchema),
    paused: Type.Optional(Type.Boolean()),
    rateLimit: Type.Optional(RateLimit),
    dependsOn: Type.Optional(DependsOn),
    grouping: Type.Optional(GroupingSchema),
    ...CheckedFields,
  },
  strict,
);

const LastCheck = Type.Object({ at: Instant, ok: Type.Boolean(), responseMs: Type.Union([Type.Integer(), Type.Null()]), message: Type.String() });

export const MonitorView = Type.Object({
  id: Id,
  teamId: Id,
  name: Type.String(),
  // Rows hold the kind as text; the document names every kind it can be.
  kind: Type.Unsafe<string>(Type.Enum(['manual', ...pushedKinds, ...checkedKinds], { description: 'manual; pushed: webhook, pagerduty, alertmanager, grafana, heartbeat; checked: http, tcp, dns, ping' })),
  policyId: Type.Union([Id, Type.Null()], { description: "null only for a team's Manual pages monitor: each manual page names who it pages" }),
  system: Type.Boolean({
    description: "true for a team's Manual pages monitor, which Vigil makes on the team's first manual page (POST /incidents): never checked, no integration key, not listed by GET /monitors, and it cannot be changed or deleted (409 system_monitor)",
  }),
  urgency: MonitorUrgencySchema,
  paused: Type.Boolean(),
  status: Type.Enum(['up', 'down', 'pending', 'paused', 'maintenance'], {
    description: 'Checked: from its checks; others: down while an incident is open',
  }),
  createdAt: Instant,
  dependsOn: Type.Array(Id, { description: 'The monitors this one depends on, ordered by their names' }),
  heartbeat: Type.Optional(Heartbeat),
  rateLimit: Type.Optional(RateLimit),
  grouping: Type.Optional(GroupingSchema),
  check: Type.Optional(Type.Required(CheckSettingsInput)),
  http: Type.Optional(HttpInput),
  tcp: Type.Optional(TcpInput),
  dns: Type.Optional(DnsInput),
  ping: Type.Optional(PingInput),
  maintenance: Type.Optional(MaintenanceView),
  lastCheck: Type.Optional(LastCheck),
  nextCheckAt: Type.Optional(Instant),
  certificateExpiresAt: Type.Optional(Instant),
});

export const Uptime = Type.Object({
  h24: Type.Union([Type.Number(), Type.Null()], { description: 'Percent of checks passed outside maintenance; null without checks' }),
  d7: Type.Union([Type.Number(), Type.Null()]),
  d30: Type.Union([Type.Number(), Type.Null()]),
});

const HistoryRange = ['24h', '7d', '30d'] as const;

export const HistoryQuery = Type.Object({ range: Type.Enum(HistoryRange, { default: '24h' }) }, strict);

export const History = Type.Object({
  range: Type.Enum(HistoryRange),
  resolution: Type.Enum(['check', 'hour']),
  points: Type.Array(Type.Object({ at: Instant, checks: Type.Integer(), up: Type.Integer(), responseMs: Type.Union([Type.Integer(), Type.Null()]) })),
});
