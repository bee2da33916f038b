import type { GaContactMethod, GaIntegrationKey, GaScheduleRule, GaTarget, GaUser } from '../../src/core/import/goalert/types.js';
import type { GoAlertInstance } from './goalert-api-fake.js';

const email = (id: string, address: string, name = 'Work email'): GaContactMethod => ({ id, name, type: 'EMAIL', value: address, disabled: false });

function user(id: string, name: string, address: string, role: GaUser['role'], extra: Partial<GaUser> = {}): GaUser {
  return { id, name, email: address, role, contactMethods: [email(`${id}-email`, address)], notificationRules: [{ id: `${id}-nr`, delayMinutes: 0, contactMethodID: `${id}-email` }], ...extra };
}

const target = (type: string, id: string, name: string): GaTarget => ({ id, type, name });
/** Days as GoAlert's flags, Sunday first: 'SMTWTFS' with a letter for each day on, '-' off. */
const days = (pattern: string) => [...pattern].map((c) => c !== '-');
const rule = (start: string, end: string, pattern: string): GaScheduleRule => ({ start, end, weekdayFilter: days(pattern) });
const key = (id: string, type: GaIntegrationKey['type'], name: string): GaIntegrationKey => ({
  id,
  type,
  name,
  href: type === 'email' ? `${id}@goalert.example.com` : `https://goalert.example.com/api/v2/${type}/incoming?token=${id}`,
});

export const goAlertKeys = {
  grafana: '3f9a8b7c-1d2e-4f60-8a9b-0c1d2e3f4a5b',
  generic: '7e6d5c4b-3a29-4180-9f8e-7d6c5b4a3928',
  alertmanager: 'a0b1c2d3-e4f5-4607-8819-2a3b4c5d6e7f',
};

/**
 * A GoAlert instance shaped like its GraphQL answers, with its rotations' state as of `now`:
 * weekly, daily and 8-hour rotations through DST changes (New York 14 March, Berlin 28 March
 * 2027), a nightly rule across midnight, a weekend user rule, whole-day rules, a schedule in a
 * half-hour zone with rotations in other zones (one always on, one in office hours), a replacing override, and a policy step
 * paging a rotation directly. Some things Vigil cannot take (a Slack DM method, a disabled
 * method, a monthly rotation, a Slack channel step, a remove override, email and Site24x7
 * keys) are there to be reported.
 */
