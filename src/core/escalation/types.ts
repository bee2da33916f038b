/** Epoch milliseconds. */
export type Instant = number;

/** Who a step notifies; all targets of a step are notified together. */
export type Target =
  /** The schedule's primary on-call. */
  | { type: 'schedule'; scheduleId: string }
  /** One layer's user, if that layer is active. */
  | { type: 'schedule_layer'; scheduleId: string; layerId: string }
  /** The users of every active layer. */
  | { type: 'schedule_all_layers'; scheduleId: string }
  | { type: 'user'; userId: string }
  /** Every member of the team. */
  | { type: 'team'; teamId: string }
  | { type: 'webhook'; url: string }
  | { type: 'slack'; url: string }
  /** A Teams channel's workflow webhook (an Adaptive Card per page). */
  | { type: 'teams'; url: string }
  /** A Slack channel the Slack app posts to (by its ID), with buttons to act on the incident. */
  | { type: 'slack_channel'; channelId: string }
  /** A Mattermost channel the Mattermost bot posts to (by its 26-character ID), with buttons. */
  | { type: 'mattermost_channel'; channelId: string };

export interface PolicyStep {
  /**
   * Seconds without acknowledgement before this step fires. For step 1 (which fires on
   * trigger) it is the pause before the policy starts over on a repeat.
   */
  waitSeconds: number;
  targets: Target[];
}

/** A policy as an incident snapshots it when it triggers: later edits don't reach it. */
export interface PolicySnapshot {
  id: string;
  name: string;
  steps: PolicyStep[];
  /** Times the whole policy runs again after its last step (0 = never). */
  repeat: number;
  /** Seconds after which an acknowledgement lapses and the incident triggers again (null = never). */
  ackTimeoutSeconds: number | null;
}

export type IncidentStatus = 'triggered' | 'acknowledged' | 'resolved';

export interface EscalationState {
  status: IncidentStatus;
  /** Index of the step that fired last; -1 before the first. */
  step: number;
  /** Pass through the policy: 0 is the first, 1 the first repeat… */
  pass: number;
  /** When the engine must act next (next step, repeat, ack timeout); null: nothing to do. */
  nextActionAt: Instant | null;
}

/** Someone (or some channel) a step reached. */
export type Recipient = { kind: 'user'; userId: string } | { kind: 'webhook'; url: string } | { kind: 'slack'; url: string } | { kind: 'teams'; url: string } | { kind: 'slack_channel' | 'mattermost_channel'; channelId: string };

/** Turns a step's targets into recipients at an instant (schedules resolved by the caller). */
export type ResolveTargets = (targets: Target[], at: Instant) => Recipient[];

export type EscalationEvent =
  /** `by`: someone paged by hand (a manual incident); absent when a monitor triggered it. */
  | { type: 'trigger'; at: Instant; by?: string }
  /** The engine found nextActionAt due. */
  | { type: 'tick'; at: Instant }
  /** `by` null: acknowledged by the alert source (an integration), not a person. */
  | { type: 'acknowledge'; at: Instant; by: string | null }
  | { type: 'resolve'; at: Instant; by: string | null }
  /** Fire the next step now, whatever the wait. */
  | { type: 'escalate'; at: Instant; by: string }
  /** Page one more person now, without changing the escalation. */
  | { type: 'reassign'; at: Instant; by: string; userId: string }
  /** Page more people now to help (PagerDuty's "add responders"): a reassign to several. */
  | { type: 'add_responders'; at: Instant; by: string; userIds: string[] }
  /** Acknowledged until `until`, then triggered again from step 1 (as an ack timeout does). */
  | { type: 'snooze'; at: Instant; by: string; until: Instant };

/** What the engine must do after a transition; the timeline is made from the log entries. */
export type Effect =
  | { type: 'notify'; step: number; pass: number; recipients: Recipient[] }
  | { type: 'cancel_pending_notifications' }
  | { type: 'log'; entry: LogEntry };

export type LogEntry =
  | { kind: 'triggered' }
  | { kind: 'escalated'; step: number; pass: number; by: string | null }
  | { kind: 'step_skipped'; step: number; pass: number; reason: 'nobody' }
  | { kind: 'exhausted'; passes: number }
  | { kind: 'acknowledged'; by: string | null }
  | { kind: 'ack_timeout' }
  | { kind: 'resolved'; by: string | null }
  | { kind: 'reassigned'; by: string; userId: string }
  | { kind: 'responders_added'; by: string; userIds: string[] }
  | { kind: 'snoozed'; by: string; until: Instant };

export interface Transition {
  state: EscalationState;
  effects: Effect[];
}
