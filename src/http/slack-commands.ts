import type { Config } from '../app/config.js';
import type { SlackDirectory } from '../channels/slack-directory.js';
import { AppError } from '../core/errors.js';
import { escapeSlack } from '../core/escape-markup.js';
import { matchPageTarget, mentionedSlackUser, parseSlackCommand, type NamedTarget, type PageTargetType } from '../core/slack/command.js';
import type { Clock } from '../kernel/clock.js';
import { mayActOnIncident } from '../service/incident-access.js';
import { actOnIncident, type IncidentAction } from '../service/incidents.js';
import { pageManually } from '../service/manual-pages.js';
import { toHistory } from '../service/schedule-edits.js';
import { slackActor, type SlackActor } from '../service/slack-identity.js';
import type { Database } from '../store/database.js';
import { loadSchedule } from '../store/schedules.js';
import type { UserRow } from '../store/schema.js';
import { teamIdsOf } from '../store/teams.js';
import type { FixedWindowCounter } from './fixed-window-counter.js';
import { PAGES_PER_MINUTE, planPageBy } from './routes/manual-incidents.js';
import { directoryFor, presentOnCall, userIdsOf } from './schedule-presenter.js';

/** What the Slack endpoints act with. */
export interface SlackContext {
  database: Database;
  clock: Clock;
  config: Config;
  wakeEngine: () => void;
  directory: SlackDirectory;
  /** Manual pages per person and minute, counted with the API's. */
  pages: FixedWindowCounter;
}

export type ButtonAction = 'acknowledge' | 'resolve' | 'escalate' | 'snooze';

/** The buttons of a Slack incident message (shared contract with the message builder): action_id → action. */
export const buttonActions: Readonly<Record<string, ButtonAction>> = {
  vigil_acknowledge: 'acknowledge',
  vigil_resolve: 'resolve',
  vigil_escalate: 'escalate',
  vigil_snooze: 'snooze',
};

/** How long Snooze from Slack snoozes: one press, no question asked. */
export const SNOOZE_MINUTES = 30;

const done: Record<ButtonAction, string> = { acknowledge: 'acknowledged', resolve: 'resolved', escalate: 'escalated', snooze: `snoozed for ${SNOOZE_MINUTES} minutes` };

export const HELP = [
  '*Vigil* commands:',
  '• `/vigil oncall [schedule]`: who is on call now, on your teams’ schedules or the one named',
  '• `/vigil page <user|team|schedule> <message>`: page now (opens an incident); put `user`, `team` or `schedule` first when a name is shared',
  '• `/vigil ack <incident>` and `/vigil resolve <incident>`: the incident’s id or its link in Vigil',
].join('\n');

export function slackActorOf(ctx: SlackContext, slackUserId: string): Promise<SlackActor> {
  return slackActor(ctx.database.db, (id) => ctx.directory.person(id), slackUserId);
}

/**
 * Acts on an incident as the Vigil user a Slack member maps to, with that user's rights
 * now; what to tell them, and whether anything changed.
 */
export async function actAs(ctx: SlackContext, user: UserRow, incidentId: string, action: ButtonAction): Promise<{ done: boolean; text: string }> {
  const { database, clock, config } = ctx;
  const allowed = await mayActOnIncident(database.db, user, incidentId, config.incidentActions).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found') return null;
    throw err;
  });
  if (allowed === null) return { done: false, text: 'Vigil has no such incident (it may have been deleted with its monitor).' };
  if (!allowed) return { done: false, text: `${escapeSlack(user.name)}, you cannot act on this incident: only admins and responders of its monitor’s team can.` };
  const now = clock.now();
  const step: IncidentAction =
    action === 'snooze' ? { type: 'snooze', by: user.id, until: now + SNOOZE_MINUTES * 60_000 } : action === 'escalate' ? { type: 'escalate', by: user.id } : { type: action, by: user.id };
  try {
    const incident = await actOnIncident(database, incidentId, step, now);
    ctx.wakeEngine();
    return { done: true, text: `“${escapeSlack(incident.title)}” ${done[action]} by ${escapeSlack(user.name)}.` };
  } catch (err) {
    if (err instanceof AppError && err.code === 'incident_resolved') return { done: false, text: 'That incident is already resolved: nothing left to do.' };
    throw err;
  }
}

/** The ephemeral answer to `/vigil <text>` from a Slack member. */
export async function runSlackCommand(ctx: SlackContext, slackUserId: string, text: string): Promise<string> {
  const command = parseSlackCommand(text);
  if (command.kind === 'help') return HELP;
  if (command.kind === 'unknown') return `Vigil does not know \`${escapeSlack(command.word)}\`.\n${HELP}`;
  const actor = await slackActorOf(ctx, slackUserId);
  if (!actor.ok) return actor.why;
  switch (command.kind) {
    case 'oncall':
      return onCallText(ctx, actor.user, command.schedule);
    case 'page':
      return page(ctx, actor.user, command.rest);
    case 'acknowledge':
    case 'resolve':
      if (!command.incidentId) return `Say which incident: \`/vigil ${command.kind === 'acknowledge' ? 'ack' : 'resolve'} <incident id or link>\`.`;
      return (await actAs(ctx, actor.user, command.incidentId, command.kind)).text;
  }
}

/** Slack shows a date in each reader's own time zone; the fallback is for clients that cannot. */
const slackDate = (iso: string) => `<!date^${Math.floor(Date.parse(iso) / 1000)}^{date_short_pretty} {time}|${iso}>`;

