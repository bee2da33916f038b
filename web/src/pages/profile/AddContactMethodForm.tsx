import { Button, Group, PasswordInput, Select, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { fieldMessages } from '../../api/ApiError';
import { useAddContactMethod } from '../../api/contacts';
import type { ContactKind, ContactMethod } from '../../api/incidentTypes';
import { FormError } from '../../components/FormError';
import { contactKinds } from './contactKinds';

/** `onAdded` gets the new method, whose `verification` says whether its code was sent. */
export function AddContactMethodForm({ userId, onAdded }: { userId: string; onAdded: (method: ContactMethod) => void }) {
  const adding = useAddContactMethod(userId);
  const [kind, setKind] = useState<ContactKind>('email');
  const [label, setLabel] = useState('');
  const [address, setAddress] = useState('');
  const [token, setToken] = useState('');
  const errors = fieldMessages(adding.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    adding.mutate(
      { kind, address, ...(label !== '' && { label }), ...(kind === 'ntfy' && token !== '' && { token }) },
      {
        onSuccess: (method) => {
          onAdded(method);
          setLabel('');
          setAddress('');
          setToken('');
        },
      },
    );
  };

  return (
    <form onSubmit={submit} aria-label="Add a contact method">
      <FormError error={adding.error} />
      <Group align="flex-start" mt="xs">
        <Select<ContactKind>
          label="Kind"
          allowDeselect={false}
          data={contactKinds}
          value={kind}
          onChange={(value) => value !== null && setKind(value)}
          error={errors['kind']}
          w={150}
        />
        <TextInput
          label="Address"
          required
          placeholder={contactKinds.find((k) => k.value === kind)?.placeholder}
          value={address}
          onChange={(e) => setAddress(e.currentTarget.value)}
          error={errors['address']}
          w={300}
        />
        {kind === 'ntfy' && (
          <PasswordInput
            label="Access token"
            description="Only for a protected topic"
            placeholder="tk_…"
            value={token}
            onChange={(e) => setToken(e.currentTarget.value)}
            error={errors['token']}
            w={200}
          />
        )}
        <TextInput label="Label" placeholder="Work phone" value={label} onChange={(e) => setLabel(e.currentTarget.value)} error={errors['label']} w={180} />
        <Button type="submit" mt={25} leftSection={<IconPlus size={16} />} loading={adding.isPending}>
          Add contact method
        </Button>
      </Group>
    </form>
  );
}
