import { Button, Group } from '@mantine/core';

/** A dialog form's last row: Cancel, and the button that sends the form, busy while it is sent. */
export function FormActions({ submit, loading, onCancel }: { submit: string; loading: boolean; onCancel: () => void }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={loading}>
        {submit}
      </Button>
    </Group>
  );
}
