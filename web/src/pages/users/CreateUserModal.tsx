import { Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { fieldMessages } from '../../api/ApiError';
import type { Role } from '../../api/types';
import { useCreateUser } from '../../api/users';
import { assignableRoles } from '../../auth/roles';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { FormError } from '../../components/FormError';
import { TimeZoneSelect } from '../../components/TimeZoneSelect';

const browserTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const me = useCurrentUser();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('responder');
  const [password, setPassword] = useState('');
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const creating = useCreateUser();
  const errors = fieldMessages(creating.error);

  const close = () => {
    setEmail('');
    setName('');
    setRole('responder');
    setPassword('');
    setTimeZone(browserTimeZone);
    creating.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    creating.mutate({ email, name, role, timeZone, ...(password !== '' && { password }) }, { onSuccess: close });
  };

  return (
    <Modal opened={opened} onClose={close} title="New user">
      <Stack component="form" onSubmit={submit}>
        <FormError error={creating.error} />
        <TextInput label="Email" type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors['email']} />
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors['name']} />
        <Select<Role>
          label="Role"
          allowDeselect={false}
          data={assignableRoles(me.role)}
          value={role}
          onChange={(value) => value !== null && setRole(value)}
          error={errors['role']}
        />
        <PasswordInput
          label="Password"
          description="At least 8 characters. Leave empty for a user who cannot log in yet."
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errors['password']}
        />
        <TimeZoneSelect value={timeZone} onChange={setTimeZone} error={errors['timeZone']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" loading={creating.isPending}>
            Create user
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
