import { Type } from 'typebox';

const WindowMinutes = Type.Integer({ minimum: 1, maximum: 1440, description: 'Minutes after an incident opens during which it takes new alerts (of its group)' });

const Field = Type.String({ minLength: 1, maxLength: 200, description: 'Dotted path into the event as sent, as in event rules: labels.alertname, payload.source' });

export const GroupingSchema = Type.Union(
  [
    Type.Object(
      {
        mode: Type.Enum(['window', 'labels'], {
          description: "window: new alerts join the monitor's newest open grouped incident that opened within windowMinutes; labels: alerts with equal fields share an open incident (only within windowMinutes when given)",
        }),
        fields: Type.Optional(Type.Array(Field, { minItems: 1, maxItems: 10, description: 'labels mode: the fields whose values make the group' })),
        windowMinutes: Type.Optional(WindowMinutes),
      },
      { additionalProperties: false },
    ),
    Type.Null(),
  ],
  {
    description:
      'webhook, pagerduty, alertmanager, grafana only: how alerts fold into fewer incidents (docs/MONITORS.md#grouping); null: each alert key opens its own incident. 400 invalid_grouping at /body/grouping/… for another kind, a mode without what it needs, or a field that is not a dotted path or repeats one',
  },
);
