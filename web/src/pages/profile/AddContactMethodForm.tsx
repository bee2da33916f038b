import { Button, Group, PasswordInput, Select, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { fieldMessages } from '../../api/ApiError';
import { useAddContactMethod } from '../../api/contacts';
import { useMyReachability } from '../../api/reachability';
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
  const [device, setDevice] = useState('');
  const errors = fieldMessages(adding.error);
  // Pushover, Telegram and Slack or Mattermost DMs need the server's app or bot: not offered without it.
  const channels = useMyReachability().data?.channels;
  const offered = contactKinds.filter((k) => !k.serverApp || (channels as Partial<Record<ContactKind, boolean>> | undefined)?.[k.value] === true);
  // Pushover's refusal of a device comes on the address, which holds both: shown by the device.
  const deviceError = kind === 'pushover' && /refused by Pushover \(device/.test(errors['address'] ?? '') ? errors['address'] : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    adding.mutate(
      // A Pushover method's address is its user key, and the one device it pages if named.
      { kind, ...(kind !== 'telegram' && { address: kind === 'pushover' && device.trim() !== '' ? `${address.trim()}:${device.trim()}` : address }), ...(label !== '' && { label }), ...(kind === 'ntfy' && token !== '' && { token }) },
      {
        onSuccess: (method) => {
          onAdded(method);
          setLabel('');
          setAddress('');
          setToken('');
          setDevice('');
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
          data={offered}
          value={kind}
          onChange={(value) => value !== null && setKind(value)}
          error={errors['kind']}
          w={150}
        />
        {kind === 'telegram' ? (
          <Text size="sm" c="dimmed" mt={25} w={300}>
            Once added, Vigil shows a link that opens its bot in Telegram: press Start there.
          </Text>
        ) : (
          <TextInput
            label={kind === 'pushover' ? 'User key' : kind === 'slack_dm' ? 'Slack member ID' : kind === 'mattermost_dm' ? 'Mattermost user ID' : 'Address'}
            description={
              kind === 'pushover'
                ? 'Shown at the top of the Pushover app and of pushover.net'
                : kind === 'slack_dm'
                  ? 'In Slack: your profile, ⋮, Copy member ID'
                  : kind === 'mattermost_dm'
                    ? 'Until Vigil knows you, /vigil in Mattermost answers with it'
                    : undefined
            }
            required
            placeholder={contactKinds.find((k) => k.value === kind)?.placeholder}
            value={address}
            onChange={(e) => setAddress(e.currentTarget.value)}
            error={deviceError ? undefined : errors['address']}
            w={300}
          />
        )}
        {kind === 'pushover' && (
          <TextInput
            label="Device"
            description="Optional: only this device, by its name in Pushover"
            placeholder="All devices"
            value={device}
            onChange={(e) => setDevice(e.currentTarget.value)}
            error={deviceError}
            w={200}
          />
        )}
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
