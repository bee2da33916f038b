import type { OgContact, OgNotificationRule, OgRestriction, OgRotation, OgUser } from '../../src/core/import/opsgenie/types.js';
import type { OpsgenieAccount } from './opsgenie-api-fake.js';

const HOUR = 3_600_000;
const userRef = (id: string) => ({ type: 'user' as const, id, username: `${id}@acme.test` });

function user(id: string, fullName: string, timeZone: string, role: string): OgUser {
  return { id, username: `${id}@acme.test`, fullName, role: { id: role, name: role }, blocked: false, timeZone };
}

const email = (userId: string): OgContact => ({ id: `${userId}-email`, method: 'email', to: `${userId}@acme.test`, status: { enabled: true } });

function newAlertRule(userId: string, steps: { method: string; to: string; after: number }[]): OgNotificationRule {
  return {
    id: `${userId}-new-alert`,
    name: 'New Alert',
    actionType: 'create-alert',
    enabled: true,
    criteria: { type: 'match-all' },
    steps: steps.map((s) => ({ contact: { method: s.method, to: s.to }, sendAfter: { timeAmount: s.after, timeUnit: 'minutes' }, enabled: true })),
  };
}

const at = (day: OgRestriction['startDay'], hour: number, endDay: OgRestriction['endDay'], endHour: number): OgRestriction => ({ startDay: day, startHour: hour, startMin: 0, endDay, endHour, endMin: 0 });

function rotation(id: string, name: string, startDate: string, type: OgRotation['type'], length: number, users: string[], extra: Partial<OgRotation> = {}): OgRotation {
  return { id, name, startDate, type, length, participants: users.map(userRef), ...extra };
}

/**
 * An account shaped like Opsgenie's documented responses, for imports as of `now` (any
 * instant after mid-2026): zones with and without DST and a half-hour offset; business-hours
 * and off-hours rotations whose weekday restrictions fit together (off hours across midnight
 * and across the end of the week); a nightly time-of-day restriction across midnight; weekly
 * and daily rotations running through DST changes (March 2027 in New York and Berlin); an
 * 8-hour rotation; a whole-schedule override; two escalations with a repeat. Some things Vigil
 * cannot take are there to be reported: an app contact, a schedule-start rule, a custom role,
 * an ended rotation, a rotation of a team and of nobody, a rotation-scoped override, a team
 * recipient, a "next on call" recipient, an if-not-closed rule, a first rule with a delay.
 */