export function goAlertInstance(now: number): GoAlertInstance {
  return {
    now,
    users: [
      user('u-alice', 'Alice Adams', 'alice@acme.test', 'admin', {
        contactMethods: [
          email('u-alice-email', 'alice@acme.test'),
          { id: 'u-alice-sms', name: 'Mobile', type: 'SMS', value: '+15555550101', disabled: false },
          { id: 'u-alice-slack', name: 'Slack', type: 'SLACK_DM', value: 'U0123', disabled: false },
        ],
        notificationRules: [
          { id: 'u-alice-nr1', delayMinutes: 0, contactMethodID: 'u-alice-email' },
          { id: 'u-alice-nr2', delayMinutes: 5, contactMethodID: 'u-alice-sms' },
          { id: 'u-alice-nr3', delayMinutes: 1, contactMethodID: 'u-alice-slack' },
        ],
      }),
      user('u-bob', 'Bob Brown', 'bob@acme.test', 'user', {
        contactMethods: [email('u-bob-email', 'bob@acme.test'), { id: 'u-bob-voice', name: 'Desk', type: 'VOICE', value: '+15555550102', disabled: true }],
      }),
      user('u-carol', 'Carol Chen', 'carol@acme.test', 'user'),
      user('u-dave', 'Dave Diaz', 'dave@acme.test', 'user'),
      user('u-erin', 'Erin Evans', 'erin@acme.test', 'unknown'),
    ],
    rotations: [
      { id: 'r-week', name: 'Platform weekly', description: 'Day shifts', start: '2026-01-05T14:00:00Z', timeZone: 'America/New_York', type: 'weekly', shiftLength: 1, activeUserIndex: 1, userIDs: ['u-alice', 'u-bob', 'u-carol'] },
      { id: 'r-night', name: 'Platform nights', description: '', start: '2026-01-06T01:00:00Z', timeZone: 'America/New_York', type: 'daily', shiftLength: 1, activeUserIndex: 0, userIDs: ['u-bob', 'u-dave'] },
      { id: 'r-sun', name: 'Follow the sun', description: '', start: '2026-01-04T23:00:00Z', timeZone: 'Europe/Berlin', type: 'hourly', shiftLength: 8, activeUserIndex: 2, userIDs: ['u-carol', 'u-erin', 'u-alice'] },
      { id: 'r-pay', name: 'Payments', description: 'Two days each', start: '2026-06-01T06:00:00Z', timeZone: 'Europe/Berlin', type: 'daily', shiftLength: 2, activeUserIndex: 1, userIDs: ['u-dave', 'u-bob'] },
      { id: 'r-utc', name: 'Desk', description: 'Kept in UTC', start: '2026-01-05T03:30:00Z', timeZone: 'UTC', type: 'daily', shiftLength: 1, activeUserIndex: 2, userIDs: ['u-erin', 'u-dave', 'u-carol'] },
      { id: 'r-month', name: 'Managers', description: '', start: '2026-01-01T09:00:00Z', timeZone: 'UTC', type: 'monthly', shiftLength: 1, activeUserIndex: 0, userIDs: ['u-erin'] },
    ],
    schedules: [
      {
        id: 's-plat',
        name: 'Platform Primary',
        description: 'Weekdays by day, every night, Alice at weekends',
        timeZone: 'America/New_York',
        targets: [
          { target: target('rotation', 'r-week', 'Platform weekly'), rules: [rule('08:00', '20:00', '-MTWTF-')] },
          { target: target('rotation', 'r-night', 'Platform nights'), rules: [rule('20:00', '08:00', 'SMTWTFS')] },
          { target: target('user', 'u-alice', 'Alice Adams'), rules: [rule('08:00', '20:00', 'S-----S')] },
        ],
        temporarySchedules: [],
      },
      {
        id: 's-sun',
        name: 'Follow the Sun',
        description: '',
        timeZone: 'Asia/Kolkata',
        targets: [{ target: target('rotation', 'r-sun', 'Follow the sun'), rules: [rule('00:00', '00:00', 'SMTWTFS')] }],
        temporarySchedules: [],
      },
      {
        id: 's-weekend',
        name: 'Payments Weekend',
        description: 'Friday evening to Sunday night',
        timeZone: 'Europe/Berlin',
        targets: [
          { target: target('user', 'u-dave', 'Dave Diaz'), rules: [rule('18:00', '00:00', '-----F-'), rule('00:00', '00:00', 'S-----S')] },
          { target: target('user', 'u-erin', 'Erin Evans'), rules: [rule('09:00', '17:00', '-------')] },
        ],
        temporarySchedules: [],
      },
      {
        id: 's-desk',
        name: 'Bangalore Desk',
        description: 'Office hours, from a rotation kept in UTC',
        timeZone: 'Asia/Kolkata',
        targets: [{ target: target('rotation', 'r-utc', 'Desk'), rules: [rule('09:00', '18:00', '-MTWTF-')] }],
        temporarySchedules: [],
      },
    ],
    userOverrides: [
      // Carol takes Alice's Saturday 6 March, 10:00–18:00 in New York.
      { id: 'o-replace', start: '2027-03-06T15:00:00Z', end: '2027-03-06T23:00:00Z', addUserID: 'u-carol', removeUserID: 'u-alice', target: target('schedule', 's-plat', 'Platform Primary') },
      // Dave is off during the day of 2 March, when no rule has him on call anyway.
      { id: 'o-remove', start: '2027-03-02T17:00:00Z', end: '2027-03-02T19:00:00Z', addUserID: '', removeUserID: 'u-dave', target: target('schedule', 's-plat', 'Platform Primary') },
    ],
    escalationPolicies: [
      {
        id: 'ep-plat',
        name: 'Platform Escalation',
        description: 'Primary, then Carol and the sun',
        repeat: 2,
        steps: [
          { id: 'ep-plat-0', stepNumber: 0, delayMinutes: 15, targets: [target('schedule', 's-plat', 'Platform Primary')] },
          { id: 'ep-plat-1', stepNumber: 1, delayMinutes: 30, targets: [target('user', 'u-carol', 'Carol Chen'), target('schedule', 's-sun', 'Follow the Sun')] },
        ],
      },
      {
        id: 'ep-pay',
        name: 'Payments',
        description: '',
        repeat: 0,
        steps: [
          { id: 'ep-pay-0', stepNumber: 0, delayMinutes: 10, targets: [target('rotation', 'r-pay', 'Payments'), target('slackChannel', 'C0PAY', '#payments')] },
          { id: 'ep-pay-1', stepNumber: 1, delayMinutes: 5, targets: [target('schedule', 's-weekend', 'Payments Weekend')] },
          { id: 'ep-pay-2', stepNumber: 2, delayMinutes: 0, targets: [target('rotation', 'r-month', 'Managers')] },
        ],
      },
    ],
    services: [
      {
        id: 'svc-checkout',
        name: 'Checkout API',
        description: '',
        escalationPolicyID: 'ep-pay',
        integrationKeys: [key(goAlertKeys.grafana, 'grafana', 'Grafana'), key(goAlertKeys.generic, 'generic', 'Deploys'), key('5d4c3b2a-1908-4f7e-8d6c-5b4a39281706', 'email', 'Email')],
      },
      { id: 'svc-core', name: 'Platform Core', description: '', escalationPolicyID: 'ep-plat', integrationKeys: [key(goAlertKeys.alertmanager, 'prometheusAlertmanager', 'Prometheus')] },
      { id: 'svc-legacy', name: 'Legacy', description: '', escalationPolicyID: 'ep-plat', integrationKeys: [key('0f1e2d3c-4b5a-4697-8877-665544332211', 'site24x7', 'Site24x7')] },
    ],
  };
}
