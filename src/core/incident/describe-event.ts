/** A timeline entry as the incident page and the postmortem both read it. */
export interface TimelineEntry {
  kind: string;
  /** Epoch ms. */
  at: number;
  actorId: string | null;
  data: Record<string, unknown>;
}

/** A user's name from their id; the caller decides what an unknown or missing user reads as. */
export type NameOf = (userId: string | null) => string;

export interface DescribeOptions {
  /**
   * Whether comments and status updates carry their text: the incident page shows it in
   * the line, the postmortem lists notes in a section of their own.
   */
  noteText: boolean;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
/** Steps and passes are 0-based in the API and counted from 1 on screen. */
const ordinal = (value: unknown): number => (typeof value === 'number' ? value + 1 : 0);

/** "45 minutes", "4 hours", "1 day 2 hours". */
function snoozeLength(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes < 60) return plural(minutes, 'minute');
  const [days, hours, rest] = [Math.floor(minutes / 1440), Math.floor(minutes / 60) % 24, minutes % 60];
  return [days > 0 && plural(days, 'day'), hours > 0 && plural(hours, 'hour'), rest > 0 && plural(rest, 'minute')].filter(Boolean).join(' ');
}

/**
 * One timeline entry as a sentence, who and via what: "Notified Alice Senior via email",
 * "Escalated to step 2". One wording for the incident page and the postmortem.
 */
export function describeEvent({ kind, data, actorId, at }: TimelineEntry, nameOf: NameOf, { noteText }: DescribeOptions): string {
  const by = (id: unknown) => nameOf(typeof id === 'string' ? id : actorId);
  const onPass = (pass: unknown) => (ordinal(pass) > 1 ? ` (repeat ${ordinal(pass) - 1})` : '');
  const recipient = () => (typeof data['userId'] === 'string' ? nameOf(data['userId']) : text(data['to']));
  const note = noteText ? `: ${text(data['text'])}` : '';
  // The Slack app's two kinds read as what people call them; other kinds by their names.
  const via = () => ({ slack_channel: 'Slack', slack_dm: 'Slack DM', mattermost_channel: 'Mattermost', mattermost_dm: 'Mattermost DM' } as Record<string, string>)[text(data['channel'])] ?? text(data['channel']);
  switch (kind) {
    case 'triggered':
      // A person on a triggered entry paged by hand (a manual incident); monitors trigger unnamed.
      return actorId === null ? 'Triggered' : `Triggered by ${nameOf(actorId)}`;
    case 'escalated':
      return `Escalated to step ${ordinal(data['step'])}${onPass(data['pass'])}${typeof data['by'] === 'string' ? ` by ${by(data['by'])}` : ''}`;
    case 'step_skipped':
      return `Step ${ordinal(data['step'])} skipped: nobody on call${onPass(data['pass'])}`;
    case 'exhausted':
      return `Escalation exhausted after ${String(data['passes'])} pass${data['passes'] === 1 ? '' : 'es'}; still triggered`;
    case 'notified':
      return `Notified ${recipient()} via ${via()}`;
    case 'delivered':
      return `Delivered to ${recipient()} via ${via()}`;
    case 'delivery_failed':
      return `Delivery to ${recipient()} via ${via()} failed${data['final'] === true ? '' : ' (will retry)'}: ${text(data['error'])}`;
    case 'acknowledged':
      return `Acknowledged by ${by(data['by'])}`;
    case 'ack_timeout':
      return 'Acknowledgement timed out: triggered again';
    case 'resolved':
      return typeof data['by'] === 'string' ? `Resolved by ${by(data['by'])}` : 'Resolved automatically';
    case 'reassigned':
      return `Reassigned to ${nameOf(text(data['userId']))} by ${by(data['by'])}`;
    case 'comment':
      return `${by(null)} commented${note}`;
    // Noted at the 2nd, 4th, 8th… repeat only (the server's choice); the count says how many so far.
    case 'alert_absorbed':
      return `${typeof data['alertCount'] === 'number' ? `Alert #${data['alertCount']}` : 'Another alert'} absorbed: ${text(data['title'])}`;
    case 'no_notification_rules':
      return `${nameOf(text(data['userId']))} has no notification rules${typeof data['urgency'] === 'string' ? ` for ${data['urgency']} urgency` : ''}: not notified`;
    case 'merged': {
      const titles = Array.isArray(data['titles']) ? data['titles'].map(text) : [];
      return `${by(null)} merged ${titles.length === 1 ? 'an incident' : `${titles.length} incidents`} into this one: ${titles.join(', ')}`;
    }
    case 'merged_into':
      return `Merged into another incident by ${by(null)}`;
    case 'status_update':
      return `Status update by ${by(null)}${note}`;
    case 'snoozed':
      return `Snoozed by ${by(data['by'])}${typeof data['until'] === 'number' ? ` for ${snoozeLength(data['until'] - at)}` : ''}: pages again then`;
    case 'responders_added':
      return `${by(data['by'])} added responders: ${Array.isArray(data['userIds']) ? data['userIds'].map((id) => nameOf(text(id))).join(', ') : ''}`;
    case 'urgency_changed':
      return `Urgency changed from ${text(data['from'])} to ${text(data['to'])} by ${by(null)}`;
    case 'suppressed':
      return data['by'] === 'parent' ? 'Suppressed: a monitor it depends on is down; nobody paged' : `Suppressed by the event rule "${text(data['rule'])}"; nobody paged`;
    case 'rules_matched': {
      const rules = Array.isArray(data['rules']) ? data['rules'].map((r) => `"${text(r)}"`) : [];
      return `Event rule${rules.length === 1 ? '' : 's'} ${rules.join(', ')} shaped this incident`;
    }
    case 'released':
      return `Released (${text(data['reason'])}): pages if still open when its escalation is next due`;
    case 'step_unreached':
      return `Nobody in this step could be reached (${text(data['reason'])}): moving on at once`;
    case 'nobody_reached': {
      const told = Array.isArray(data['told']) ? data['told'].map((id) => nameOf(text(id))) : [];
      return told.length > 0
        ? `Nobody was reached: told the team's managers and the owners (${told.join(', ')})`
        : "Nobody was reached, and no manager or owner has a verified contact method to be told";
    }
    // Something done in a provider's app (an alarm acknowledged in Pushover), after the action's own entry.
    case 'provider_action': {
      const device = typeof data['device'] === 'string' ? ` on ${data['device']}` : '';
      const done = `${by(null)} ${text(data['action'])}d in ${text(data['provider'])}${device}`;
      return data['refused'] === true ? `${done}, but may no longer act on this incident: nothing changed` : done;
    }
    default:
      return kind.replaceAll('_', ' ');
  }
}
