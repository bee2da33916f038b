import type { Policy, PolicyInput, Target } from '../../api/incidentTypes';

export interface StepDraft {
  /** Identifies the card across reorders: steps have no id of their own. */
  key: number;
  /** Shown in minutes, sent in seconds. */
  waitMinutes: number;
  targets: Target[];
}

export interface PolicyDraft {
  name: string;
  description: string;
  teamId: string | null;
  repeat: number;
  /** Empty for no ack timeout. */
  ackTimeoutMinutes: number | '';
  steps: StepDraft[];
}

let lastKey = 0;

export function newStep(waitMinutes: number): StepDraft {
  lastKey += 1;
  return { key: lastKey, waitMinutes, targets: [] };
}

export function toDraft(policy: Policy | undefined): PolicyDraft {
  if (!policy) return { name: '', description: '', teamId: null, repeat: 0, ackTimeoutMinutes: '', steps: [newStep(0)] };
  return {
    name: policy.name,
    description: policy.description,
    teamId: policy.teamId,
    repeat: policy.repeat,
    ackTimeoutMinutes: policy.ackTimeoutSeconds === null ? '' : policy.ackTimeoutSeconds / 60,
    steps: policy.steps.map((step) => ({ ...newStep(step.waitSeconds / 60), targets: step.targets })),
  };
}

const seconds = (minutes: number) => Math.round(minutes * 60);

export function toInput(draft: PolicyDraft): PolicyInput {
  return {
    name: draft.name,
    description: draft.description,
    teamId: draft.teamId ?? '',
    repeat: draft.repeat,
    ackTimeoutSeconds: draft.ackTimeoutMinutes === '' ? null : seconds(draft.ackTimeoutMinutes),
    steps: draft.steps.map(({ waitMinutes, targets }) => ({ waitSeconds: seconds(waitMinutes), targets })),
  };
}
