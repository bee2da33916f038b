import { ActionIcon, Button, Group, Stack, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import type { MaintenanceDraft } from './checkDraft';

type OneOffWindow = MaintenanceDraft['once'][number];

interface OneOffWindowsEditorProps {
  windows: OneOffWindow[];
  onChange: (windows: OneOffWindow[]) => void;
  /** Keyed like "0/end". */
  errors: Record<string, string>;
  /** The window "Add" starts from. */
  newWindow: () => OneOffWindow;
}

/** Single maintenance spans (a planned migration, say), as local date-times in the maintenance zone. */
export function OneOffWindowsEditor({ windows, onChange, errors, newWindow }: OneOffWindowsEditorProps) {
  const change = (index: number, patch: Partial<OneOffWindow>) => onChange(windows.map((w, i) => (i === index ? { ...w, ...patch } : w)));
  return (
    <Stack gap="xs" pl="lg">
      {windows.map((w, index) => {
        const n = index + 1;
        return (
          <Group key={index} align="flex-start" gap="xs">
            <TextInput
              label={`One-off window ${n} start`}
              type="datetime-local"
              value={w.start}
              onChange={(e) => change(index, { start: e.currentTarget.value })}
              error={errors[`${index}/start`]}
            />
            <TextInput
              label="end"
              aria-label={`One-off window ${n} end`}
              type="datetime-local"
              value={w.end}
              onChange={(e) => change(index, { end: e.currentTarget.value })}
              error={errors[`${index}/end`] ?? errors[`${index}`]}
            />
            <ActionIcon variant="subtle" color="red" mt={28} aria-label={`Remove one-off window ${n}`} onClick={() => onChange(windows.filter((_, i) => i !== index))}>
              <IconX size={16} />
            </ActionIcon>
          </Group>
        );
      })}
      <Group>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => onChange([...windows, newWindow()])}>
          Add one-off window
        </Button>
      </Group>
    </Stack>
  );
}
