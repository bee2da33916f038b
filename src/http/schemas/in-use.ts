import { Type } from 'typebox';
import type { DeleteOptions } from '../../core/in-use.js';
import { Id, Problem } from './common.js';

const Settlement = Type.Enum(['force', 'replaceWith']);

export const ReferenceSchema = Type.Object({
  kind: Type.Enum(['policy', 'monitor', 'schedule', 'event_rule']),
  id: Id,
  name: Type.String(),
  via: Type.Enum(['target', 'roster', 'owner', 'policy', 'route'], {
    description:
      "target: a step of this policy names it; roster: it is on this schedule's layer; owner: the team owns this; policy: this monitor pages through the policy; route: this event rule routes alerts to the policy",
  }),
  step: Type.Optional(Type.Integer({ description: 'Policies: index of the step naming it (0 = step 1)' })),
  targetType: Type.Optional(Type.String({ description: 'Policies: the type of the target naming it' })),
  layerId: Type.Optional(Id),
  layerName: Type.Optional(Type.String()),
  monitorId: Type.Optional(Id),
  monitorName: Type.Optional(Type.String({ description: 'Event rules: the monitor whose list holds the rule; absent for the global list' })),
  settledBy: Type.Array(Settlement, { description: 'Which query option lets the deletion go ahead despite this reference; empty: change it first' }),
});

/** The 409 answers of a guarded DELETE; other conflicts (e.g. cannot_delete_self) share the status. */
export const InUseProblem = Type.Object(
  { ...Problem.properties, references: Type.Optional(Type.Array(ReferenceSchema, { description: 'in_use, team_in_use, policy_in_use: what relies on it' })) },
  { description: 'A conflict; a refused deletion lists in `references` what relies on it' },
);

/** Query options of a guarded DELETE, each described for the entity it deletes. */
export const Force = (description: string) => Type.Optional(Type.Boolean({ description }));
export const ReplaceWith = (description: string) => Type.Optional(Type.String({ format: 'uuid', description }));

export const deleteOptions = (query: { force?: boolean; replaceWith?: string }): DeleteOptions => ({
  force: query.force ?? false,
  replaceWith: query.replaceWith,
});
