import { insertChangeEvent } from '../../store/change-events.js';
import { evaluateRules } from '../../core/event-rules/evaluate-rules.js';
import { alertKey, isRuledKind, labelKey, ruledAlert, sentAlert, type RuledAlert, type RuledKind, type SentAlert } from '../../core/event-rules/sent-alert.js';
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { Type, type Static, type TSchema } from 'typebox';
import { alertmanagerDetails } from '../../core/alert/alertmanager-details.js';
import type { AlertDetails } from '../../core/alert/details.js';
import { pagerDutyDetails } from '../../core/alert/pagerduty-details.js';
import { webhookDetails } from '../../core/alert/webhook-details.js';
import { AppError, RetryLaterError } from '../../core/errors.js';
import type { Transaction } from 'kysely';
import type { EventRuleSets } from '../../service/event-rule-sets.js';
import { alertGroupOf } from '../../service/alert-grouping.js';
import { settleIn, triggerAllIn, type Alert, type TriggerResult } from '../../service/incidents.js';
import { forgetRuleKey, rememberRuleKeys, ruleKeyOf } from '../../store/event-rules.js';
import type { IntegrationKeys, KeyedMonitor } from '../../service/integration-keys.js';
import { groupCommitOf, type AtomicWork, type MergedWork } from '../../store/group-commit.js';
import { absorbRepeats, type PlainRepeat } from '../../service/plain-repeats.js';
import { SeenKeys } from '../../service/seen-keys.js';
import { isUniqueViolation } from '../../store/database.js';
import { HEARTBEAT_DEDUP_KEY, heartbeatWindowMs, setHeartbeatDue, type MonitorRow } from '../../store/monitors.js';
import { addEventsOf, type IncidentRow } from '../../store/incidents.js';
import type { DB } from '../../store/schema.js';
import type { Api } from '../app-types.js';
import { FixedWindowCounter } from '../fixed-window-counter.js';
import type { HttpDeps } from '../deps.js';
import { rateLimitOf } from '../ingest-rate-limit.js';

type Action = 'trigger' | 'acknowledge' | 'resolve';

const KeyQuery = Type.Object({ key: Type.String({ minLength: 10, maxLength: 200 }) });

const GenericEvent = Type.Object({
  action: Type.Optional(Type.Enum(['trigger', 'acknowledge', 'resolve'], { default: 'trigger' })),
  dedupKey: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  description: Type.Optional(Type.String({ maxLength: 10_000 })),
  urgency: Type.Optional(Type.Unknown({ description: "high or low (or a severity, as severity): a dynamic monitor's incident takes it; anything else is ignored" })),
  severity: Type.Optional(Type.Unknown({ description: 'critical/error → high, warning/info → low, for a dynamic monitor; anything else is ignored' })),
  // Any shape is accepted: details never make an event fail (core/alert/webhook-details.ts).
  details: Type.Optional(Type.Unknown({ description: 'Kept with the alert as a key → value table (nested objects flattened); any other body field is kept too' })),
  links: Type.Optional(Type.Unknown({ description: '[{href, text}]: http(s) links shown on the incident' })),
  images: Type.Optional(Type.Unknown({ description: '[{src, href, alt}]: shown as links, never loaded' })),
});

// Alertmanager's and Grafana's webhook bodies: a group of alerts, each firing or resolved.
// Only the fields Vigil reads are described; senders add many more, which are fine.
const AlertGroup = Type.Object({
  alerts: Type.Array(
    Type.Object({
      status: Type.Enum(['firing', 'resolved']),
      labels: Type.Record(Type.String(), Type.String()),
      annotations: Type.Optional(Type.Record(Type.String(), Type.String())),
      fingerprint: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
    }),
    { maxItems: 1000 },
  ),
});

/**
 * Pushed monitors: each sender authenticates with its monitor's integration key. The
 * generic webhook, Alertmanager and Grafana put the key in the query string (kept out of
 * logs); PagerDuty Events API v2 senders put it in routing_key, as they would for
 * PagerDuty, and get PagerDuty's answers (202 with dedup_key, 400 invalid event, 429).
 */
