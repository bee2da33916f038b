import { Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { fieldMessages } from '../../api/ApiError';
import { useCreateTeam } from '../../api/teams';
import { FormError } from '../../components/FormError';

export function CreateTeamModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const creating = useCreateTeam();
  const errors = fieldMessages(creating.error);

  const close = () => {
    setName('');
    setDescription('');
    creating.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    creating.mutate({ name, description }, { onSuccess: close });
  };

  return (
    <Modal opened={opened} onClose={close} title="New team">
      <Stack component="form" onSubmit={submit}>
        <FormError error={creating.error} />
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors['name']} />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors['description']}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" loading={creating.isPending}>
            Create team
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
