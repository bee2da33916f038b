import type { Config } from '../app/config.js';
import { AppError } from '../core/errors.js';
import { matchPageTarget, parseSlackCommand, type NamedTarget, type PageTargetType } from '../core/slack/command.js';
import type { Clock } from '../kernel/clock.js';
import { mayActOnIncident } from '../service/incident-access.js';
import { actOnIncident, type IncidentAction } from '../service/incidents.js';
import { pageManually } from '../service/manual-pages.js';
import { toHistory } from '../service/schedule-edits.js';
import type { Database } from '../store/database.js';
import { loadSchedule } from '../store/schedules.js';
import type { UserRow } from '../store/schema.js';
import { teamIdsOf } from '../store/teams.js';
import type { FixedWindowCounter } from './fixed-window-counter.js';
import { PAGES_PER_MINUTE, planPageBy } from './routes/manual-incidents.js';
import { directoryFor, presentOnCall, userIdsOf } from './schedule-presenter.js';

/** The Vigil user a chat account acts as, or why nobody (told to them ephemerally). */
export type ChatActor = { ok: true; user: UserRow } | { ok: false; why: string };

/** How a chat (Slack, Mattermost) writes what Vigil answers: its escaping and markup. */
export interface ChatMarkup {
  /** Text from people and alerts, shown as typed (no mention, link or markup). */
  escape: (text: string) => string;
  bold: (text: string) => string;
  link: (url: string, text: string) => string;
  /** An instant, in the reader's own time zone where the chat can. */
  date: (iso: string) => string;
}

/** What a chat's endpoints (buttons, slash command) act with. */
export interface ChatContext {
  database: Database;
  clock: Clock;
  config: Config;
  wakeEngine: () => void;
  /** Manual pages per person and minute, counted with the API's. */
  pages: FixedWindowCounter;
  /** The slash command as its users type it (`/vigil`). */
  command: string;
  markup: ChatMarkup;
  /** The Vigil user a chat account acts as, or why none. */
  actorOf: (chatUserId: string) => Promise<ChatActor>;
  /** The chat account a word of `page` mentions (Slack's `<@U123>`), or null. */
  mentioned: (word: string) => string | null;
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

export const help = ({ command, markup }: ChatContext) =>
  [
    `${markup.bold('Vigil')} commands:`,
    `• \`${command} oncall [schedule]\`: who is on call now, on your teams’ schedules or the one named`,
    `• \`${command} page <user|team|schedule> <message>\`: page now (opens an incident); put \`user\`, \`team\` or \`schedule\` first when a name is shared`,
    `• \`${command} ack <incident>\` and \`${command} resolve <incident>\`: the incident’s id or its link in Vigil`,
  ].join('\n');

/**
 * Acts on an incident as the Vigil user a chat account maps to, with that user's rights
 * now; what to tell them, and whether anything changed.
 */
export async function actAs(ctx: ChatContext, user: UserRow, incidentId: string, action: ButtonAction): Promise<{ done: boolean; text: string }> {
  const { database, clock, config } = ctx;
  const escape = ctx.markup.escape;
  const allowed = await mayActOnIncident(database.db, user, incidentId, config.incidentActions).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found') return null;
    throw err;
  });
  if (allowed === null) return { done: false, text: 'Vigil has no such incident (it may have been deleted with its monitor).' };
  if (!allowed) return { done: false, text: `${escape(user.name)}, you cannot act on this incident: only admins and responders of its monitor’s team can.` };
  const now = clock.now();
  const step: IncidentAction =
    action === 'snooze' ? { type: 'snooze', by: user.id, until: now + SNOOZE_MINUTES * 60_000 } : action === 'escalate' ? { type: 'escalate', by: user.id } : { type: action, by: user.id };
  try {
    const incident = await actOnIncident(database, incidentId, step, now);
    ctx.wakeEngine();
    return { done: true, text: `“${escape(incident.title)}” ${done[action]} by ${escape(user.name)}.` };
  } catch (err) {
    if (err instanceof AppError && err.code === 'incident_resolved') return { done: false, text: 'That incident is already resolved: nothing left to do.' };
    throw err;
  }
}