export function opsgenieAccount(now: number): OpsgenieAccount {
  const hour = Math.floor(now / HOUR) * HOUR;
  const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
  const nextDay = { monday: 'tuesday', tuesday: 'wednesday', wednesday: 'thursday', thursday: 'friday' } as const;
  return {
    users: [
      user('alice', 'Alice Adams', 'America/New_York', 'Owner'),
      user('bob', 'Bob Brown', 'America/New_York', 'Admin'),
      user('carol', 'Carol Chen', 'Asia/Kolkata', 'User'),
      user('dave', 'Dave Diaz', 'Europe/Berlin', 'User'),
      user('erin', 'Erin Evans', 'Europe/Berlin', 'Stakeholder'),
      user('frank', 'Frank Fox', 'UTC', 'Scheduler'),
    ],
    contacts: {
      alice: [
        email('alice'),
        { id: 'alice-sms', method: 'sms', to: '1-5555550101', status: { enabled: true } },
        { id: 'alice-app', method: 'mobile', to: 'Alice iPhone', status: { enabled: true } },
      ],
      bob: [email('bob'), { id: 'bob-voice', method: 'voice', to: '1-5555550102', status: { enabled: true } }],
      carol: [email('carol')],
      dave: [email('dave')],
      erin: [email('erin')],
      frank: [email('frank')],
    },
    notificationRules: {
      alice: [
        newAlertRule('alice', [
          { method: 'email', to: 'alice@acme.test', after: 0 },
          { method: 'sms', to: '1-5555550101', after: 5 },
          { method: 'mobile', to: 'Alice iPhone', after: 0 },
        ]),
        { id: 'alice-shift', name: 'Shift start', actionType: 'schedule-start', enabled: true, steps: [{ contact: { method: 'email', to: 'alice@acme.test' }, sendAfter: { timeAmount: 0 }, enabled: true }] },
      ],
      bob: [newAlertRule('bob', [{ method: 'voice', to: '1-5555550102', after: 0 }])],
      carol: [newAlertRule('carol', [{ method: 'email', to: 'carol@acme.test', after: 0 }])],
      dave: [newAlertRule('dave', [{ method: 'email', to: 'dave@acme.test', after: 0 }])],
    },
    teams: [
      { id: 'team-platform', name: 'Platform', description: 'Platform engineering', members: ['alice', 'bob', 'carol'].map((id) => ({ user: { id, username: `${id}@acme.test` }, role: 'user' })) },
      { id: 'team-payments', name: 'Payments', members: ['bob', 'dave'].map((id) => ({ user: { id, username: `${id}@acme.test` }, role: 'admin' })) },
    ],
    schedules: [
      {
        id: 'sched-platform',
        name: 'Platform Primary',
        description: 'Days and nights',
        timezone: 'America/New_York',
        enabled: true,
        ownerTeam: { id: 'team-platform', name: 'Platform' },
        rotations: [
          rotation('rot-business', 'Business hours', '2026-01-05T09:00:00-05:00', 'weekly', 1, ['alice', 'bob', 'carol'], {
            timeRestriction: { type: 'weekday-and-time-of-day', restrictions: weekdays.map((d) => at(d, 9, d, 18)) },
          }),
          rotation('rot-off', 'Off hours', '2026-01-05T18:00:00-05:00', 'daily', 1, ['bob', 'carol'], {
            timeRestriction: {
              type: 'weekday-and-time-of-day',
              restrictions: [...(['monday', 'tuesday', 'wednesday', 'thursday'] as const).map((d) => at(d, 18, nextDay[d], 9)), at('friday', 18, 'monday', 9)],
            },
          }),
          rotation('rot-old', 'Old rotation', '2025-01-01T00:00:00-05:00', 'daily', 1, ['dave'], { endDate: '2025-06-01T00:00:00-04:00' }),
        ],
      },
      {
        id: 'sched-payments',
        name: 'Payments Nights',
        timezone: 'Europe/Berlin',
        enabled: true,
        ownerTeam: { id: 'team-payments', name: 'Payments' },
        rotations: [
          rotation('rot-nights', 'Nights', '2026-02-06T20:00:00+01:00', 'daily', 2, ['dave', 'bob', 'alice'], {
            timeRestriction: { type: 'time-of-day', restriction: { startHour: 20, startMin: 0, endHour: 8, endMin: 0 } },
          }),
        ],
      },
      {
        id: 'sched-sun',
        name: 'Follow the Sun',
        timezone: 'Asia/Kolkata',
        enabled: true,
        ownerTeam: { id: 'team-platform', name: 'Platform' },
        rotations: [rotation('rot-sun', '8-hour shifts', '2026-03-01T01:30:00+05:30', 'hourly', 8, ['carol', 'alice', 'bob'])],
      },
      {
        id: 'sched-desk',
        name: 'Support Desk',
        timezone: 'UTC',
        enabled: true,
        rotations: [
          rotation('rot-desk', 'Desk', '2026-01-01T09:00:00Z', 'daily', 1, [], {
            participants: [{ type: 'team', id: 'team-payments', name: 'Payments' }, { type: 'none' }],
          }),
        ],
      },
    ],
    overrides: {
      'sched-platform': [
        { alias: 'dentist', user: userRef('carol'), startDate: new Date(hour + 72 * HOUR).toISOString(), endDate: new Date(hour + 80 * HOUR).toISOString() },
        { alias: 'nights-swap', user: userRef('alice'), startDate: new Date(hour + 840 * HOUR).toISOString(), endDate: new Date(hour + 850 * HOUR).toISOString(), rotations: [{ id: 'rot-off', name: 'Off hours' }] },
      ],
    },
    escalations: [
      {
        id: 'esc-platform',
        name: 'Platform Escalation',
        description: 'Primary, then Bob and the sun',
        ownerTeam: { id: 'team-platform', name: 'Platform' },
        rules: [
          { condition: 'if-not-acked', notifyType: 'default', delay: { timeAmount: 0, timeUnit: 'minutes' }, recipient: { type: 'schedule', id: 'sched-platform', name: 'Platform Primary' } },
          { condition: 'if-not-acked', notifyType: 'default', delay: { timeAmount: 15, timeUnit: 'minutes' }, recipient: userRef('bob') },
          { condition: 'if-not-acked', notifyType: 'default', delay: { timeAmount: 15, timeUnit: 'minutes' }, recipient: { type: 'schedule', id: 'sched-sun', name: 'Follow the Sun' } },
          { condition: 'if-not-acked', notifyType: 'next', delay: { timeAmount: 30, timeUnit: 'minutes' }, recipient: { type: 'schedule', id: 'sched-platform', name: 'Platform Primary' } },
          { condition: 'if-not-acked', notifyType: 'default', delay: { timeAmount: 45, timeUnit: 'minutes' }, recipient: { type: 'team', id: 'team-platform', name: 'Platform' } },
        ],
        repeat: { waitInterval: 10, count: 2, resetRecipientStates: false, closeAlertAfterAll: false },
      },
      {
        id: 'esc-payments',
        name: 'Payments Escalation',
        ownerTeam: { id: 'team-payments', name: 'Payments' },
        rules: [
          { condition: 'if-not-acked', notifyType: 'default', delay: { timeAmount: 5, timeUnit: 'minutes' }, recipient: { type: 'schedule', id: 'sched-payments', name: 'Payments Nights' } },
          { condition: 'if-not-closed', notifyType: 'default', delay: { timeAmount: 20, timeUnit: 'minutes' }, recipient: userRef('dave') },
        ],
      },
    ],
  };
}