async function onCallText(ctx: SlackContext, user: UserRow, named: string | null): Promise<string> {
  const { db } = ctx.database;
  const teams = await teamIdsOf(db, user.id);
  const all = await db.selectFrom('schedules as s').innerJoin('teams as t', 't.id', 's.team_id').select(['s.id', 's.name', 's.team_id', 't.name as teamName']).orderBy('s.name').execute();
  const wanted = named === null ? all.filter((s) => teams.has(s.team_id)) : all.filter((s) => s.name.toLowerCase() === named.replace(/\s+/g, ' ').toLowerCase());
  if (wanted.length === 0) {
    return named === null ? 'Your teams have no schedules. Name one: `/vigil oncall <schedule>`.' : `Vigil has no schedule called “${escapeSlack(named)}”.`;
  }
  const now = ctx.clock.now();
  const lines = [];
  for (const s of wanted) {
    const stored = await loadSchedule(db, s.id, { from: now });
    const view = presentOnCall(stored, toHistory(stored), now, await directoryFor(db, userIdsOf(stored)));
    const who = view.primary ? `*${escapeSlack(view.primary.user.name)}*` : 'nobody';
    lines.push(`• ${escapeSlack(s.name)} (${escapeSlack(s.teamName)}): ${who}${view.until ? ` until ${slackDate(view.until)}` : ''}`);
  }
  return `On call now:\n${lines.join('\n')}`;
}

async function page(ctx: SlackContext, user: UserRow, rest: string): Promise<string> {
  const { database, clock, config } = ctx;
  const target = await pageTarget(ctx, rest);
  if (typeof target === 'string') return target;
  const now = clock.now();
  if (ctx.pages.exhausted(user.id, now)) return `At most ${PAGES_PER_MINUTE} manual pages a minute: try again shortly.`;
  // A person in several teams is paged for a team the sender shares with them, if any.
  const teamId = target.type === 'user' ? await sharedTeam(ctx, user.id, target.id) : undefined;
  try {
    const plan = await planPageBy(database.db, user, { type: target.type, id: target.id }, teamId, config.incidentActions);
    ctx.pages.take(user.id, now);
    const incident = await pageManually(database, plan, { title: target.message.slice(0, 500), message: target.message, urgency: 'high', by: user.id }, now);
    ctx.wakeEngine();
    return `Paged ${target.type} *${escapeSlack(target.label)}*: “${escapeSlack(incident.title)}”. <${config.baseUrl}/incidents/${incident.id}|Open in Vigil>`;
  } catch (err) {
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    const why = err.errors.map((e) => e.message).join('; ');
    return `Vigil did not page: ${escapeSlack(err.message)}${why ? ` (${escapeSlack(why)})` : ''}.`;
  }
}

type ChosenTarget = { type: PageTargetType; id: string; label: string; message: string };

/** Who `/vigil page` names, or what to tell the sender instead. */
async function pageTarget(ctx: SlackContext, rest: string): Promise<ChosenTarget | string> {
  const { db } = ctx.database;
  const usage = 'Say who to page and why: `/vigil page <user|team|schedule> <message>`.';
  const [first = '', ...others] = rest.split(/\s+/);
  const mentioned = mentionedSlackUser(first);
  if (mentioned) {
    const other = await slackActorOf(ctx, mentioned);
    if (!other.ok) return `Vigil does not know who <@${mentioned}> is, so it cannot page them.`;
    const message = others.join(' ').trim();
    return message === '' ? usage : { type: 'user', id: other.user.id, label: other.user.name, message };
  }
  const [users, teams, schedules] = await Promise.all([
    db.selectFrom('users').select(['id', 'name', 'email']).execute(),
    db.selectFrom('teams').select(['id', 'name']).execute(),
    db.selectFrom('schedules').select(['id', 'name']).execute(),
  ]);
  const candidates: NamedTarget[] = [
    ...users.map((u) => ({ type: 'user' as const, id: u.id, label: u.name, names: [u.name, u.email] })),
    ...teams.map((t) => ({ type: 'team' as const, id: t.id, label: t.name, names: [t.name] })),
    ...schedules.map((s) => ({ type: 'schedule' as const, id: s.id, label: s.name, names: [s.name] })),
  ];
  const match = matchPageTarget(rest, candidates);
  if (match.ok) return { type: match.target.type, id: match.target.id, label: match.target.label, message: match.message };
  if (match.reason === 'ambiguous') {
    const kinds = [...new Set(match.candidates.map((c) => c.type))];
    return kinds.length > 1
      ? `Several things are called that (${kinds.join(', ')}): put \`user\`, \`team\` or \`schedule\` before the name.`
      : `Several ${kinds[0]}s are called that: use a ${kinds[0] === 'user' ? 'person’s email or mention them' : 'more precise name'}.`;
  }
  return match.reason === 'no_message' ? usage : `Vigil knows no user, team or schedule by that name. ${usage}`;
}

async function sharedTeam(ctx: SlackContext, senderId: string, targetId: string): Promise<string | undefined> {
  const [mine, theirs] = await Promise.all([teamIdsOf(ctx.database.db, senderId), teamIdsOf(ctx.database.db, targetId)]);
  if (theirs.size <= 1) return undefined;
  return [...theirs].sort().find((id) => mine.has(id));
}
