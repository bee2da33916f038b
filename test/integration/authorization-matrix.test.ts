import { expect, it } from 'vitest';
import { demoAdmin } from '../support/demo-admin.js';
import { accessRules, matrixRoles, type AccessRule, type MatrixRole } from '../../src/http/access-rules.js';
import { ApiContract } from '../support/api-contract.js';
import { describeEachDatabase } from '../support/databases.js';
import { useTestApp, type Caller, type Response } from '../support/test-app.js';

/**
 * Every operation of the OpenAPI document that changes something, called by every role,
 * against the rule declared for it in src/http/access-rules.ts: refused roles get 403
 * (or the declared 404), allowed ones are not refused. Each call gets fresh resources,
 * so one role's delete does not decide what the next role sees.
 */

const mutating = ['post', 'put', 'patch', 'delete'];
const PASSWORD = 'matrix-password';
const HOUR = 3_600_000;

interface Call {
  url: string;
  body?: unknown;
  /** Statuses an allowed role may get besides 2xx, when the request is refused for reasons other than who asks. */
  alsoOk?: number[];
}

interface World {
  teamA: string;
  teamB: string;
  ids: Record<MatrixRole, string>;
  callers: Record<MatrixRole, Caller>;
}

/** Builds resources on demand for one call, as the owner; `me` is the caller. */
class Fixtures {
  private cache = new Map<string, Promise<string>>();
  private static n = 0;
  constructor(
    private readonly owner: Caller,
    readonly world: World,
    readonly me: MatrixRole,
  ) {}

  private once(key: string, make: () => Promise<string>): Promise<string> {
    const hit = this.cache.get(key);
    if (hit) return hit;
    const made = make();
    this.cache.set(key, made);
    return made;
  }

  unique(prefix: string): string {
    Fixtures.n += 1;
    return `${prefix} ${Fixtures.n}`;
  }