export function integrationRoutes(api: Api, { database, clock, wakeEngine, onIngest, logger }: HttpDeps, keys: IntegrationKeys, ruleSets: EventRuleSets): void {
  const tags = ['integrations'];
  // Every monitor counts against its own limit (rateLimitOf), passed on each take.
  const limiter = new FixedWindowCounter(0, 60_000);
  // Concurrent events share transactions; each is answered after the commit that holds it.
  const commits = groupCommitOf(database);
  /**
   * Counts one event (for Alertmanager and Grafana, one notification, however many alerts
   * it carries) against the monitor's limit: the seconds to wait when it is over, else null.
   * Counted after the key is known good, so random keys cannot fill memory.
   */
  const secondsToWait = (monitor: MonitorRow): number | null => {
    const limit = rateLimitOf(monitor);
    const now = clock.now();
    if (!limit || limiter.take(monitor.id, now, limit.eventsPerMinute)) return null;
    return Math.max(1, Math.ceil(limiter.msUntilReset(monitor.id, now) / 1000));
  };

  // Query-string keys are checked in onRequest, before the body is even read, so a
  // sender with an unknown key costs no parsing; the handler picks the monitor up here.
  const keyed = new WeakMap<FastifyRequest, KeyedMonitor>();
  const checkKey = (kind: string) => async (req: FastifyRequest) => {
    const key = (req.query as Record<string, unknown>)['key'];
    if (typeof key !== 'string') throw new AppError('validation_failed', 'Which monitor?', [{ path: '/querystring/key', message: 'must be one integration key' }]);
    const entry = await keys.lookup(key);
    if (!entry || entry.monitor.kind !== kind) throw new AppError('unauthenticated', 'Unknown integration key');
    const wait = secondsToWait(entry.monitor);
    if (wait !== null) throw new RetryLaterError('rate_limited', 'This monitor has received its events for this minute; retry after Retry-After seconds', wait);
    keyed.set(req, entry);
  };
  const entryOf = (req: FastifyRequest): KeyedMonitor => {
    const entry = keyed.get(req);
    if (!entry) throw new Error('integration key was not checked');
    return entry;
  };

  type Outcome = { incident: IncidentRow | null; created: boolean } | 'unknown key' | 'paused';
  /** Each event's monitor as the transaction confirms it: null when its key stopped naming it. */
  const confirmed = async (trx: Transaction<DB>, entry: KeyedMonitor): Promise<'unknown key' | 'paused' | null> => {
    const monitor = await keys.confirm(trx, entry);
    if (!monitor) return 'unknown key';
    return monitor.paused === 1 ? 'paused' : null;
  };
  /** A trigger to write, with the rules that shaped it and the key its sender knows it by, if a rule changed that. */
  interface Trigger {
    entry: KeyedMonitor;
    alert: Alert;
    matched: string[];
    sentKey: string | undefined;
    /** The event as sent, which the monitor's alert grouping reads. */
    event: unknown;
  }
  /** The keys this node has seen, and which of them absorbed a repeat: two guesses that save statements. */
  const seenKeys = new SeenKeys();
  /**
   * Trigger events side by side in a batch are written together (triggerAllIn): in a
   * storm a few statements open or fold in all of them. A new incident that rules shaped
   * says which on its timeline; keys rules gave are remembered for the senders' resolves.
   */
  const triggers: MergedWork<Trigger, Outcome> = async (trx, events) => {
    const now = clock.now();
    const outcomes: (Outcome | null)[] = [];
    for (const { entry } of events) outcomes.push(await confirmed(trx, entry));
    const live = events.filter((_, i) => outcomes[i] === null);
    // Grouped by the monitor as this transaction confirmed it: a grouping changed on another node counts at once.
    for (const e of live) e.alert.group = alertGroupOf((await keys.confirm(trx, e.entry)) as MonitorRow, e.event, e.alert);
    // Keys this node has not seen are opened without looking for an open incident first;
    // one found open after all fails the batch, which runs again write by write (SeenKeys).
    const guessed = new Set(live.filter(({ alert }) => alert.dedupKey !== null && alert.group === undefined && seenKeys.see(alert.monitorId, alert.dedupKey, now)).map((e) => e.alert));
    const results = await triggerAllIn(
      trx,
      live.map((e) => e.alert),
      now,
      (alert) => guessed.has(alert),
    ).catch((err: unknown) => {
      if (guessed.size > 0 && isUniqueViolation(err)) seenKeys.guessedWrong(now);
      throw err;
    });
    await addEventsOf(
      trx,
      live.flatMap(({ matched }, i) => {
        const result = results[i] as TriggerResult;
        return result.created && matched.length > 0 ? [{ incidentId: result.incident.id, at: now, kind: 'rules_matched', data: { rules: matched } }] : [];
      }),
    );
    await rememberRuleKeys(
      trx,
      live.flatMap(({ alert, sentKey }) => (sentKey === undefined ? [] : [{ monitorId: alert.monitorId, sentKey, dedupKey: alert.dedupKey as string }])),
      now,
    );
    return outcomes.map((outcome) => outcome ?? (results.shift() as TriggerResult));
  };

  const repeats: AtomicWork<PlainRepeat, IncidentRow | null> = (db, items) => absorbRepeats(db, items, clock.now());
  /** The repeat to try absorbRepeats with, if the alert is one: its monitor not paused or grouped, its key its sender's. */
  const plainRepeatOf = (entry: KeyedMonitor, alert: Alert, sentKey: string | undefined): PlainRepeat | null => {
    const { monitor, version } = keys.current(entry);
    const dedupKey = alert.dedupKey as string;
    if (sentKey !== undefined || monitor.paused === 1 || monitor.grouping !== null || !seenKeys.hasRepeated(monitor.id, dedupKey)) return null;
    return { monitorId: monitor.id, version, dedupKey, title: alert.title, details: alert.details };
  };

  /** The rules' verdict on a trigger. A fault in them never costs the alert: it is raised as sent. */
  const ruled = async (monitor: MonitorRow, sent: SentAlert, event: unknown): Promise<RuledAlert> => {
    try {
      return ruledAlert(sent, evaluateRules(await ruleSets.forMonitor(monitor.id), event));
    } catch (error) {
      logger.error({ err: error, monitorId: monitor.id }, 'event rules failed: the alert is raised as sent');
      return ruledAlert(sent, { actions: {}, matched: [] });
    }
  };

  /** Counts an accepted event and wakes the engine when it may have made something due. */
  const accepted = (entry: KeyedMonitor, action: Action, outcome: Outcome): string | null => {
    if (outcome === 'unknown key') throw new AppError('unauthenticated', 'Unknown integration key');
    if (outcome === 'paused') return null;
    onIngest(entry.monitor.kind, action);
    // An absorbed alert makes nothing due: in a storm of repeats the engine sleeps on.
    if (outcome.created || action !== 'trigger') wakeEngine();
    return outcome.incident?.id ?? null;
  };

  /**
   * Raises a trigger event for the monitor behind `entry` as its rules shape it (see
   * docs/MONITORS.md#event-rules): the key the incident knows it by and the incident's id,
   * null when the monitor is paused or a rule dropped the event; an unknown-key error when
   * the key stopped naming the monitor since it was checked.
   */
  async function trigger(
    entry: KeyedMonitor,
    kind: RuledKind,
    event: unknown,
    description: string,
    details: AlertDetails,
    newKey: () => string,
  ): Promise<{ dedupKey: string; incidentId: string | null }> {
    const sent = sentAlert(kind, event);
    const rules = await ruled(entry.monitor, sent, event);
    const sentKey = sent.dedupKey;
    const dedupKey = rules.dedupKey || newKey();
    if (rules.dropped) {
      onIngest(entry.monitor.kind, 'dropped');
      return { dedupKey, incidentId: null };
    }
    const alert: Alert = {
      monitorId: entry.monitor.id,
      title: rules.title,
      description,
      dedupKey,
      details,
      urgency: sent.urgency,
      ruleUrgency: rules.urgency,
      policyId: rules.policyId,
      suppression: rules.suppressedBy === undefined ? undefined : { by: 'rule', rule: rules.suppressedBy },
    };
    const renamedFrom = sentKey !== undefined && sentKey !== dedupKey ? sentKey : undefined;
    const repeat = plainRepeatOf(entry, alert, renamedFrom);
    const absorbed = repeat && (await commits.runAtomic(repeats, repeat));
    if (absorbed) return { dedupKey, incidentId: accepted(entry, 'trigger', { incident: absorbed, created: false }) };
    const outcome = await commits.runMerged(triggers, { entry, alert, event, matched: rules.matched, sentKey: renamedFrom });
    // Remembered at its first repeat, not when opened: a storm of new alerts writes nothing
    // here, and that repeat (the count's 2) is one the timeline notes, so the full path's anyway.
    if (typeof outcome === 'object' && !outcome.created && outcome.incident?.dedup_key === dedupKey && outcome.incident.status !== 'resolved') seenKeys.repeated(alert.monitorId, dedupKey);
    return { dedupKey, incidentId: accepted(entry, 'trigger', outcome) };
  }

  /**
   * Acknowledges or resolves the open incident of the alert its sender knows by `sentKey`:
   * by the key a rule gave it at its trigger, if one did, so a rule's dedup key never
   * strands an alert. Unknown keys are ignored, as above.
   */
  async function settle(entry: KeyedMonitor, action: 'acknowledge' | 'resolve', sentKey: string): Promise<string | null> {
    const monitorId = entry.monitor.id;
    const outcome = await commits.run(async (trx): Promise<Outcome> => {
      const refused = await confirmed(trx, entry);
      if (refused) return refused;
      const ruleKey = isRuledKind(entry.monitor.kind) ? await ruleKeyOf(trx, monitorId, sentKey) : undefined;
      const settleBy = (key: string) => settleIn(trx, database.dialect, monitorId, key, action, clock.now());
      // Nothing open under the rule's key (a later trigger kept the sender's own): the sender's key, then.
      const incident = (ruleKey === undefined ? null : await settleBy(ruleKey)) ?? (await settleBy(sentKey));
      if (ruleKey !== undefined && action === 'resolve') await forgetRuleKey(trx, monitorId, sentKey);
      return { incident, created: false };
    });
    if (action === 'resolve') seenKeys.forget(monitorId, sentKey);
    return accepted(entry, action, outcome);
  }

  api.post(
    '/integrations/webhook',
    {
      config: { public: true, cleansText: true, unaudited: true },
      onRequest: checkKey('webhook'),
      schema: {
        tags,
        summary: 'Generic JSON: {action: trigger|acknowledge|resolve, dedupKey, title, description}',
        querystring: KeyQuery,
        body: GenericEvent,
        response: { 202: Type.Object({ status: Type.Literal('accepted'), dedupKey: Type.String(), incidentId: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    async (req, reply) => {
      const entry = entryOf(req);
      const action = (req.body.action ?? 'trigger') as Action;
      if (action === 'trigger' && !req.body.title) throw new AppError('validation_failed', 'A trigger needs a title', [{ path: '/body/title', message: 'is required to trigger' }]);
      if (action !== 'trigger') {
        if (!req.body.dedupKey) throw new AppError('validation_failed', 'Which alert?', [{ path: '/body/dedupKey', message: `is required to ${action}` }]);
        const incidentId = await settle(entry, action, req.body.dedupKey);
        return reply.code(202).send({ status: 'accepted' as const, dedupKey: req.body.dedupKey, incidentId });
      }
      const body = req.body as Record<string, unknown>;
      const triggered = await trigger(entry, 'webhook', body, req.body.description ?? '', webhookDetails(body), () => randomUUID());
      return reply.code(202).send({ status: 'accepted' as const, ...triggered });
    },
  );

  // Cron jobs and backups call this when they finish; GET too, for curl one-liners.
  for (const method of ['GET', 'POST'] as const) {
    api.route({
      method,
      url: '/integrations/heartbeat',
      config: { public: true, cleansText: true, unaudited: true },
      onRequest: checkKey('heartbeat'),
      schema: {
        tags,
        summary: 'A heartbeat: resets the timer and resolves an open "no heartbeat" incident',
        querystring: KeyQuery,
        response: { 200: Type.Object({ status: Type.Literal('ok'), nextDueAt: Type.String() }) },
      },
      handler: async (req) => {
        const entry = entryOf(req);
        const now = clock.now();
        const nextDueAt = now + heartbeatWindowMs(entry.monitor);
        await setHeartbeatDue(database.db, entry.monitor.id, nextDueAt);
        await settle(entry, 'resolve', HEARTBEAT_DEDUP_KEY);
        return { status: 'ok' as const, nextDueAt: new Date(nextDueAt).toISOString() };
      },
    });
  }

  for (const kind of ['alertmanager', 'grafana'] as const) {
    api.post(
      `/integrations/${kind}`,
      {
        config: { public: true, cleansText: true, unaudited: true },
        onRequest: checkKey(kind),
        schema: {
          tags,
          summary: `${kind === 'grafana' ? 'Grafana alerting' : 'Prometheus Alertmanager'} webhook: firing alerts trigger, resolved ones resolve, per fingerprint`,
          querystring: KeyQuery,
          body: AlertGroup,
          response: { 202: Type.Object({ status: Type.Literal('accepted'), alerts: Type.Integer() }) },
        },
      },
      async (req, reply) => {
        const entry = entryOf(req);
        // The fields Vigil does not validate (Grafana's values and URLs, externalURL) are read as they came.
        const notification = req.body as unknown as Record<string, unknown>;
        // Rules see each alert with the rest of the notification (commonLabels, groupLabels, externalURL…) as `notification`.
        const { alerts: _, ...shared } = notification;
        // Queued together, in order, so a notification's alerts share a few transactions.
        await Promise.all(
          (req.body as Static<typeof AlertGroup>).alerts.map((alert) => {
            if (alert.status !== 'firing') return settle(entry, 'resolve', alertKey(alert.fingerprint, alert.labels));
            const description = alert.annotations?.['description'] ?? labelKey(alert.labels);
            const event = { ...alert, notification: shared };
            return trigger(entry, kind, event, description, alertmanagerDetails(alert as Record<string, unknown>, notification), () => alertKey(alert.fingerprint, alert.labels));
          }),
        );
        return reply.code(202).send({ status: 'accepted' as const, alerts: req.body.alerts.length });
      },
    );
  }

  api.post(
    '/integrations/pagerduty/v2/enqueue',
    // The key is inside the body here, so the body is parsed first, within the size and
    // depth limits every JSON body gets (json-body.ts).
    {
      config: { public: true, cleansText: true, unaudited: true },
      attachValidation: true,
      schema: {
        tags,
        summary: 'PagerDuty Events API v2 compatible',
        body: PdEvent,
        response: pagerDutyResponses(Type.Object({ status: Type.Literal('success'), message: Type.String(), dedup_key: Type.String() }), ' (120 unless set)'),
      },
    },
    async (req, reply) => {
      const invalid = (errors: string[]) => reply.code(400).send({ status: 'invalid event', message: 'Event object is invalid', errors });
      if (req.validationError) return invalid([req.validationError.message]);
      const event = req.body as Static<typeof PdEvent>;
      const entry = await keys.lookup(event.routing_key);
      if (!entry || entry.monitor.kind !== 'pagerduty') return invalid(['Invalid routing key']);
      const wait = secondsToWait(entry.monitor);
      if (wait !== null) {
        reply.header('retry-after', String(wait));
        return reply.code(429).send({ status: 'throttle event', message: 'Requests for this service are arriving too quickly.  Please retry later.' });
      }
      if (event.event_action === 'trigger' && !event.payload) return invalid(['\'payload\' is missing or blank']);
      if (event.event_action !== 'trigger' && !event.dedup_key) return invalid(['\'dedup_key\' is missing or blank']);
      try {
        if (event.event_action !== 'trigger') {
          await settle(entry, event.event_action, event.dedup_key as string);
          return reply.code(202).send({ status: 'success', message: 'Event processed', dedup_key: event.dedup_key as string });
        }
        const description = event.payload ? `${event.payload.source} (${event.payload.severity})` : '';
        const details = pagerDutyDetails(event as Record<string, unknown>);
        // Rules never see the routing key: a template could otherwise show the secret in a title.
        const { routing_key: _, ...sent } = event;
        const { dedupKey } = await trigger(entry, 'pagerduty', sent, description, details, () => randomUUID().replaceAll('-', ''));
        return reply.code(202).send({ status: 'success', message: 'Event processed', dedup_key: dedupKey });
      } catch (err) {
        if (err instanceof AppError && err.code === 'unauthenticated') return invalid(['Invalid routing key']);
        throw err;
      }
    },
  );

  api.post(
    '/integrations/pagerduty/v2/change/enqueue',
    {
      config: { public: true, cleansText: true, unaudited: true },
      attachValidation: true,
      schema: {
        tags,
        summary: "PagerDuty change events (deploys, configuration changes): kept for the monitor and shown on its incidents' timelines; they open no incident",
        body: PdChange,
        response: pagerDutyResponses(Type.Object({ status: Type.Literal('success'), message: Type.String() }), ''),
      },
    },
    async (req, reply) => {
      const invalid = (errors: string[]) => reply.code(400).send({ status: 'invalid event', message: 'Event object is invalid', errors });
      if (req.validationError) return invalid([req.validationError.message]);
      const event = req.body as Static<typeof PdChange>;
      const entry = await keys.lookup(event.routing_key);
      if (!entry || entry.monitor.kind !== 'pagerduty') return invalid(['Invalid routing key']);
      const wait = secondsToWait(entry.monitor);
      if (wait !== null) {
        reply.header('retry-after', String(wait));
        return reply.code(429).send({ status: 'throttle event', message: 'Requests for this service are arriving too quickly.  Please retry later.' });
      }
      const now = clock.now();
      const outcome = await commits.run(async (trx) => {
        const refused = await confirmed(trx, entry);
        if (refused) return refused;
        const details = pagerDutyDetails(event as Record<string, unknown>);
        await insertChangeEvent(trx, entry.monitor.id, { at: changeTime(event.payload.timestamp, now), summary: event.payload.summary, details }, now);
        return null;
      });
      if (outcome === 'unknown key') return invalid(['Invalid routing key']);
      return reply.code(202).send({ status: 'success', message: 'Change event processed' });
    },
  );
}

/** A change's own timestamp, unless missing, unreadable or ahead of the clock (then: now). */
function changeTime(timestamp: unknown, now: number): number {
  const at = typeof timestamp === 'string' ? Date.parse(timestamp) : NaN;
  return Number.isFinite(at) && at <= now ? at : now;
}

/** PagerDuty's own answers: accepted, an invalid event or routing key, and throttling. */
const pagerDutyResponses = (accepted: TSchema, limitNote: string) => ({
  202: accepted,
  400: { description: "PagerDuty's answer to an invalid event or routing key", content: { 'application/json': { schema: PdRefusal(Type.Literal('invalid event'), true) } } },
  429: {
    description: `PagerDuty's answer while a monitor gets more events a minute than its rateLimit${limitNote}`,
    headers: { 'Retry-After': { type: 'integer', description: 'Seconds until the window resets' } },
    content: { 'application/json': { schema: PdRefusal(Type.Literal('throttle event'), false) } },
  },
});

const PdRefusal = (status: TSchema, withErrors: boolean) =>
  Type.Object({ status, message: Type.String(), ...(withErrors && { errors: Type.Array(Type.String()) }) });

const PdChange = Type.Object({
  routing_key: Type.String({ minLength: 1, maxLength: 200 }),
  payload: Type.Object({
    summary: Type.String({ minLength: 1, maxLength: 1024 }),
    timestamp: Type.Optional(Type.String({ description: 'When the change happened (ISO 8601); missing, unreadable or in the future: when it arrived' })),
    source: Type.Optional(Type.String()),
    custom_details: Type.Optional(Type.Unknown({ description: 'Kept with the change as a key → value table' })),
  }),
  links: Type.Optional(Type.Unknown({ description: '[{href, text}]: http(s) links shown with the change' })),
  images: Type.Optional(Type.Unknown()),
});

const PdEvent = Type.Object({
  routing_key: Type.String({ minLength: 1, maxLength: 200 }),
  event_action: Type.Enum(['trigger', 'acknowledge', 'resolve']),
  dedup_key: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  payload: Type.Optional(
    Type.Object({
      summary: Type.String({ minLength: 1, maxLength: 1024 }),
      source: Type.String({ minLength: 1 }),
      severity: Type.Enum(['critical', 'error', 'warning', 'info']),
      custom_details: Type.Optional(Type.Unknown({ description: 'Kept with the alert as a key → value table; with component, group, class and timestamp' })),
    }),
  ),
  links: Type.Optional(Type.Unknown({ description: '[{href, text}]: http(s) links shown on the incident' })),
  images: Type.Optional(Type.Unknown({ description: '[{src, href, alt}]: shown as links, never loaded' })),
});
