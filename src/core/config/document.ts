import { Type, type Static, type TSchema } from 'typebox';

/*
 * The configuration-as-code document: what `vigil export` writes and `vigil apply` reads.
 * Everything is named, never by database id: a team by its name, a user by email, a
 * schedule, policy or monitor by its name within its team. The same schema validates every
 * file; `vigil apply` merges the files it reads (users and teams from all of them).
 */

const strict = { additionalProperties: false } as const;
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Email = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$', description: 'A user, by email' });
const Description = Type.String({ maxLength: 2000 });
// Settings Vigil's API validates in full on apply (a refusal names the field): the file only needs their shape.
const Settings = (description: string) => Type.Unsafe<Record<string, unknown>>(Type.Object({}, { additionalProperties: true, description }));
const Kinded = <K extends string>(kinds: K[], description: string) =>
  Type.Unsafe<{ kind: K; [setting: string]: unknown }>(Type.Object({ kind: Type.Enum(kinds) }, { additionalProperties: true, description }));

/** Another object by name: a string in the same team, or {team, name} for another team's. */
export const RefSchema = Type.Union([Name, Type.Object({ team: Name, name: Name }, strict)], {
  description: 'A name in the same team, or { team, name } for another team\'s',
});

export const UserSchema = Type.Object(
  {
    email: Email,
    name: Name,
    role: Type.Enum(['owner', 'admin', 'responder', 'viewer']),
    timeZone: Type.String({ minLength: 1, maxLength: 100, description: 'IANA time zone' }),
  },
  { ...strict, description: 'Created without a password: they set one through "Forgot password" or sign in with single sign-on' },
);

export const MemberSchema = Type.Object({ user: Email, role: Type.Enum(['manager', 'member']) }, strict);

export const LayerSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, description: 'Unique within the schedule: layers are matched by name' }),
    timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: "Absent: the schedule's" })),
    rotation: Kinded(['daily', 'weekly', 'monthly', 'custom'], 'As the API takes it (docs/API.md)'),
    restriction: Type.Optional(Kinded(['always', 'business_hours', 'weekends', 'daily', 'custom'], 'As the API takes it; absent: always')),
    members: Type.Array(Email, { maxItems: 200, description: 'In rotation order; repeats allowed' }),
  },
  strict,
);

export const ScheduleSchema = Type.Object(
  {
    name: Name,
    description: Type.Optional(Description),
    timeZone: Type.String({ minLength: 1, maxLength: 100 }),
    gapAlertDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365, description: 'Absent: 14' })),
    layers: Type.Array(LayerSchema, { minItems: 1, maxItems: 20, description: 'Top first: the first is Primary' }),
  },
  strict,
);

const Url = Type.String({ minLength: 1, maxLength: 2000, pattern: '^https?://' });
export const TargetSchema = Type.Union(
  [
    Type.Object({ schedule: RefSchema }, { ...strict, description: "The schedule's primary" }),
    Type.Object({ schedule: RefSchema, layer: Type.String({ minLength: 1, maxLength: 100 }) }, { ...strict, description: 'Whoever is on call in this layer' }),
    Type.Object({ schedule: RefSchema, allLayers: Type.Literal(true) }, { ...strict, description: 'Everyone on call in any of its layers' }),
    Type.Object({ user: Email }, strict),
    Type.Object({ team: Name }, { ...strict, description: 'Every member of the team' }),
    Type.Object({ webhook: Url }, strict),
    Type.Object({ slack: Url }, strict),
    Type.Object({ teams: Url }, { ...strict, description: 'A Microsoft Teams workflow webhook' }),
    Type.Object({ slackChannel: Type.String({ minLength: 1, maxLength: 30 }) }, strict),
    Type.Object({ mattermostChannel: Type.String({ minLength: 1, maxLength: 30 }) }, strict),
  ],
  { description: 'Who or what a step pages' },
);

export const PolicySchema = Type.Object(
  {
    name: Name,
    description: Type.Optional(Description),
    repeat: Type.Optional(Type.Integer({ minimum: 0, maximum: 20, description: 'Absent: 0' })),
    ackTimeoutSeconds: Type.Optional(Type.Integer({ minimum: 60, maximum: 7 * 86400 })),
    steps: Type.Array(
      Type.Object({ waitSeconds: Type.Integer({ minimum: 0, maximum: 7 * 86400 }), targets: Type.Array(TargetSchema, { minItems: 1, maxItems: 20 }) }, strict),
      { minItems: 1, maxItems: 20 },
    ),
  },
  strict,
);

