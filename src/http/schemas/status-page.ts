import { Type } from 'typebox';
import { Id, Instant, TimeZone } from './common.js';

const strict = { additionalProperties: false } as const;

const componentStates = ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'] as const;
const updateStatuses = ['investigating', 'identified', 'monitoring', 'resolved'] as const;

export const ComponentStateSchema = Type.Enum([...componentStates], { description: "statuspage.io's component states; worst first: major_outage, partial_outage, degraded_performance, under_maintenance, operational" });
export const UpdateStatusSchema = Type.Enum([...updateStatuses], { description: 'The stage of a public incident; resolved closes it (a later entry reopens it)' });
const Access = Type.Enum(['public', 'password', 'team'], { description: 'public: anyone; password: anyone with the password; team: logged-in members of the page team (and admins)' });

const Slug = Type.String({ minLength: 1, maxLength: 63, pattern: '^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$', description: 'Served at /status/<slug>: lower-case letters, digits and inner hyphens' });
const AccentColor = Type.String({ pattern: '^#[0-9A-Fa-f]{6}$', description: '#rrggbb; the page picks readable text colours against it' });
const CustomDomain = Type.Union(
  [
    Type.String({
      maxLength: 253,
      pattern: '^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$',
      description: 'A host name such as status.example.com (stored lower-case); requests whose Host is it get the page at /',
    }),
    Type.Null(),
  ],
  { description: 'null: none' },
);
const Password = Type.String({ minLength: 8, maxLength: 200, description: 'Required when access is password and the page has none yet; stored hashed, never returned' });
const Description = Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]);

const settingsFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  slug: Slug,
  description: Type.Optional(Description),
  timeZone: TimeZone,
  accentColor: AccentColor,
  access: Access,
  password: Type.Optional(Password),
  customDomain: Type.Optional(CustomDomain),
};

export const CreateStatusPage = Type.Object({ teamId: Id, ...settingsFields }, strict);
export const PatchStatusPage = Type.Object(
  {
    name: Type.Optional(settingsFields.name),
    slug: Type.Optional(Slug),
    description: Type.Optional(Description),
    timeZone: Type.Optional(TimeZone),
    accentColor: Type.Optional(AccentColor),
    access: Type.Optional(Access),
    password: Type.Optional(Password),
    customDomain: Type.Optional(CustomDomain),
  },
  strict,
);

export const StatusPageSchema = Type.Object({
  id: Id,
  teamId: Id,
  name: Type.String(),
  slug: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  timeZone: Type.String(),
  accentColor: Type.String(),
  access: Access,
  hasPassword: Type.Boolean(),
  customDomain: Type.Union([Type.String(), Type.Null()]),
  logoPath: Type.Union([Type.String(), Type.Null()], { description: 'Public path of the logo; null: none' }),
  version: Type.Integer({ description: 'Grows with every change the public could see' }),
  createdAt: Instant,
  updatedAt: Instant,
});

/** A page in the list, with the state its public page shows now, so a list needs no preview per page. */
export const StatusPageListItemSchema = Type.Object({
  ...StatusPageSchema.properties,
  overall: Type.Enum([...componentStates], { description: "The page's overall state now, as its public page and summary.json show it: the worst of its components; operational without any" }),
});

const LayoutComponentInput = Type.Object(
  {
    id: Type.Optional(Type.Union([Id, Type.Null()], { description: "An existing component of this page (kept, with its place in incidents and maintenance); absent or null: a new one" })),
    name: Type.String({ minLength: 1, maxLength: 200, description: 'Shown publicly: name it for the public, not after the monitor' }),
    description: Type.Optional(Description),
    monitorIds: Type.Array(Id, { maxItems: 50, uniqueItems: true, description: "Monitors of the page's team; worst state wins; empty: set by hand" }),
    manualState: Type.Optional(Type.Union([ComponentStateSchema, Type.Null()], { description: 'The state of a component without monitors (operational if null); ignored with monitors' })),
  },
  strict,
);
const LayoutSectionInput = Type.Object(
  {
    id: Type.Optional(Type.Union([Id, Type.Null()])),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    components: Type.Array(LayoutComponentInput, { maxItems: 200 }),
  },
  strict,
);
export const LayoutInput = Type.Object({ sections: Type.Array(LayoutSectionInput, { maxItems: 50 }) }, strict);

export const LayoutSchema = Type.Object({
  sections: Type.Array(
    Type.Object({
      id: Id,
      name: Type.String(),
      components: Type.Array(
        Type.Object({
          id: Id,
          name: Type.String(),
          description: Type.Union([Type.String(), Type.Null()]),
          monitorIds: Type.Array(Id),
          manualState: Type.Union([ComponentStateSchema, Type.Null()]),
        }),
      ),
    }),
  ),
});