/** The ephemeral answer to `/vigil <text>` from a chat account. */
export async function runChatCommand(ctx: ChatContext, chatUserId: string, text: string): Promise<string> {
  const command = parseSlackCommand(text);
  if (command.kind === 'help') return help(ctx);
  if (command.kind === 'unknown') return `Vigil does not know \`${ctx.markup.escape(command.word)}\`.\n${help(ctx)}`;
  const actor = await ctx.actorOf(chatUserId);
  if (!actor.ok) return actor.why;
  switch (command.kind) {
    case 'oncall':
      return onCallText(ctx, actor.user, command.schedule);
    case 'page':
      return page(ctx, actor.user, command.rest);
    case 'acknowledge':
    case 'resolve':
      if (!command.incidentId) return `Say which incident: \`${ctx.command} ${command.kind === 'acknowledge' ? 'ack' : 'resolve'} <incident id or link>\`.`;
      return (await actAs(ctx, actor.user, command.incidentId, command.kind)).text;
  }
}

async function onCallText(ctx: ChatContext, user: UserRow, named: string | null): Promise<string> {
  const { db } = ctx.database;
  const { escape, bold, date } = ctx.markup;
  const teams = await teamIdsOf(db, user.id);
  const all = await db.selectFrom('schedules as s').innerJoin('teams as t', 't.id', 's.team_id').select(['s.id', 's.name', 's.team_id', 't.name as teamName']).orderBy('s.name').execute();
  const wanted = named === null ? all.filter((s) => teams.has(s.team_id)) : all.filter((s) => s.name.toLowerCase() === named.replace(/\s+/g, ' ').toLowerCase());
  if (wanted.length === 0) {
    return named === null ? `Your teams have no schedules. Name one: \`${ctx.command} oncall <schedule>\`.` : `Vigil has no schedule called “${escape(named)}”.`;
  }
  const now = ctx.clock.now();
  const lines = [];
  for (const s of wanted) {
    const stored = await loadSchedule(db, s.id, { from: now });
    const view = presentOnCall(stored, toHistory(stored), now, await directoryFor(db, userIdsOf(stored)));
    const who = view.primary ? bold(escape(view.primary.user.name)) : 'nobody';
    lines.push(`• ${escape(s.name)} (${escape(s.teamName)}): ${who}${view.until ? ` until ${date(view.until)}` : ''}`);
  }
  return `On call now:\n${lines.join('\n')}`;
}

async function page(ctx: ChatContext, user: UserRow, rest: string): Promise<string> {
  const { database, clock, config } = ctx;
  const { escape, bold, link } = ctx.markup;
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
    return `Paged ${target.type} ${bold(escape(target.label))}: “${escape(incident.title)}”. ${link(`${config.baseUrl}/incidents/${incident.id}`, 'Open in Vigil')}`;
  } catch (err) {
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    const why = err.errors.map((e) => e.message).join('; ');
    return `Vigil did not page: ${escape(err.message)}${why ? ` (${escape(why)})` : ''}.`;
  }
}

type ChosenTarget = { type: PageTargetType; id: string; label: string; message: string };

/** Who `/vigil page` names, or what to tell the sender instead. */
async function pageTarget(ctx: ChatContext, rest: string): Promise<ChosenTarget | string> {
  const { db } = ctx.database;
  const usage = `Say who to page and why: \`${ctx.command} page <user|team|schedule> <message>\`.`;
  const [first = '', ...others] = rest.split(/\s+/);
  const mentioned = ctx.mentioned(first);
  if (mentioned) {
    const other = await ctx.actorOf(mentioned);
    if (!other.ok) return `Vigil does not know who ${first} is, so it cannot page them.`;
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

async function sharedTeam(ctx: ChatContext, senderId: string, targetId: string): Promise<string | undefined> {
  const [mine, theirs] = await Promise.all([teamIdsOf(ctx.database.db, senderId), teamIdsOf(ctx.database.db, targetId)]);
  if (theirs.size <= 1) return undefined;
  return [...theirs].sort().find((id) => mine.has(id));
}
