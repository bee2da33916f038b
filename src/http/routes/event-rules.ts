import type { FastifyRequest } from 'fastify';
import type { CompiledRule } from '../../core/event-rules/compile-rules.js';
import { evaluateRules } from '../../core/event-rules/evaluate-rules.js';
import { readRules, type RuleInput } from '../../core/event-rules/read-rules.js';
import { isRuledKind, ruledAlert, ruledKinds, sentAlert } from '../../core/event-rules/sent-alert.js';
import type { NamedRule } from '../../core/event-rules/types.js';
import { incidentUrgency } from '../../core/escalation/urgency.js';
import { AppError, type FieldError } from '../../core/errors.js';
import { compileNamed, type EventRuleSets } from '../../service/event-rule-sets.js';
import { listEventRules, replaceEventRules } from '../../store/event-rules.js';
import { getMonitor, type MonitorRow } from '../../store/monitors.js';
import { findPolicy, getPolicy } from '../../store/policies.js';
import type { Api } from '../app-types.js';
import { requireRole } from '../auth.js';
import type { HttpDeps } from '../deps.js';
import { requireTeamMember } from '../permissions.js';
import { IdParams } from '../schemas/common.js';
import { DryRunBody, DryRunView, RulesBody, RulesView } from '../schemas/event-rules.js';
import { ProblemRef } from '../schemas/problem.js';

const invalid = {
  400: {
    description:
      'A parameter or field is not valid (code: validation_failed), or a rule cannot be used (code: invalid_rules): a condition without its value or pattern, a name used twice, a pattern that does not compile or may backtrack exponentially, a policy that does not exist or belongs to another team; `errors` names each by its path',
    content: { 'application/problem+json': { schema: ProblemRef } },
  },
};

/**
 * Event rules: the organisation's global list and each monitor's, each an ordered list
 * replaced whole. Any signed-in user reads them (they hold no secrets); a monitor's are
 * edited by whoever may edit the monitor, the global list by admins. A dry-run shows what
 * an event would become, writing nothing.
 */
export function eventRuleRoutes(api: Api, { database, clock }: HttpDeps, ruleSets: EventRuleSets): void {
  const { db } = database;
  const tags = ['monitors'];

  /** The rules as saved, or the problems as 400 with paths under `base` (e.g. /body/rules). */
  async function checked(input: RuleInput[], base: string, teamId: string | null): Promise<NamedRule[]> {
    const { rules, problems } = readRules(input);
    const errors: FieldError[] = problems.map((p) => ({ path: `${base}${p.path}`, message: p.message }));
    for (const [i, rule] of rules.entries()) {
      const policyId = rule.then.policyId;
      if (policyId === undefined) continue;
      const policy = await findPolicy(db, policyId);
      const path = `${base}/${i}/then/policyId`;
      if (!policy) errors.push({ path, message: 'is not an existing escalation policy' });
      // A team's rules route within the team; the global list (admins) anywhere.
      else if (teamId !== null && policy.team_id !== teamId) errors.push({ path, message: "belongs to another team: a monitor's rules route to its own team's policies" });
    }
    if (errors.length > 0) throw new AppError('invalid_rules', 'These event rules cannot be used as they are', errors);
    return rules;
  }

  const ruledMonitor = async (req: FastifyRequest & { params: { id: string } }): Promise<MonitorRow & { kind: (typeof ruledKinds)[number] }> => {
    const monitor = await getMonitor(db, req.params.id);
    if (!isRuledKind(monitor.kind)) {
      throw new AppError('invalid_rules', 'Only monitors that receive events have event rules', [
        { path: '/params/id', message: `is a ${monitor.kind} monitor: rules run on events of ${ruledKinds.join(', ')} monitors` },
      ]);
    }
    return monitor as MonitorRow & { kind: (typeof ruledKinds)[number] };
  };

  api.get(
    '/monitors/:id/event-rules',
    { schema: { tags, summary: "A monitor's event rules, in the order they run (after the global ones)", params: IdParams, response: { 200: RulesView } } },
    async (req) => {
      const monitor = await getMonitor(db, req.params.id);
      return { monitorId: monitor.id, rules: await listEventRules(db, monitor.id) };
    },
  );

  api.put(
    '/monitors/:id/event-rules',
    {
      schema: {
        tags,
        summary: "Replace a monitor's event rules with this ordered list",
        description: 'Who may edit the monitor may edit its rules. Every node uses the new rules within a second (docs/MONITORS.md#event-rules).',
        params: IdParams,
        body: RulesBody,
        response: { 200: RulesView, ...invalid },
      },
    },
    async (req) => {
      const monitor = await ruledMonitor(req);
      await requireTeamMember(db, req, monitor.team_id);
      const rules = await checked(req.body.rules, '/body/rules', monitor.team_id);
      await replaceEventRules(db, monitor.id, rules, clock.now());
      ruleSets.forgetAll();
      return { monitorId: monitor.id, rules: await listEventRules(db, monitor.id) };
    },
  );

  api.get('/event-rules', { schema: { tags, summary: "The organisation's global event rules: they run first, on every monitor's events", response: { 200: RulesView } } }, async () => ({
    monitorId: null,
    rules: await listEventRules(db, null),
  }));

  api.put(
    '/event-rules',
    {
      schema: {
        tags,
        summary: 'Replace the global event rules with this ordered list (admins)',
        description: "They run before each monitor's own, and may route to any team's policy.",
        body: RulesBody,
        response: { 200: RulesView, ...invalid },
      },
    },
    async (req) => {
      requireRole(req, 'admin');
      const rules = await checked(req.body.rules, '/body/rules', null);
      await replaceEventRules(db, null, rules, clock.now());
      ruleSets.forgetAll();
      return { monitorId: null, rules: await listEventRules(db, null) };
    },
  );

  api.post(
    '/monitors/:id/event-rules/dry-run',
    {
      schema: {
        tags,
        summary: 'What an event would become: the rules that match, in order, and the resulting title, dedup key, urgency, policy, suppression or drop; writes nothing',
        params: IdParams,
        body: DryRunBody,
        response: { 200: DryRunView, ...invalid },
      },
    },
    async (req) => {
      const monitor = await ruledMonitor(req);
      const { event, rules, globalRules } = req.body;
      const compiledOf = async (input: RuleInput[] | undefined, base: string, teamId: string | null, saved: () => Promise<NamedRule[]>): Promise<CompiledRule[]> =>
        compileNamed(input ? await checked(input, base, teamId) : await saved());
      const list = [
        ...(await compiledOf(globalRules, '/body/globalRules', null, () => listEventRules(db, null))),
        ...(await compiledOf(rules, '/body/rules', monitor.team_id, () => listEventRules(db, monitor.id))),
      ];
      const outcome = evaluateRules(list, event);
      const sent = sentAlert(monitor.kind, event);
      const alert = ruledAlert(sent, outcome);
      // A routed policy deleted since the rule was saved falls back to the monitor's, as ingest does.
      const routed = alert.policyId === undefined ? undefined : await findPolicy(db, alert.policyId);
      const policy = routed ?? (monitor.policy_id === null ? undefined : await getPolicy(db, monitor.policy_id));
      return {
        matched: outcome.matched,
        actions: outcome.actions,
        result: {
          title: alert.title,
          dedupKey: alert.dedupKey || null,
          urgency: alert.urgency ?? incidentUrgency(monitor.urgency, sent.urgency),
          policy: policy ? { id: policy.id, name: policy.name } : null,
          suppressed: alert.suppressedBy !== undefined,
          suppressedBy: alert.suppressedBy ?? null,
          dropped: alert.dropped,
        },
      };
    },
  );
}
