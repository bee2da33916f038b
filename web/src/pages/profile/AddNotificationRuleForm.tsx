import { Button, Group, NumberInput, Select } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { fieldMessages } from '../../api/ApiError';
import { useAddNotificationRule } from '../../api/contacts';
import type { ContactMethod } from '../../api/incidentTypes';
import { FormError } from '../../components/FormError';
import { kindLabel } from './contactKinds';

const urgencyChoices = [
  { value: 'both', label: 'Any urgency' },
  { value: 'high', label: 'High urgency only' },
  { value: 'low', label: 'Low urgency only' },
];

export function AddNotificationRuleForm({ userId, methods }: { userId: string; methods: ContactMethod[] }) {
  const adding = useAddNotificationRule(userId);
  const [contactMethodId, setContactMethodId] = useState<string | null>(null);
  const [delayMinutes, setDelayMinutes] = useState<number>(0);
  const [urgency, setUrgency] = useState<string>('both');
  const errors = fieldMessages(adding.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (contactMethodId !== null) adding.mutate({ contactMethodId, delayMinutes, urgency: urgency === 'high' || urgency === 'low' ? urgency : null }, { onSuccess: () => setContactMethodId(null) });
  };

  return (
    <form onSubmit={submit} aria-label="Add a notification rule">
      <FormError error={adding.error} />
      <Group align="flex-start" mt="xs">
        <Select
          label="Contact method"
          placeholder="Pick one"
          data={methods.map((m) => ({ value: m.id, label: `${kindLabel(m.kind)}: ${m.label} (${m.address})` }))}
          value={contactMethodId}
          onChange={setContactMethodId}
          error={errors['contactMethodId']}
          w={340}
        />
        <NumberInput
          label="After (minutes)"
          min={0}
          max={1440}
          allowDecimal={false}
          value={delayMinutes}
          onChange={(value) => setDelayMinutes(typeof value === 'number' ? value : 0)}
          error={errors['delayMinutes']}
          w={150}
        />
        <Select
          label="For incidents of"
          data={urgencyChoices}
          value={urgency}
          onChange={(value) => setUrgency(value ?? 'both')}
          allowDeselect={false}
          error={errors['urgency']}
          w={200}
        />
        <Button type="submit" mt={25} leftSection={<IconPlus size={16} />} disabled={contactMethodId === null} loading={adding.isPending}>
          Add rule
        </Button>
      </Group>
    </form>
  );
}