  private async created(res: Response, what: string): Promise<string> {
    if (res.status !== 201 && res.status !== 200) throw new Error(`fixture ${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  get password(): string {
    return this.me === 'owner' ? demoAdmin.password : PASSWORD;
  }

  schedule = () =>
    this.once('schedule', async () =>
      this.created(
        await this.owner.post('/api/v1/schedules', {
          name: this.unique('Matrix schedule'),
          teamId: this.world.teamA,
          timeZone: 'UTC',
          layers: [0, 1].map((i) => ({ name: `L${i}`, rotation: { kind: 'weekly', handoffDay: 1, handoffTime: '09:00' }, members: [this.world.ids.teamResponder] })),
        }),
        'schedule',
      ),
    );

  layerIds = async (): Promise<string[]> => ((await this.owner.get(`/api/v1/schedules/${await this.schedule()}`)).body.layers as Array<{ id: string }>).map((l) => l.id);

  override = () =>
    this.once('override', async () =>
      this.created(await this.owner.post(`/api/v1/schedules/${await this.schedule()}/overrides`, { userId: this.world.ids.teamResponder, ...(await this.span()) }), 'override'),
    );

  fixedShift = () =>
    this.once('fixedShift', async () =>
      this.created(
        await this.owner.post(`/api/v1/schedules/${await this.schedule()}/fixed-shifts`, { layerId: (await this.layerIds())[0], userId: this.world.ids.teamResponder, ...(await this.span()) }),
        'fixed shift',
      ),
    );

  /** Asked by the team's responder, on call for the whole schedule: the team's other members are asked. */
  coverRequest = () =>
    this.once('coverRequest', async () =>
      this.created(await this.world.callers.teamResponder.post(`/api/v1/schedules/${await this.schedule()}/cover-requests`, { layerId: null, ...(await this.span()) }), 'cover request'),
    );

  intendedGap = () =>
    this.once('intendedGap', async () => this.created(await this.owner.post(`/api/v1/schedules/${await this.schedule()}/intended-gaps`, await this.span()), 'intended gap'));

  span = async () => {
    const now = Date.parse((await this.owner.get('/api/v1/test/clock')).body.now);
    return { start: new Date(now + 24 * HOUR).toISOString(), end: new Date(now + 26 * HOUR).toISOString() };
  };

  steps = () => [{ waitSeconds: 0, targets: [{ type: 'user', userId: this.world.ids.teamResponder }] }];

  policy = () =>
    this.once('policy', async () =>
      this.created(await this.owner.post('/api/v1/escalation-policies', { teamId: this.world.teamA, name: this.unique('Matrix policy'), repeat: 0, steps: this.steps() }), 'policy'),
    );

  monitor = (kind = 'manual') =>
    this.once(`monitor:${kind}`, async () =>
      this.created(await this.owner.post('/api/v1/monitors', { teamId: this.world.teamA, name: this.unique('Matrix monitor'), kind, policyId: await this.policy() }), 'monitor'),
    );

  incident = () => this.once('incident', () => this.openIncident());

  /** Another incident of the same monitor, to merge into the first. */
  secondIncident = () => this.once('second incident', () => this.openIncident());

  private async openIncident(): Promise<string> {
    const res = await this.owner.post(`/api/v1/monitors/${await this.monitor()}/alerts`, { title: this.unique('Matrix incident') });
    if (res.status !== 201) throw new Error(`fixture incident: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.incident.id as string;
  }

  statusPage = () =>
    this.once('statusPage', async () =>
      this.created(
        await this.owner.post('/api/v1/status-pages', { teamId: this.world.teamA, name: 'Matrix status', slug: this.unique('matrix-status').replace(' ', '-'), timeZone: 'UTC', accentColor: '#0b5fff', access: 'public' }),
        'status page',
      ),
    );

  statusIncident = () =>
    this.once('statusIncident', async () =>
      this.created(await this.owner.post(`/api/v1/status-pages/${await this.statusPage()}/incidents`, { title: 'Slow logins', status: 'investigating', body: 'Looking', componentIds: [] }), 'status incident'),
    );

  maintenance = () =>
    this.once('maintenance', async () =>
      this.created(await this.owner.post(`/api/v1/status-pages/${await this.statusPage()}/maintenances`, { title: 'Upgrade', body: 'Brief', ...(await this.maintenanceSpan()), componentIds: [] }), 'maintenance'),
    );

  /** A webhook subscriber of the status page, subscribed through the public form (its confirmation goes nowhere). */
  statusSubscriber = () =>
    this.once('statusSubscriber', async () => {
      const page = (await this.owner.get(`/api/v1/status-pages/${await this.statusPage()}`)).body as { id: string; slug: string };
      const webhook = `http://127.0.0.1:9/${this.unique('matrix-subscriber').replace(' ', '-')}`;
      const res = await this.owner.post(`/status/${page.slug}/subscribe`, { webhook });
      if (res.status !== 200) throw new Error(`fixture status subscriber: ${res.status}`);
      const listed = (await this.owner.get(`/api/v1/status-pages/${page.id}/subscribers`)).body as { subscribers: { id: string; address: string }[] };
      return listed.subscribers.find((s) => s.address === webhook)!.id;
    });

  maintenanceSpan = async () => {
    const { start, end } = await this.span();
    return { startsAt: start, endsAt: end };
  };

  /** An ordinary responder of team A: the account the user operations act on. */
  subject = () =>
    this.once('subject', async () => {
      const id = await this.created(await this.owner.post('/api/v1/users', { email: `${this.unique('subject').replace(' ', '-')}@matrix.test`, name: 'Subject', role: 'responder' }), 'user');
      await this.owner.put(`/api/v1/teams/${this.world.teamA}/members/${id}`, { role: 'member' });
      return id;
    });

  contactMethod = () =>
    this.once('contactMethod', async () =>
      this.created(await this.owner.post(`/api/v1/users/${await this.subject()}/contact-methods`, { kind: 'email', address: 'subject@matrix.test' }), 'contact method'),
    );

  rule = () =>
    this.once('rule', async () =>
      this.created(await this.owner.post(`/api/v1/users/${await this.subject()}/notification-rules`, { contactMethodId: await this.contactMethod(), delayMinutes: 5 }), 'rule'),
    );

  timeOff = () =>
    this.once('timeOff', async () => this.created(await this.owner.post(`/api/v1/users/${await this.subject()}/time-off`, { ...(await this.span()), note: 'Matrix' }), 'time off'));

  /** A team like A (same manager, responder and viewer), so deleting it is a fair test of who may. */
  team = () =>
    this.once('team', async () => {
      const id = await this.created(await this.owner.post('/api/v1/teams', { name: this.unique('Matrix team') }), 'team');
      for (const [role, teamRole] of [['teamManager', 'manager'], ['teamResponder', 'member'], ['viewer', 'member']] as const) {
        await this.owner.put(`/api/v1/teams/${id}/members/${this.world.ids[role]}`, { role: teamRole });
      }
      return id;
    });

  myToken = async () => (await this.world.callers[this.me].post('/api/v1/me/tokens', { name: 'matrix' })).body.apiToken.id as string;
  myFeed = async () => (await this.world.callers[this.me].post('/api/v1/me/calendar-feeds', {})).body.id as string;
}

/**
 * How to call each operation. An operation with a rule that is not `public` needs an
 * entry here, so that the matrix can call it.
 */
const requests: Record<string, (f: Fixtures) => Promise<Call>> = {
  'POST /me/tokens': async () => ({ url: '/me/tokens', body: { name: 'matrix' } }),
  'DELETE /me/tokens/{id}': async (f) => ({ url: `/me/tokens/${await f.myToken()}` }),
  'POST /me/calendar-feeds': async () => ({ url: '/me/calendar-feeds', body: {} }),
  'DELETE /me/calendar-feeds/{id}': async (f) => ({ url: `/me/calendar-feeds/${await f.myFeed()}` }),
  'POST /me/two-factor': async (f) => ({ url: '/me/two-factor', body: { password: f.password } }),
  // Without an enrolment under way the code cannot be right: refused for what it is, not for who asks.
  'POST /me/two-factor/confirm': async () => ({ url: '/me/two-factor/confirm', body: { code: '000000' }, alsoOk: [400, 401, 409] }),
  'POST /me/two-factor/recovery-codes': async () => ({ url: '/me/two-factor/recovery-codes', body: { code: '000000' }, alsoOk: [400, 401, 409] }),
  'POST /me/two-factor/disable': async (f) => ({ url: '/me/two-factor/disable', body: { password: f.password, code: '000000' }, alsoOk: [400, 401, 409] }),

  'POST /users': async (f) => ({ url: '/users', body: { email: `${f.unique('new').replace(' ', '-')}@matrix.test`, name: 'New', role: 'responder' } }),
  'PATCH /users/{id}': async (f) => ({ url: `/users/${await f.subject()}`, body: { name: 'Renamed', password: 'a-new-password' } }),
  'DELETE /users/{id}': async (f) => ({ url: `/users/${await f.subject()}` }),
  'DELETE /users/{id}/two-factor': async (f) => ({ url: `/users/${await f.subject()}/two-factor`, alsoOk: [409] }),
  'POST /users/{id}/contact-methods': async (f) => ({ url: `/users/${await f.subject()}/contact-methods`, body: { kind: 'webhook', address: 'https://hooks.matrix.test/x' } }),
  'DELETE /users/{id}/contact-methods/{itemId}': async (f) => ({ url: `/users/${await f.subject()}/contact-methods/${await f.contactMethod()}` }),
  'POST /users/{id}/contact-methods/{itemId}/send-verification': async (f) => ({ url: `/users/${await f.subject()}/contact-methods/${await f.contactMethod()}/send-verification` }),
  'POST /users/{id}/contact-methods/{itemId}/verify': async (f) => ({ url: `/users/${await f.subject()}/contact-methods/${await f.contactMethod()}/verify`, body: { code: '000000' }, alsoOk: [400] }),
  'POST /users/{id}/contact-methods/{itemId}/test': async (f) => ({ url: `/users/${await f.subject()}/contact-methods/${await f.contactMethod()}/test` }),
  'POST /users/{id}/notification-rules': async (f) => ({ url: `/users/${await f.subject()}/notification-rules`, body: { contactMethodId: await f.contactMethod(), delayMinutes: 1 } }),
  'DELETE /users/{id}/notification-rules/{itemId}': async (f) => ({ url: `/users/${await f.subject()}/notification-rules/${await f.rule()}` }),
  'POST /users/{id}/time-off': async (f) => ({ url: `/users/${await f.subject()}/time-off`, body: await f.span() }),
  'PATCH /users/{id}/time-off/{itemId}': async (f) => ({ url: `/users/${await f.subject()}/time-off/${await f.timeOff()}`, body: { note: 'changed' } }),
  'DELETE /users/{id}/time-off/{itemId}': async (f) => ({ url: `/users/${await f.subject()}/time-off/${await f.timeOff()}` }),
  'PUT /users/{id}/time-off-calendar': async (f) => ({ url: `/users/${await f.subject()}/time-off-calendar`, body: { url: 'https://calendar.matrix.test/leave.ics' } }),

  'PUT /settings/two-factor': async () => ({ url: '/settings/two-factor', body: { required: false } }),

  'POST /teams': async (f) => ({ url: '/teams', body: { name: f.unique('Matrix new team') } }),
  'PATCH /teams/{id}': async (f) => ({ url: `/teams/${await f.team()}`, body: { description: 'changed' } }),
  'DELETE /teams/{id}': async (f) => ({ url: `/teams/${await f.team()}` }),
  'PUT /teams/{id}/members/{userId}': async (f) => ({ url: `/teams/${await f.team()}/members/${await f.subject()}`, body: { role: 'member' } }),
  'DELETE /teams/{id}/members/{userId}': async (f) => ({ url: `/teams/${await f.team()}/members/${f.world.ids.teamResponder}` }),

  'POST /schedules': async (f) => ({
    url: '/schedules',
    body: { name: f.unique('New schedule'), teamId: f.world.teamA, timeZone: 'UTC', layers: [{ name: 'L', rotation: { kind: 'daily', handoffTime: '09:00' }, members: [] }] },
  }),
  'PATCH /schedules/{id}': async (f) => ({ url: `/schedules/${await f.schedule()}`, body: { description: 'changed' } }),
  'DELETE /schedules/{id}': async (f) => ({ url: `/schedules/${await f.schedule()}` }),
  'POST /schedules/{id}/layers': async (f) => ({ url: `/schedules/${await f.schedule()}/layers`, body: { name: 'L2', rotation: { kind: 'daily', handoffTime: '09:00' }, members: [] } }),
  'PATCH /schedules/{id}/layers/{layerId}': async (f) => ({ url: `/schedules/${await f.schedule()}/layers/${(await f.layerIds())[0]}`, body: { name: 'Renamed' } }),
  'DELETE /schedules/{id}/layers/{layerId}': async (f) => ({ url: `/schedules/${await f.schedule()}/layers/${(await f.layerIds())[1]}` }),
  'PUT /schedules/{id}/layer-order': async (f) => ({ url: `/schedules/${await f.schedule()}/layer-order`, body: { layerIds: (await f.layerIds()).reverse() } }),
  'POST /schedules/{id}/overrides': async (f) => ({ url: `/schedules/${await f.schedule()}/overrides`, body: { userId: f.world.ids.teamResponder, ...(await f.span()) } }),
  'DELETE /schedules/{id}/overrides/{itemId}': async (f) => ({ url: `/schedules/${await f.schedule()}/overrides/${await f.override()}` }),
  'POST /schedules/{id}/fixed-shifts': async (f) => ({
    url: `/schedules/${await f.schedule()}/fixed-shifts`,
    body: { layerId: (await f.layerIds())[0], userId: f.world.ids.teamResponder, ...(await f.span()) },
  }),
  'DELETE /schedules/{id}/fixed-shifts/{itemId}': async (f) => ({ url: `/schedules/${await f.schedule()}/fixed-shifts/${await f.fixedShift()}` }),
  'POST /schedules/{id}/cover-requests': async (f) => ({ url: `/schedules/${await f.schedule()}/cover-requests`, body: { layerId: null, ...(await f.span()) }, alsoOk: [400] }),
  'POST /schedules/{id}/cover-requests/{requestId}/accept': async (f) => ({ url: `/schedules/${await f.schedule()}/cover-requests/${await f.coverRequest()}/accept` }),
  'POST /schedules/{id}/cover-requests/{requestId}/withdraw': async (f) => ({ url: `/schedules/${await f.schedule()}/cover-requests/${await f.coverRequest()}/withdraw` }),
  'POST /schedules/{id}/intended-gaps': async (f) => ({ url: `/schedules/${await f.schedule()}/intended-gaps`, body: await f.span() }),
  'DELETE /schedules/{id}/intended-gaps/{itemId}': async (f) => ({ url: `/schedules/${await f.schedule()}/intended-gaps/${await f.intendedGap()}` }),
  'POST /schedules/{id}/preview': async (f) => ({ url: `/schedules/${await f.schedule()}/preview`, body: { edit: { kind: 'remove_layer', layerId: (await f.layerIds())[1] } } }),

  'POST /escalation-policies': async (f) => ({ url: '/escalation-policies', body: { teamId: f.world.teamA, name: f.unique('New policy'), repeat: 0, steps: f.steps() } }),
  'PUT /escalation-policies/{id}': async (f) => ({ url: `/escalation-policies/${await f.policy()}`, body: { teamId: f.world.teamA, name: f.unique('Changed policy'), repeat: 1, steps: f.steps() } }),
  'DELETE /escalation-policies/{id}': async (f) => ({ url: `/escalation-policies/${await f.policy()}` }),
  'POST /escalation-policies/paging-plan': async (f) => ({ url: '/escalation-policies/paging-plan', body: { steps: f.steps(), repeat: 0 } }),

  'POST /monitors': async (f) => ({ url: '/monitors', body: { teamId: f.world.teamA, name: f.unique('New monitor'), policyId: await f.policy() } }),
  'PATCH /monitors/{id}': async (f) => ({ url: `/monitors/${await f.monitor()}`, body: { name: f.unique('Renamed monitor') } }),
  'DELETE /monitors/{id}': async (f) => ({ url: `/monitors/${await f.monitor()}` }),
  'POST /monitors/{id}/integration-key': async (f) => ({ url: `/monitors/${await f.monitor('webhook')}/integration-key` }),
  'PUT /monitors/{id}/integration-key': async (f) => ({ url: `/monitors/${await f.monitor('webhook')}/integration-key`, body: { integrationKey: f.unique('matrix-key').replace(/\s/g, '-').padEnd(32, 'x') } }),
  'POST /monitors/{id}/alerts': async (f) => ({ url: `/monitors/${await f.monitor()}/alerts`, body: { title: 'Raised by hand' } }),
  'PUT /monitors/{id}/event-rules': async (f) => ({ url: `/monitors/${await f.monitor('webhook')}/event-rules`, body: { rules: [{ name: 'Quiet', when: [], then: { urgency: 'low' } }] } }),
  'POST /monitors/{id}/event-rules/dry-run': async (f) => ({ url: `/monitors/${await f.monitor('webhook')}/event-rules/dry-run`, body: { event: { title: 'Disk full' } } }),
  'PUT /event-rules': async () => ({ url: '/event-rules', body: { rules: [] } }),

  'POST /incidents/{id}/acknowledge': async (f) => ({ url: `/incidents/${await f.incident()}/acknowledge` }),
  'POST /incidents/{id}/resolve': async (f) => ({ url: `/incidents/${await f.incident()}/resolve` }),
  'POST /incidents/{id}/escalate': async (f) => ({ url: `/incidents/${await f.incident()}/escalate` }),
  'POST /incidents/{id}/reassign': async (f) => ({ url: `/incidents/${await f.incident()}/reassign`, body: { userId: f.world.ids.teamManager } }),
  'POST /incidents/{id}/comments': async (f) => ({ url: `/incidents/${await f.incident()}/comments`, body: { text: 'Looking' } }),
  'POST /incidents/{id}/merge': async (f) => ({ url: `/incidents/${await f.incident()}/merge`, body: { incidentIds: [await f.secondIncident()] } }),
  'POST /incidents': async (f) => ({ url: '/incidents', body: { title: 'Paged by hand', target: { type: 'schedule', id: await f.schedule() } } }),
  'POST /incidents/bulk': async (f) => ({ url: '/incidents/bulk', body: { action: 'acknowledge', ids: [await f.incident()] } }),
  'POST /incidents/{id}/status-updates': async (f) => ({ url: `/incidents/${await f.incident()}/status-updates`, body: { text: 'Rolling back' } }),
  'POST /status-pages': async (f) => ({
    url: '/status-pages',
    body: { teamId: f.world.teamA, name: 'New status', slug: f.unique('new-status').replace(' ', '-'), timeZone: 'UTC', accentColor: '#0b5fff', access: 'public' },
  }),
  'PATCH /status-pages/{id}': async (f) => ({ url: `/status-pages/${await f.statusPage()}`, body: { name: f.unique('Renamed status') } }),
  'DELETE /status-pages/{id}': async (f) => ({ url: `/status-pages/${await f.statusPage()}` }),
  // The matrix sends JSON, not an image: an allowed role's upload is refused for its body.
  'PUT /status-pages/{id}/logo': async (f) => ({ url: `/status-pages/${await f.statusPage()}/logo`, body: {}, alsoOk: [400] }),
  'DELETE /status-pages/{id}/logo': async (f) => ({ url: `/status-pages/${await f.statusPage()}/logo` }),
  'PUT /status-pages/{id}/layout': async (f) => ({
    url: `/status-pages/${await f.statusPage()}/layout`,
    body: { sections: [{ name: 'Core', components: [{ name: 'Website', monitorIds: [], manualState: 'operational' }] }] },
  }),
  'POST /status-pages/{id}/maintenances': async (f) => ({ url: `/status-pages/${await f.statusPage()}/maintenances`, body: { title: 'Upgrade', body: 'Brief', ...(await f.maintenanceSpan()), componentIds: [] } }),
  'PATCH /status-pages/{id}/maintenances/{mid}': async (f) => ({ url: `/status-pages/${await f.statusPage()}/maintenances/${await f.maintenance()}`, body: { title: 'Longer upgrade' } }),
  'DELETE /status-pages/{id}/maintenances/{mid}': async (f) => ({ url: `/status-pages/${await f.statusPage()}/maintenances/${await f.maintenance()}` }),
  'POST /status-pages/{id}/incidents': async (f) => ({ url: `/status-pages/${await f.statusPage()}/incidents`, body: { title: 'Slow logins', status: 'investigating', body: 'Looking', componentIds: [] } }),
  'PATCH /status-pages/{id}/incidents/{sid}': async (f) => ({ url: `/status-pages/${await f.statusPage()}/incidents/${await f.statusIncident()}`, body: { title: 'Slower logins' } }),
  'DELETE /status-pages/{id}/subscribers/{subscriberId}': async (f) => ({ url: `/status-pages/${await f.statusPage()}/subscribers/${await f.statusSubscriber()}` }),
  'POST /status-pages/{id}/incidents/{sid}/entries': async (f) => ({
    url: `/status-pages/${await f.statusPage()}/incidents/${await f.statusIncident()}/entries`,
    body: { status: 'identified', body: 'A bad deploy' },
  }),
  'POST /incidents/{id}/urgency': async (f) => ({ url: `/incidents/${await f.incident()}/urgency`, body: { urgency: 'low' } }),
  'POST /incidents/{id}/snooze': async (f) => ({ url: `/incidents/${await f.incident()}/snooze`, body: { minutes: 60 } }),
  'POST /incidents/{id}/responders': async (f) => ({ url: `/incidents/${await f.incident()}/responders`, body: { userIds: [f.world.ids.teamManager] } }),
};

function missingRuleMessage(key: string): string {
  return (
    `No access rule for "${key}". Add one to accessRules in src/http/access-rules.ts, e.g.\n` +
    `  '${key}': { allow: ['owner', 'admin'], rule: 'admins' },\n` +
    `(allow: 'public' | 'anyone' | the roles that may, from ${matrixRoles.join(', ')}), then describe it in docs/SECURITY.md if it is a new kind of rule.`
  );
}

function missingRequestMessage(key: string, rule: AccessRule): string {
  return (
    `"${key}" has the rule "${rule.rule}" but the matrix cannot call it: add to \`requests\` in ` +
    `test/integration/authorization-matrix.test.ts\n  '${key}': async (f) => ({ url: '…', body: { … } }),`
  );
}

describeEachDatabase('authorization matrix', (dialect) => {
  // Every answer, allowed or refused, is also held to the OpenAPI document.
  const t = useTestApp(dialect, { contract: new ApiContract() });

  it('every mutating operation has a declared rule, and every role gets what the rule says', { timeout: 240_000 }, async () => {
    const doc = (await t.admin.get('/api/v1/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => mutating.includes(m))
        .map((m) => `${m.toUpperCase()} ${path.replace(/^\/api\/v1/, '')}`),
    );
    expect(operations.length).toBeGreaterThan(50);
    const problems = operations.flatMap((key) => {
      const rule = accessRules[key];
      if (!rule) return [missingRuleMessage(key)];
      if (rule.allow !== 'public' && !requests[key]) return [missingRequestMessage(key, rule)];
      return [];
    });
    expect(problems, problems.join('\n\n')).toEqual([]);
    const stale = Object.keys(accessRules).filter((key) => !operations.includes(key));
    expect(stale, `Rules for operations that no longer exist: remove them from src/http/access-rules.ts`).toEqual([]);

    const world = await makeWorld(t);
    const failures: string[] = [];
    for (const key of operations) {
      const rule = accessRules[key] as AccessRule;
      const request = requests[key];
      if (rule.allow === 'public' || !request) continue;
      const method = key.split(' ')[0] as 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      // The roles' calls are independent (fresh resources each), so they run side by side.
      await Promise.all(
        matrixRoles.map(async (role) => {
          const call = await request(new Fixtures(t.admin, world, role));
          const caller = world.callers[role];
          const url = `/api/v1${call.url}`;
          const res =
            method === 'DELETE' ? await caller.delete(url) : method === 'POST' ? await caller.post(url, call.body) : method === 'PUT' ? await caller.put(url, call.body) : await caller.patch(url, call.body);
          const allowed = rule.allow === 'anyone' || rule.allow.includes(role);
          const refusal = rule.refusedWith ?? 403;
          const ok = allowed ? (res.status >= 200 && res.status < 300) || (call.alsoOk ?? []).includes(res.status) : res.status === refusal;
          if (!ok) failures.push(`${key} as ${role}: ${res.status} ${res.body?.code ?? ''} ${res.body?.detail ?? ''} (expected ${allowed ? 'to be allowed' : refusal})`);
        }),
      );
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });
});

async function makeWorld(t: ReturnType<typeof useTestApp>): Promise<World> {
  const team = async (name: string) => (await t.admin.post('/api/v1/teams', { name })).body.id as string;
  const teamA = await team('Matrix A');
  const teamB = await team('Matrix B');
  const accounts: Array<[Exclude<MatrixRole, 'owner'>, string, string | null, 'manager' | 'member' | null]> = [
    ['admin', 'admin', null, null],
    ['teamManager', 'responder', teamA, 'manager'],
    ['teamResponder', 'responder', teamA, 'member'],
    ['otherTeamResponder', 'responder', teamB, 'member'],
    ['viewer', 'viewer', teamA, 'member'],
  ];
  const session = (await t.admin.get('/api/v1/auth/session')).body;
  const ids = { owner: session.user.id } as Record<MatrixRole, string>;
  const callers = { owner: t.admin } as Record<MatrixRole, Caller>;
  for (const [key, role, teamId, teamRole] of accounts) {
    const email = `${key.toLowerCase()}@matrix.test`;
    const created = await t.admin.post('/api/v1/users', { email, name: key, role, password: PASSWORD });
    ids[key] = created.body.id;
    if (teamId && teamRole) await t.admin.put(`/api/v1/teams/${teamId}/members/${created.body.id}`, { role: teamRole });
    callers[key] = await t.login(email, PASSWORD);
  }
  return { teamA, teamB, ids, callers };
}
