import { Type } from 'typebox';
import { Id, Instant } from './common.js';
import { FairnessMeasureSchema } from './fairness-measure.js';
import { HolidayCalendarView } from './holiday-calendar.js';
import { ReachabilityView } from './reachability.js';
import { GapAlertDays, RestrictionSchema, RotationSchema } from './schedule.js';

export const UserRef = Type.Object({ id: Id, name: Type.String(), email: Type.String() });
const NullableUser = Type.Union([UserRef, Type.Null()]);
const Source = Type.Enum(['override', 'fixed', 'rotation', 'cover', 'none'], {
  description: "cover: the rotation turn belongs to someone away (`coverFor`) and the next member in order who is not away holds it",
});
const CoverFor = Type.Union([UserRef, Type.Null()], {
  description: 'Whose rotation turn this is while they are away (time off); null unless the turn is covered, or nobody could cover it',
});
const OverrideMode = Type.Enum(['replace', 'shadow']);
/** People paged alongside the one on call, by shadow overrides; sorted by id. */
const Shadows = (description: string) => Type.Array(Type.Object({ user: UserRef }), { description });

const LayerConfig = {
  timeZone: Type.String(),
  rotation: RotationSchema,
  restriction: RestrictionSchema,
  members: Type.Array(UserRef),
};

export const LayerView = Type.Object({
  id: Id,
  name: Type.String(),
  position: Type.Integer({ description: '0 is the top layer, labelled Primary' }),
  ...LayerConfig,
  effectiveFrom: Instant,
  upcoming: Type.Array(Type.Object({ effectiveFrom: Instant, ...LayerConfig }), { description: 'Versions scheduled to take effect later' }),
});

export const ScheduleSummary = Type.Object({
  id: Id,
  name: Type.String(),
  description: Type.String(),
  teamId: Id,
  timeZone: Type.String(),
  createdAt: Instant,
  gapAlertDays: GapAlertDays,
});

export const ScheduleDetail = Type.Object({
  ...ScheduleSummary.properties,
  layers: Type.Array(LayerView),
  scheduledChanges: Type.Array(Type.Object({ effectiveFrom: Instant, layerIds: Type.Array(Id) }), {
    description: 'Layer additions, removals or reorders that take effect later',
  }),
  holidays: HolidayCalendarView,
});

// RFC 3339 cannot write years past 9999, and a lone member with no restriction holds a layer forever.
const Until = Type.Union([Instant, Type.Null()], { description: 'When this changes next; null: no change in sight (none before the year 10000)' });

export const OnCall = Type.Object({
  scheduleId: Id,
  scheduleName: Type.String(),
  team: Type.Object({ id: Id, name: Type.String() }, { description: 'The team that owns the schedule' }),
  timeZone: Type.String(),
  at: Instant,
  until: Until,
  primary: Type.Union([
    Type.Object({ user: UserRef, layerId: Type.Union([Id, Type.Null()]), layerName: Type.Union([Type.String(), Type.Null()]), source: Source, coverFor: CoverFor }),
    Type.Null(),
  ]),
  shadows: Shadows(
    "Paged with the primary: shadows of the layer providing it, and schedule-wide shadows (these also while there is no primary; they alone don't fill a gap)",
  ),
  layers: Type.Array(
    Type.Object({
      layerId: Id,
      name: Type.String(),
      position: Type.Integer(),
      user: NullableUser,
      source: Source,
      coverFor: CoverFor,
      active: Type.Boolean({ description: "false: outside the layer's restriction (off-duty)" }),
      shadows: Shadows("Shadowing this layer's user; paged with them while the layer is active"),
      until: Until,
    }),
  ),
  next: Type.Union([Type.Object({ user: NullableUser, start: Instant }), Type.Null()], {
    description:
      'The next change of the paged person after `at`, within 92 days: who is primary from `start` (user null: nobody, a coverage gap). ' +
      'A change of layer or source with the same person is not a change. null: the same person (or nobody) throughout.',
  }),
  reachability: Type.Array(ReachabilityView, { description: 'Whether a page now would reach each person named above, with their contact methods as they are now' }),
});

const Span = { start: Instant, end: Instant };
export const Gap = Type.Object(Span);

export const Timeline = Type.Object({
  from: Instant,
  to: Instant,
  timeZone: Type.String(),
  layers: Type.Array(
    Type.Object({
      layerId: Id,
      name: Type.String(),
      segments: Type.Array(
        Type.Object({ ...Span, user: NullableUser, source: Source, coverFor: CoverFor, active: Type.Boolean(), shadows: Shadows("Shadowing the layer's user") }),
      ),
    }),
  ),
  final: Type.Array(
    Type.Object({
      ...Span,
      user: NullableUser,
      layerId: Type.Union([Id, Type.Null()]),
      source: Source,
      coverFor: CoverFor,
      shadows: Shadows('Paged with the primary (also in a gap: schedule-wide shadows)'),
    }),
  ),
  gaps: Type.Array(Gap),
});

export const OverrideView = Type.Object({
  id: Id,
  layerId: Type.Union([Id, Type.Null()]),
  user: UserRef,
  mode: OverrideMode,
  ...Span,
  createdAt: Instant,
});

export const FixedShiftView = Type.Object({ id: Id, layerId: Id, user: UserRef, ...Span });

export const HoursRow = Type.Object({
  user: UserRef,
  total: Type.Number(),
  businessHours: Type.Number(),
  nights: Type.Number(),
  weekends: Type.Number(),
});

export const Preview = Type.Object({
  before: Timeline,
  after: Timeline,
  changes: Type.Array(Type.Object({ ...Span, before: NullableUser, after: NullableUser }), {
    description: 'Where the paged person would change, and for whom',
  }),
  fairness: Type.Object(
    { before: FairnessMeasureSchema, after: FairnessMeasureSchema },
    { description: "How evenly night, weekend and holiday hours fall on the members over the preview's period, without and with the edit" },
  ),
});
