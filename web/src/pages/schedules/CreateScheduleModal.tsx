import { Button, Divider, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { fieldMessages, fieldMessagesUnder } from '../../api/ApiError';
import { useCreateSchedule } from '../../api/schedules';
import { useTeamChoices } from '../../api/teams';
import { FormError } from '../../components/FormError';
import { TimeZoneSelect } from '../../components/TimeZoneSelect';
import { useViewerTimeZone } from '../../time/useViewerTimeZone';
import { LayerFields } from './layers/LayerFields';
import { layerInputOf, newLayerValues, type LayerValues } from './layers/layerValues';

/** A schedule needs a first layer; more are added on its page, where edits are previewed. */
export function CreateScheduleModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const viewerZone = useViewerTimeZone();
  const teams = useTeamChoices();
  const creating = useCreateSchedule();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [teamId, setTeamId] = useState<string | null>(null);
  const [timeZone, setTimeZone] = useState(viewerZone);
  const [layer, setLayer] = useState<LayerValues>(() => newLayerValues(viewerZone, 'Primary'));
  const errors = fieldMessages(creating.error);

  const close = () => {
    setName('');
    setDescription('');
    setTeamId(null);
    setTimeZone(viewerZone);
    setLayer(newLayerValues(viewerZone, 'Primary'));
    creating.reset();
    onClose();
  };
  const changeZone = (zone: string) => {
    // The layer follows the schedule's zone unless the user picked another one for it.
    if (layer.timeZone === timeZone) setLayer({ ...layer, timeZone: zone });
    setTimeZone(zone);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { effectiveAt: _now, ...first } = layerInputOf(layer, viewerZone);
    creating.mutate(
      { name, description, teamId: teamId ?? '', timeZone, layers: [first] },
      {
        onSuccess: (schedule) => {
          close();
          void navigate(`/schedules/${schedule.id}`);
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title="New schedule" size="xl">
      <Stack component="form" onSubmit={submit}>
        <FormError error={creating.error} />
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors['name']} />
        <Textarea label="Description" autosize minRows={1} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors['description']} />
        <Group grow align="flex-start">
          <Select
            label="Team"
            required
            placeholder={teams.isPending ? 'Loading teams…' : 'Pick a team'}
            searchable
            data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
            value={teamId}
            onChange={setTeamId}
            error={errors['teamId']}
          />
          <TimeZoneSelect value={timeZone} onChange={changeZone} error={errors['timeZone']} />
        </Group>
        <Divider label="First layer" labelPosition="left" />
        <LayerFields values={layer} onChange={setLayer} errors={fieldMessagesUnder(creating.error, '/body/layers/0')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" loading={creating.isPending}>
            Create schedule
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
