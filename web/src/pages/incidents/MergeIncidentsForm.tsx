import { Button, Group, MultiSelect } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowMerge } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { fieldMessages } from '../../api/ApiError';
import { useIncidentAction, useIncidentPages } from '../../api/incidents';
import { FormError } from '../../components/FormError';

/** Folds other open incidents into this one: they are resolved and their alerts move here. */
export function MergeIncidentsForm({ incidentId }: { incidentId: string }) {
  const open = useIncidentPages({ statuses: ['triggered', 'acknowledged'] });
  const merging = useIncidentAction(incidentId);
  const [incidentIds, setIncidentIds] = useState<string[]>([]);
  const others = (open.data?.pages.flatMap((p) => p.items) ?? []).filter((i) => i.id !== incidentId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (incidentIds.length === 0) return;
    merging.mutate(
      { kind: 'merge', incidentIds },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: `Merged ${incidentIds.length} incident${incidentIds.length === 1 ? '' : 's'} into this one.` });
          setIncidentIds([]);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} aria-label="Merge incidents">
      <FormError error={merging.error} />
      <Group align="flex-end" mt="xs">
        <MultiSelect
          label="Merge into this incident"
          description="They are resolved; their alerts and count move here"
          placeholder={open.isPending ? 'Loading incidents…' : incidentIds.length === 0 ? 'Pick open incidents' : undefined}
          searchable
          nothingFoundMessage="No other open incident"
          data={others.map((i) => ({ value: i.id, label: i.title }))}
          value={incidentIds}
          onChange={setIncidentIds}
          maxValues={50}
          error={fieldMessages(merging.error)['incidentIds']}
          w={{ base: '100%', sm: 360 }}
        />
        <Button type="submit" variant="default" leftSection={<IconArrowMerge size={16} />} disabled={incidentIds.length === 0} loading={merging.isPending}>
          Merge
        </Button>
      </Group>
    </form>
  );
}