const ConditionSchema = Type.Object(
  {
    field: Type.String({ minLength: 1, maxLength: 200 }),
    op: Type.Enum(['equals', 'contains', 'matches', 'exists']),
    value: Type.Optional(Type.String({ maxLength: 1000 })),
    pattern: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  strict,
);

export const RuleSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    when: Type.Array(ConditionSchema, { maxItems: 20 }),
    then: Type.Object(
      {
        urgency: Type.Optional(Type.Enum(['high', 'low'])),
        title: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
        dedupKey: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
        policy: Type.Optional(RefSchema),
        suppress: Type.Optional(Type.Boolean()),
        drop: Type.Optional(Type.Boolean()),
      },
      strict,
    ),
    continue: Type.Optional(Type.Boolean()),
  },
  strict,
);

export const monitorSettingKeys = ['check', 'http', 'tcp', 'dns', 'ping', 'heartbeat', 'maintenance', 'grouping', 'rateLimit'] as const;

export const MonitorSchema = Type.Object(
  {
    name: Name,
    kind: Type.Enum(['manual', 'webhook', 'pagerduty', 'alertmanager', 'grafana', 'heartbeat', 'http', 'tcp', 'dns', 'ping'], {
      description: 'Fixed once created; its integration key is never in the files',
    }),
    policy: RefSchema,
    urgency: Type.Optional(Type.Enum(['high', 'low', 'dynamic'])),
    paused: Type.Optional(Type.Boolean()),
    dependsOn: Type.Optional(Type.Array(RefSchema, { maxItems: 50 })),
    check: Type.Optional(Settings('Checked kinds: intervalSeconds, timeoutSeconds, confirmations, recoveries, autoResolve')),
    http: Type.Optional(Settings('http: url, method, headers, expectedStatus, keyword…')),
    tcp: Type.Optional(Settings('tcp: host, port')),
    dns: Type.Optional(Settings('dns: name, recordType, contains, server')),
    ping: Type.Optional(Settings('ping: host')),
    heartbeat: Type.Optional(Settings('heartbeat: intervalSeconds, graceSeconds')),
    maintenance: Type.Optional(Settings('Checked kinds: timeZone, weekly, once')),
    grouping: Type.Optional(Type.Union([Settings('mode, fields, windowMinutes'), Type.Null()])),
    rateLimit: Type.Optional(Type.Union([Settings('eventsPerMinute'), Type.Null()])),
    rules: Type.Optional(Type.Array(RuleSchema, { maxItems: 200, description: "The monitor's event rules, in the order they run" })),
  },
  strict,
);

export const TeamSchema = Type.Object(
  {
    name: Name,
    description: Type.Optional(Description),
    members: Type.Optional(Type.Array(MemberSchema)),
    schedules: Type.Optional(Type.Array(ScheduleSchema)),
    policies: Type.Optional(Type.Array(PolicySchema)),
    monitors: Type.Optional(Type.Array(MonitorSchema)),
  },
  strict,
);

export const DocumentSchema = Type.Object(
  {
    users: Type.Optional(Type.Array(UserSchema, { description: 'Sorted by email in exports' })),
    eventRules: Type.Optional(Type.Array(RuleSchema, { maxItems: 200, description: "The global event rules (run first on every monitor's events); policies as { team, name }" })),
    teams: Type.Optional(Type.Array(TeamSchema)),
  },
  { ...strict, title: 'Vigil configuration', description: 'One file of `vigil export` / `vigil apply` (docs/CONFIG-AS-CODE.md)' },
);

export type Ref = Static<typeof RefSchema>;
export type ConfigUser = Static<typeof UserSchema>;
export type ConfigMember = Static<typeof MemberSchema>;
export type ConfigLayer = Static<typeof LayerSchema>;
export type ConfigSchedule = Static<typeof ScheduleSchema>;
export type ConfigTarget = Static<typeof TargetSchema>;
export type ConfigPolicy = Static<typeof PolicySchema>;
export type ConfigRule = Static<typeof RuleSchema>;
export type ConfigMonitor = Static<typeof MonitorSchema>;
export type ConfigTeam = Static<typeof TeamSchema>;
export type ConfigDocument = Static<typeof DocumentSchema>;

/** The JSON Schema published as docs/vigil-config.schema.json. */
export function configJsonSchema(): TSchema & Record<string, unknown> {
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...structuredClone(DocumentSchema) };
}

/** docs/vigil-config.schema.json as `npm run gen:config-schema` writes it. */
export const configJsonSchemaText = (): string => `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
