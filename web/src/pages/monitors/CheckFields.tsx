import { Fieldset, Group, NumberInput, Stack, Switch } from '@mantine/core';
import type { CheckDraft } from './checkDraft';

interface CheckFieldsProps {
  value: CheckDraft;
  onChange: (value: CheckDraft) => void;
  /** Field errors under /body/check, keyed like "timeoutSeconds". */
  errors: Record<string, string>;
}

/** How often a checked monitor runs, and how many results in a row change its status. */
export function CheckFields({ value, onChange, errors }: CheckFieldsProps) {
  const set = <K extends keyof CheckDraft>(key: K, v: CheckDraft[K]) => onChange({ ...value, [key]: v });
  const whole = { allowDecimal: false, clampBehavior: 'none', required: true } as const;
  return (
    <Fieldset legend="Checks">
      <Stack gap="sm">
        <Group grow align="flex-start">
          <NumberInput
            {...whole}
            label="Check every (seconds)"
            description="20 seconds to 1 day"
            min={20}
            max={86400}
            value={value.intervalSeconds}
            onChange={(v) => set('intervalSeconds', v)}
            error={errors['intervalSeconds'] ?? errors['']}
          />
          <NumberInput
            {...whole}
            label="Timeout (seconds)"
            description="1 to 60, shorter than the interval"
            min={1}
            max={60}
            value={value.timeoutSeconds}
            onChange={(v) => set('timeoutSeconds', v)}
            error={errors['timeoutSeconds']}
          />
        </Group>
        <Group grow align="flex-start">
          <NumberInput
            {...whole}
            label="Failures before an incident"
            description="Failed checks in a row: 1 to 10"
            min={1}
            max={10}
            value={value.confirmations}
            onChange={(v) => set('confirmations', v)}
            error={errors['confirmations']}
          />
          <NumberInput
            {...whole}
            label="Successes before up"
            description="Good checks in a row: 1 to 10"
            min={1}
            max={10}
            value={value.recoveries}
            onChange={(v) => set('recoveries', v)}
            error={errors['recoveries']}
          />
        </Group>
        <Switch
          label="Resolve the incident when up again"
          description="Otherwise it stays open until someone resolves it."
          checked={value.autoResolve}
          onChange={(e) => set('autoResolve', e.currentTarget.checked)}
          error={errors['autoResolve']}
        />
      </Stack>
    </Fieldset>
  );
}
