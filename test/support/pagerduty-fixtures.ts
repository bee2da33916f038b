import type { PdContactMethod, PdLayer, PdNotificationRule, PdUser } from '../../src/core/import/pagerduty/types.js';
import type { PagerDutyAccount } from './pagerduty-api-fake.js';

const HOUR = 3_600_000;
const team = (id: string, summary: string) => ({ id, type: 'team_reference', summary });
const userRef = (id: string) => ({ user: { id, type: 'user_reference', summary: id } });
const email = (id: string, address: string, label = 'Default'): PdContactMethod => ({ id, type: 'email_contact_method', label, address });
const rule = (id: string, method: string, delay: number, urgency: 'high' | 'low' = 'high'): PdNotificationRule => ({
  id,
  type: 'assignment_notification_rule',
  start_delay_in_minutes: delay,
  urgency,
  contact_method: { id: method, type: 'contact_method_reference' },
});

function user(id: string, name: string, address: string, time_zone: string, role: PdUser['role'], teams: string[], extra: Partial<PdUser> = {}): PdUser {
  return {
    id,
    type: 'user',
    name,
    email: address,
    time_zone,
    role,
    teams: teams.map((t) => team(t, t)),
    contact_methods: [email(`${id}-E`, address)],
    notification_rules: [rule(`${id}-R`, `${id}-E`, 0)],
    ...extra,
  };
}

function layer(id: string, name: string, start: string, turnSeconds: number, users: string[], extra: Partial<PdLayer> = {}): PdLayer {
  return { id, name, start, end: null, rotation_virtual_start: start, rotation_turn_length_seconds: turnSeconds, users: users.map(userRef), restrictions: [], ...extra };
}

