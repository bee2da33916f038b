import { Type, type Static } from 'typebox';
import type { UserRow } from '../../store/schema.js';
import { lowUrgencyHoursOf } from '../../store/users.js';
import { Discriminated, Id, Instant, TimeZone, toIso } from './common.js';
import { DailyWindow } from './schedule.js';

export const RoleSchema = Type.Enum(['owner', 'admin', 'responder', 'viewer']);
export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Name = Type.String({ minLength: 1, maxLength: 200 });
export const Password = Type.String({ minLength: 8, maxLength: 512 });

export const LowUrgencyHours = Discriminated(
  'kind',
  [
    Type.Object({ kind: Type.Literal('always') }, { additionalProperties: false }),
    Type.Object({ kind: Type.Literal('business_hours') }, { additionalProperties: false }),
    Type.Object({ kind: Type.Literal('daily'), windows: Type.Array(DailyWindow, { minItems: 1, maxItems: 20 }) }, { additionalProperties: false }),
  ],
  "When low-urgency pages reach this user, in their time zone: any time (always), Mon–Fri 09:00–17:00 (business_hours), or chosen days and hours (daily); outside them a low-urgency page waits until they begin. High urgency always pages at once",
);

// Response schemas skip custom formats: the serializer does not know them and
// stored values were validated on the way in.
export const User = Type.Object({
  id: Id,
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  timeZone: Type.String(),
  notifyHandoffs: Type.Boolean(),
  dailySummaryTime: Type.Union([Type.String(), Type.Null()]),
  handoffLeadMinutes: Type.Union([Type.Integer(), Type.Null()], { description: 'Minutes before a shift to also send "you are on call from … (in …)"; null: not sent' }),
  lowUrgencyHours: LowUrgencyHours,
  hasPassword: Type.Boolean({ description: 'false: signs in with single sign-on only, and cannot give itself a password (an admin can)' }),
  createdAt: Instant,
});

export const CreateUser = Type.Object(
  {
    email: Email,
    name: Name,
    role: RoleSchema,
    password: Type.Optional(Password),
    timeZone: Type.Optional(TimeZone),
  },
  { additionalProperties: false },
);

const LocalTime = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' });

export const PatchUser = Type.Object(
  {
    name: Type.Optional(Name),
    role: Type.Optional(RoleSchema),
    timeZone: Type.Optional(TimeZone),
    password: Type.Optional(Password),
    currentPassword: Type.Optional(Type.String({ minLength: 1, maxLength: 512, description: 'Required to change your own password' })),
    revokeTokens: Type.Optional(
      Type.Boolean({ description: "With a new password: also revoke the user's API tokens (default true). Their other sessions always end" }),
    ),
    notifyHandoffs: Type.Optional(Type.Boolean({ description: 'Send "you are on call from … to …" when a shift starts' })),
    dailySummaryTime: Type.Optional(Type.Union([LocalTime, Type.Null()], { description: "Local 'HH:MM' for a daily on-call summary; null to stop" })),
    handoffLeadMinutes: Type.Optional(
      Type.Union([Type.Integer({ minimum: 15, maximum: 7 * 24 * 60 }), Type.Null()], {
        description: 'Also send "you are on call from … (in 24 h)" this many minutes before each shift (15 to 10080); null to stop',
      }),
    ),
    lowUrgencyHours: Type.Optional(LowUrgencyHours),
  },
  { additionalProperties: false },
);

export const toUser = (row: UserRow) => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  timeZone: row.time_zone,
  notifyHandoffs: row.notify_handoffs === 1,
  dailySummaryTime: row.daily_summary_time,
  handoffLeadMinutes: row.handoff_lead_minutes,
  // Only the kinds the API accepts are ever stored.
  lowUrgencyHours: (lowUrgencyHoursOf(row) ?? { kind: 'always' }) as Static<typeof LowUrgencyHours>,
  hasPassword: row.password_hash !== null,
  createdAt: toIso(row.created_at),
});
