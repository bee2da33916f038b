import { Button, Group, MultiSelect } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserShare } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { fieldMessages } from '../../api/ApiError';
import { useIncidentAction } from '../../api/incidents';
import { useUserChoices } from '../../api/users';
import { FormError } from '../../components/FormError';

/** Pages more people now, each by their own rules, without changing where the escalation stands. */
export function AddRespondersForm({ incidentId }: { incidentId: string }) {
  const users = useUserChoices();
  const adding = useIncidentAction(incidentId);
  const [userIds, setUserIds] = useState<string[]>([]);
  const nameOf = (id: string) => users.data?.find((u) => u.id === id)?.name ?? 'someone';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (userIds.length === 0) return;
    adding.mutate(
      { kind: 'responders', userIds },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: `Paging ${userIds.map(nameOf).join(', ')} now.` });
          setUserIds([]);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} aria-label="Add responders">
      <FormError error={adding.error} />
      <Group align="flex-end" mt="xs">
        <MultiSelect
          label="Add responders"
          description="Paged now, each by their own notification rules"
          placeholder={users.isPending ? 'Loading users…' : userIds.length === 0 ? 'Pick people' : undefined}
          searchable
          data={(users.data ?? []).map((user) => ({ value: user.id, label: `${user.name} (${user.email})` }))}
          value={userIds}
          onChange={setUserIds}
          maxValues={20}
          error={fieldMessages(adding.error)['userIds']}
          w={{ base: '100%', sm: 360 }}
        />
        <Button type="submit" variant="default" leftSection={<IconUserShare size={16} />} disabled={userIds.length === 0} loading={adding.isPending}>
          Page them now
        </Button>
      </Group>
    </form>
  );
}
