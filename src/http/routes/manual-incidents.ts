import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { ManualPageTarget } from '../../core/escalation/manual-page.js';
import type { IncidentActionsSetting } from '../../core/incident-access.js';
import { pageManually, planManualPage, type PagePlan } from '../../service/manual-pages.js';
import type { DB, UserRow } from '../../store/schema.js';
import type { Api } from '../app-types.js';
import { actorOf } from '../auth.js';
import type { HttpDeps } from '../deps.js';
import { assertWithinLimit, FixedWindowCounter } from '../fixed-window-counter.js';
import { AppError } from '../../core/errors.js';
import { mayActForTeam } from '../../service/incident-access.js';
import { hasRole } from '../roles.js';
import { Id } from '../schemas/common.js';
import { ProblemRef } from '../schemas/problem.js';
import { IncidentView, toIncident, UrgencySchema } from '../schemas/incident.js';

const strict = { additionalProperties: false } as const;

const ManualPage = Type.Object(
  {
    teamId: Type.Optional(Type.String({ format: 'uuid', description: "The team the page is for; default the target's team (a user's only team: required when they are in several or none)" })),
    title: Type.String({ minLength: 1, maxLength: 500 }),
    message: Type.Optional(Type.String({ maxLength: 10_000, description: 'What the people paged should know; the incident description' })),
    urgency: Type.Optional(UrgencySchema),
    target: Type.Object(
      {
        type: Type.Enum(['user', 'team', 'schedule', 'policy'], { description: "user, team (every member), schedule (its on-call now) or policy (run from step 1)" }),
        id: Id,
      },
      strict,
    ),
  },
  strict,
);

/**
 * Where a page by this user goes, if they may send it: a responder of the team it is for
 * (or an admin; another team's people, schedules or policies only an admin). Shared by
 * the API and Slack's `/vigil page`, so both answer to the same rights.
 */
export async function planPageBy(db: Kysely<DB>, user: UserRow, target: ManualPageTarget, teamId: string | undefined, setting: IncidentActionsSetting): Promise<PagePlan> {
  const plan = await planManualPage(db, target, teamId, hasRole(user.role, 'admin'));
  if (!hasRole(user.role, 'responder')) throw new AppError('forbidden', 'Viewers follow incidents; paging someone takes a responder');
  if (!(await mayActForTeam(db, user, plan.teamId, setting))) {
    throw new AppError('forbidden', 'Only an admin or a member of the team can page for it', [
      teamId === undefined ? { path: '/body/target/id', message: 'belongs to a team you are not in' } : { path: '/body/teamId', message: 'is a team you are not in' },
    ]);
  }
  return plan;
}

/** Pages per person and minute: far above any real need, far below a runaway script. */
export const PAGES_PER_MINUTE = 20;

const limits = new WeakMap<HttpDeps, FixedWindowCounter>();

/** The manual-page limit of one server: pages through the API and Slack's `/vigil page` count together. */
export function manualPageLimit(deps: HttpDeps): FixedWindowCounter {
  let counter = limits.get(deps);
  if (!counter) limits.set(deps, (counter = new FixedWindowCounter(PAGES_PER_MINUTE, 60_000)));
  return counter;
}

export function manualIncidentRoutes(api: Api, deps: HttpDeps): void {
  const { database, clock, wakeEngine, config } = deps;
  const pages = manualPageLimit(deps);

  api.post(
    '/incidents',
    {
      schema: {
        tags: ['incidents'],
        summary: "Page someone now: opens an incident under the team's Manual pages monitor and pages a user, a team, a schedule's on-call or a policy; never deduplicated",
        description:
          'Urgency defaults to high. A user, team or schedule is paged by a one-step policy (fires at once, no repeat); a policy runs as it is. 400 invalid_page names an unknown target or a team that cannot be told; paging another team\'s people, schedules or policies takes an admin (403).',
        body: ManualPage,
        response: {
          201: IncidentView,
          400: {
            description: 'A parameter or field is not valid (code: validation_failed), or the target does not exist, or the team is unknown or cannot be told: the user is in several teams or none (code: invalid_page); `errors` names /body/target/id or /body/teamId',
            content: { 'application/problem+json': { schema: ProblemRef } },
          },
        },
      },
    },
    async (req, reply) => {
      const { user } = actorOf(req);
      const now = clock.now();
      assertWithinLimit(pages, user.id, now, `At most ${PAGES_PER_MINUTE} manual pages a minute; try again shortly`);
      const { teamId, title, message, urgency, target } = req.body;
      const plan = await planPageBy(database.db, user, target, teamId, config.incidentActions);
      pages.take(user.id, now);
      const incident = await pageManually(database, plan, { title, message: message ?? '', urgency: urgency ?? 'high', by: user.id }, now);
      wakeEngine();
      return reply.code(201).send(toIncident(incident));
    },
  );
}
