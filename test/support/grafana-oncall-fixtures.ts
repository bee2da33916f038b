import type { GoEscalationPolicy, GoIntegration, GoShift, GoUser } from '../../src/core/import/grafana/types.js';
import type { GrafanaOnCallInstance } from './grafana-oncall-api-fake.js';

const user = (id: string, username: string, role: string, timezone: string | null): GoUser => ({ id, email: `${username}@acme.test`, username, role, timezone });

function shift(id: string, name: string, extra: Partial<GoShift>): GoShift {
  return { id, name, type: 'rolling_users', team_id: null, time_zone: null, level: 0, start: '2026-01-05T09:00:00', duration: 7 * 86400, frequency: 'weekly', interval: 1, week_start: 'SU', by_day: null, by_month: null, by_monthday: null, until: null, start_rotation_from_user_index: 0, ...extra };
}

const integration = (id: string, name: string, type: string, chain: string | null, team: string | null = null): GoIntegration => ({
  id,
  name,
  team_id: team,
  type,
  link: `https://oncall.example.com/integrations/v1/${type}/${id.toLowerCase()}Token0123/`,
  default_route: { id: `R${id}`, escalation_chain_id: chain },
});

/** Positions count from 0 within each chain. */
const positions = new Map<string, number>();
function step(chain: string, type: string, extra: Partial<GoEscalationPolicy> = {}): GoEscalationPolicy {
  const position = positions.get(chain) ?? 0;
  positions.set(chain, position + 1);
  return { id: `E${chain}${position}`, escalation_chain_id: chain, position, type, duration: null, important: false, ...extra };
}

/**
 * A Grafana OnCall organization shaped like its API's answers, with both DST changes of its
 * zones (New York 14 March, Berlin 28 March 2027) in the 30 days after 1 March 2027:
 * weekly, nightly (20:00–08:00, across midnight and the change), weekend (by_day) and 8-hour
 * rotations at three levels, a Friday-to-Monday window, and what does not map (a single
 * event, a monthly shift, an iCal schedule, a webhook step, a Zabbix integration).
 */
export function grafanaOnCallInstance(): GrafanaOnCallInstance {
  positions.clear();
  const users = [
    user('UALICE', 'alice', 'admin', 'America/New_York'),
    user('UBOB', 'bob', 'editor', 'Europe/Berlin'),
    user('UCAROL', 'carol', 'editor', 'America/New_York'),
    user('UDAVE', 'dave', 'editor', 'Europe/Berlin'),
    user('UERIN', 'erin', 'editor', null),
    user('UFRANK', 'frank', 'viewer', 'UTC'),
  ];
  const shifts = [
    // Monday 09:00 New York, week by week: Alice, Bob, Carol.
    shift('OWEEK', 'Platform weekly', { rolling_users: [['UALICE'], ['UBOB'], ['UCAROL']] }),
    // Nights 20:00 to 08:00, starting with Bob (index 1), above the week.
    shift('ONIGHT', 'Platform nights', { level: 1, start: '2026-01-05T20:00:00', duration: 12 * 3600, frequency: 'daily', rolling_users: [['UDAVE'], ['UBOB']], start_rotation_from_user_index: 1 }),
    // Saturdays and Sundays 10:00 to 16:00 on top, the week beginning on Saturday.
    shift('OWKND', 'Weekend days', { level: 2, start: '2026-01-03T10:00:00', duration: 6 * 3600, by_day: ['SA', 'SU'], week_start: 'SA', rolling_users: [['UERIN'], ['UCAROL']] }),
    shift('OONCE', 'Launch day', { type: 'single_event', level: 3, start: '2027-03-10T09:00:00', duration: 8 * 3600, frequency: null, users: ['UALICE'], rolling_users: null }),
    // Berlin: 8-hour turns at 06:00, 14:00 and 22:00 (the 22:00 one spans the change).
    shift('OSUN', 'Around the clock', { start: '2026-01-05T06:00:00', duration: 8 * 3600, frequency: 'hourly', interval: 8, rolling_users: [['UALICE'], ['UBOB'], ['UCAROL']] }),
    // Friday 18:00 to Monday 08:00 Berlin time, in its own zone, above.
    shift('OWEEKEND', 'Long weekend', { level: 1, time_zone: 'Europe/Berlin', start: '2026-01-09T18:00:00', duration: 62 * 3600, rolling_users: [['UDAVE'], ['UERIN']] }),
    shift('OMONTH', 'Month end', { frequency: 'monthly', rolling_users: [['UBOB']] }),
  ];
  return {
    teams: [{ id: 'TPLAT', name: 'Platform' }],
    users,
    shifts,
    schedules: [
      { id: 'SPRIMARY', name: 'Platform Primary', type: 'calendar', team_id: 'TPLAT', time_zone: 'America/New_York', shifts: ['OWEEK', 'ONIGHT', 'OWKND', 'OONCE'] },
      { id: 'SSUN', name: 'Follow the Sun', type: 'calendar', team_id: null, time_zone: 'Europe/Berlin', shifts: ['OSUN', 'OWEEKEND'] },
      { id: 'SMONTH', name: 'Month End', type: 'calendar', team_id: null, time_zone: 'UTC', shifts: ['OMONTH'] },
      { id: 'SICAL', name: 'Legacy iCal', type: 'ical', team_id: null },
    ],
    chains: [
      { id: 'CPLAT', name: 'Platform Escalation', team_id: 'TPLAT' },
      { id: 'CSUN', name: 'Follow the Sun', team_id: null },
    ],
    policies: [
      step('CPLAT', 'notify_on_call_from_schedule', { notify_on_call_from_schedule: 'SPRIMARY' }),
      step('CPLAT', 'wait', { duration: 900 }),
      step('CPLAT', 'notify_persons', { persons_to_notify: ['UCAROL', 'UDAVE'], important: true }),
      step('CPLAT', 'trigger_webhook'),
      step('CPLAT', 'wait', { duration: 300 }),
      step('CPLAT', 'repeat_escalation'),
      step('CSUN', 'notify_on_call_from_schedule', { notify_on_call_from_schedule: 'SSUN' }),
      step('CSUN', 'wait', { duration: 600 }),
      step('CSUN', 'notify_persons', { persons_to_notify: ['UALICE'] }),
    ],
    integrations: [
      integration('IGRAFANA', 'Checkout Grafana', 'grafana_alerting', 'CPLAT', 'TPLAT'),
      integration('IAM', 'Platform Alertmanager', 'alertmanager', 'CPLAT', 'TPLAT'),
      integration('IHOOK', 'Deploys', 'webhook', 'CSUN'),
      integration('IZABBIX', 'Zabbix', 'zabbix', 'CSUN'),
    ],
  };
}