export const pagerDutyKeys = { platformCore: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', checkout: 'f0e1d2c3b4a5968778695a4b3c2d1e0f' };

/**
 * An account shaped like PagerDuty's documented responses, for imports as of `now` (any
 * instant after mid-2026): zones with and without DST and a half-hour offset, a nightly
 * restriction across midnight, a weekend restriction across the end of the week, weekly
 * rotations running through DST changes (in March 2027 for New York and Berlin), an
 * override, two policies with loops, and services with Events API v2 keys. Some things
 * Vigil cannot take (an app push method, a 90-minute rotation, an ended layer, an email
 * integration) are there to be reported.
 */
export function pagerDutyAccount(now: number): PagerDutyAccount {
  const hour = Math.floor(now / HOUR) * HOUR;
  return {
    teams: [
      { id: 'PTPLAT', type: 'team', name: 'Platform', description: 'Platform engineering' },
      { id: 'PTPAY', type: 'team', name: 'Payments', description: null },
    ],
    users: [
      user('PALICE', 'Alice Adams', 'alice@acme.test', 'America/New_York', 'admin', ['PTPLAT'], {
        contact_methods: [
          email('PALICE-E', 'alice@acme.test'),
          { id: 'PALICE-S', type: 'sms_contact_method', label: 'Mobile', address: '5555550101', country_code: 1 },
          { id: 'PALICE-P', type: 'push_notification_contact_method', label: 'iPhone', address: 'device-token' },
        ],
        notification_rules: [rule('PALICE-R1', 'PALICE-E', 0), rule('PALICE-R2', 'PALICE-S', 5), rule('PALICE-R3', 'PALICE-P', 0), rule('PALICE-R4', 'PALICE-E', 0, 'low')],
      }),
      user('PBOB', 'Bob Berger', 'bob@acme.test', 'Europe/Berlin', 'user', ['PTPLAT', 'PTPAY'], {
        contact_methods: [email('PBOB-E', 'bob@acme.test'), { id: 'PBOB-V', type: 'phone_contact_method', label: 'Work phone', address: '1701234567', country_code: 49 }],
        notification_rules: [rule('PBOB-R1', 'PBOB-E', 0), rule('PBOB-R2', 'PBOB-V', 10)],
      }),
      user('PCAROL', 'Carol Chen', 'carol@acme.test', 'Asia/Kolkata', 'limited_user', ['PTPLAT']),
      user('PDAVE', 'Dave Diaz', 'dave@acme.test', 'Europe/Berlin', 'user', ['PTPAY']),
      user('PERIN', 'Erin Evans', 'erin@acme.test', 'UTC', 'observer', []),
    ],
    schedules: [
      {
        id: 'PSPLAT',
        type: 'schedule',
        name: 'Platform Primary',
        description: 'Weekly primary, nights on a second layer',
        time_zone: 'America/New_York',
        teams: [team('PTPLAT', 'Platform')],
        // Top layer first, as the API lists them.
        schedule_layers: [
          layer('PLNIGHT', 'Nights', '2026-01-05T18:00:00-05:00', 86400, ['PBOB', 'PDAVE'], {
            restrictions: [{ type: 'daily_restriction', start_time_of_day: '22:00:00', duration_seconds: 10 * 3600, start_day_of_week: null }],
          }),
          layer('PLWEEK', 'Weekly', '2026-01-05T09:00:00-05:00', 604800, ['PALICE', 'PBOB', 'PCAROL']),
          layer('PLOLD', 'Old layer', '2025-01-01T00:00:00-05:00', 86400, ['PERIN'], { end: '2025-06-01T00:00:00-04:00' }),
        ],
      },
      {
        id: 'PSPAY',
        type: 'schedule',
        name: 'Payments Weekend',
        description: null,
        time_zone: 'Europe/Berlin',
        teams: [team('PTPAY', 'Payments')],
        schedule_layers: [
          layer('PLPAY', 'Weekend and Wednesday nights', '2026-02-06T18:00:00+01:00', 2 * 86400, ['PDAVE', 'PALICE', 'PBOB'], {
            restrictions: [
              { type: 'weekly_restriction', start_time_of_day: '18:00:00', duration_seconds: 63 * 3600, start_day_of_week: 5 },
              { type: 'weekly_restriction', start_time_of_day: '20:00:00', duration_seconds: 12 * 3600, start_day_of_week: 3 },
            ],
          }),
        ],
      },
      {
        id: 'PSSUN',
        type: 'schedule',
        name: 'Follow the Sun',
        description: null,
        time_zone: 'Asia/Kolkata',
        teams: [team('PTPLAT', 'Platform')],
        schedule_layers: [
          layer('PLSUN', '8-hour shifts', '2026-03-01T01:30:00+05:30', 8 * 3600, ['PCAROL', 'PALICE', 'PBOB']),
          layer('PLODD', '90-minute shifts', '2026-03-01T00:00:00+05:30', 5400, ['PDAVE', 'PERIN']),
        ],
      },
    ],
    overrides: {
      PSPLAT: [{ id: 'PO1', start: new Date(hour + 72 * HOUR).toISOString(), end: new Date(hour + 80 * HOUR).toISOString(), user: { id: 'PCAROL', type: 'user_reference' } }],
    },
    escalationPolicies: [
      {
        id: 'PEPPLAT',
        type: 'escalation_policy',
        name: 'Platform Escalation',
        description: 'Primary, then Bob and the sun',
        num_loops: 2,
        teams: [team('PTPLAT', 'Platform')],
        escalation_rules: [
          { id: 'PR1', escalation_delay_in_minutes: 15, targets: [{ id: 'PSPLAT', type: 'schedule_reference' }] },
          {
            id: 'PR2',
            escalation_delay_in_minutes: 30,
            targets: [
              { id: 'PBOB', type: 'user_reference' },
              { id: 'PSSUN', type: 'schedule_reference' },
            ],
          },
        ],
      },
      {
        id: 'PEPPAY',
        type: 'escalation_policy',
        name: 'Payments',
        description: null,
        num_loops: 0,
        teams: [team('PTPAY', 'Payments')],
        escalation_rules: [
          { id: 'PR3', escalation_delay_in_minutes: 10, targets: [{ id: 'PSPAY', type: 'schedule_reference' }] },
          { id: 'PR4', escalation_delay_in_minutes: 5, targets: [{ id: 'PDAVE', type: 'user_reference' }] },
        ],
      },
    ],
    services: [
      {
        id: 'PSVCORE',
        type: 'service',
        name: 'Platform Core',
        description: null,
        status: 'active',
        escalation_policy: { id: 'PEPPLAT', type: 'escalation_policy_reference' },
        teams: [team('PTPLAT', 'Platform')],
        integrations: [{ id: 'PINT1', type: 'events_api_v2_inbound_integration', name: 'Prometheus', integration_key: pagerDutyKeys.platformCore }],
        incident_urgency_rule: { type: 'constant', urgency: 'high' },
        acknowledgement_timeout: null,
        auto_resolve_timeout: null,
      },
      {
        id: 'PSVCHK',
        type: 'service',
        name: 'Checkout API',
        description: null,
        status: 'active',
        escalation_policy: { id: 'PEPPAY', type: 'escalation_policy_reference' },
        teams: [team('PTPAY', 'Payments')],
        integrations: [
          { id: 'PINT2', type: 'events_api_v2_inbound_integration', name: 'Datadog', integration_key: pagerDutyKeys.checkout },
          { id: 'PINT3', type: 'generic_email_inbound_integration', name: 'Email' },
        ],
        incident_urgency_rule: { type: 'constant', urgency: 'severity_based' },
        acknowledgement_timeout: null,
        auto_resolve_timeout: 14400,
      },
    ],
  };
}