const Entry = Type.Object({ id: Id, status: UpdateStatusSchema, body: Type.String(), at: Instant });

/** The page as the public sees it; instants as ISO strings like the rest of the API. */
export const StatusPageViewSchema = Type.Object({
  id: Id,
  slug: Type.String(),
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  timeZone: Type.String(),
  logoPath: Type.Union([Type.String(), Type.Null()]),
  accentColor: Type.String(),
  access: Access,
  overall: ComponentStateSchema,
  sections: Type.Array(
    Type.Object({
      id: Id,
      name: Type.String(),
      components: Type.Array(
        Type.Object({
          id: Id,
          name: Type.String(),
          description: Type.Union([Type.String(), Type.Null()]),
          state: ComponentStateSchema,
          days: Type.Array(
            Type.Object({
              date: Type.String({ description: 'YYYY-MM-DD in the page time zone' }),
              uptime: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], { description: 'Share up, 0..1; null: no data' }),
              maintenance: Type.Boolean(),
              outages: Type.Array(Type.Object({ start: Instant, end: Type.Union([Instant, Type.Null()]) })),
            }),
            { description: '90 days, oldest first, ending today' },
          ),
          uptime90: Type.Union([Type.Number(), Type.Null()]),
        }),
      ),
    }),
  ),
  incidents: Type.Array(
    Type.Object({ id: Id, title: Type.String(), components: Type.Array(Id), entries: Type.Array(Entry), createdAt: Instant, resolvedAt: Type.Union([Instant, Type.Null()]) }),
    { description: 'Open ones, and those resolved in the last 14 days, newest first' },
  ),
  maintenances: Type.Array(
    Type.Object({
      id: Id,
      title: Type.String(),
      body: Type.String(),
      startsAt: Instant,
      endsAt: Instant,
      components: Type.Array(Id),
      state: Type.Enum(['scheduled', 'in_progress', 'completed']),
    }),
    { description: 'Scheduled, in progress, and completed in the last 14 days, soonest first' },
  ),
  generatedAt: Instant,
});

const Title = Type.String({ minLength: 1, maxLength: 300, description: 'Shown publicly' });
const Body = Type.String({ minLength: 1, maxLength: 10_000, description: 'Plain text, shown publicly' });
const ComponentIds = Type.Array(Id, { maxItems: 200, uniqueItems: true, description: 'Components of this page' });

export const CreateStatusIncident = Type.Object(
  {
    title: Title,
    status: UpdateStatusSchema,
    body: Body,
    componentIds: ComponentIds,
    incidentId: Type.Optional(Type.Union([Id, Type.Null()], { description: "The Vigil incident it is about (of the page team's monitors); never shown publicly" })),
  },
  strict,
);
export const PatchStatusIncident = Type.Object({ title: Type.Optional(Title), componentIds: Type.Optional(ComponentIds) }, strict);
export const CreateEntry = Type.Object({ status: UpdateStatusSchema, body: Body }, strict);

export const StatusIncidentSchema = Type.Object({
  id: Id,
  pageId: Id,
  incidentId: Type.Union([Id, Type.Null()]),
  title: Type.String(),
  components: Type.Array(Id),
  entries: Type.Array(Entry, { description: 'Newest first' }),
  createdAt: Instant,
  updatedAt: Instant,
  resolvedAt: Type.Union([Instant, Type.Null()]),
});

const maintenanceFields = { title: Title, body: Body, startsAt: Instant, endsAt: Instant, componentIds: ComponentIds };
export const CreateMaintenance = Type.Object(maintenanceFields, strict);
export const PatchMaintenance = Type.Object(
  {
    title: Type.Optional(Title),
    body: Type.Optional(Body),
    startsAt: Type.Optional(Instant),
    endsAt: Type.Optional(Instant),
    componentIds: Type.Optional(ComponentIds),
  },
  strict,
);
export const MaintenanceSchema = Type.Object({
  id: Id,
  pageId: Id,
  title: Type.String(),
  body: Type.String(),
  startsAt: Instant,
  endsAt: Instant,
  components: Type.Array(Id),
  state: Type.Enum(['scheduled', 'in_progress', 'completed']),
  createdAt: Instant,
  updatedAt: Instant,
});

export const PageIdParams = Type.Object({ id: Id });
export const StatusIncidentParams = Type.Object({ id: Id, sid: Id });
export const MaintenanceParams = Type.Object({ id: Id, mid: Id });
export const StatusPageListQuery = Type.Object({ teamId: Type.Optional(Id) }, strict);
