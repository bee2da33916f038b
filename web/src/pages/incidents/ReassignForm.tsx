import { Button, Group, Select } from '@mantine/core';
import { IconUserShare } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useIncidentAction } from '../../api/incidents';
import { useUserChoices } from '../../api/users';
import { FormError } from '../../components/FormError';

/** Pages one more person now, without changing where the escalation stands. */
export function ReassignForm({ incidentId }: { incidentId: string }) {
  const users = useUserChoices();
  const reassigning = useIncidentAction(incidentId);
  const [userId, setUserId] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (userId !== null) reassigning.mutate({ kind: 'reassign', userId }, { onSuccess: () => setUserId(null) });
  };
  return (
    <form onSubmit={submit}>
      <FormError error={reassigning.error} />
      <Group align="flex-end" mt="xs">
        <Select
          label="Reassign to"
          placeholder={users.isPending ? 'Loading users…' : 'Pick a user'}
          searchable
          data={(users.data ?? []).map((user) => ({ value: user.id, label: `${user.name} (${user.email})` }))}
          value={userId}
          onChange={setUserId}
          w={320}
        />
        <Button type="submit" variant="default" leftSection={<IconUserShare size={16} />} disabled={userId === null} loading={reassigning.isPending}>
          Reassign
        </Button>
      </Group>
    </form>
  );
}
