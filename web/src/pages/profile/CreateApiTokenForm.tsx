import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { fieldMessages } from '../../api/ApiError';
import type { CreatedApiToken } from '../../api/accountTypes';
import { useCreateApiToken } from '../../api/tokens';
import { FormError } from '../../components/FormError';
import { tokenExpiryChoices } from './tokenExpiry';

export function CreateApiTokenForm({ onCreated }: { onCreated: (created: CreatedApiToken) => void }) {
  const creating = useCreateApiToken();
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState('90');
  const errors = fieldMessages(creating.error);
  const days = tokenExpiryChoices.find((c) => c.value === expiry)?.days ?? null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    creating.mutate(
      { name: name.trim(), ...(days !== null && { expiresInDays: days }) },
      {
        onSuccess: (created) => {
          setName('');
          onCreated(created);
        },
      },
    );
  };

  return (
    <Stack component="form" onSubmit={submit} aria-label="Create an API token" gap="xs">
      <FormError error={creating.error} />
      <Group align="flex-end" gap="sm">
        <TextInput label="Name" placeholder="Terraform, CI…" required maxLength={100} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors['name']} w={240} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="token-expiry">
            Expires after
          </Text>
          <SegmentedControl aria-labelledby="token-expiry" data={tokenExpiryChoices} value={expiry} onChange={setExpiry} />
        </Stack>
        <Button type="submit" leftSection={<IconPlus size={16} />} disabled={name.trim() === ''} loading={creating.isPending}>
          Create token
        </Button>
      </Group>
    </Stack>
  );
}
