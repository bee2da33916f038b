import { Button, Group, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { fieldMessages } from '../../api/ApiError';
import { useUpdateProfile } from '../../api/users';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { FormError } from '../../components/FormError';
import { TimeZoneSelect } from '../../components/TimeZoneSelect';
import { ProfileCard } from './ProfileCard';

/** Name and time zone: every time the app shows you is in this zone. */
export function AccountSection({ onDirtyChange }: { onDirtyChange: (dirty: boolean) => void }) {
  const me = useCurrentUser();
  const saving = useUpdateProfile(me.id);
  const [name, setName] = useState(me.name);
  const [timeZone, setTimeZone] = useState(me.timeZone);
  const dirty = name !== me.name || timeZone !== me.timeZone;
  const errors = fieldMessages(saving.error);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    saving.mutate(
      { name: name.trim(), timeZone },
      {
        onSuccess: (user) => {
          // The API stores a zone's canonical name (US/Pacific becomes America/Los_Angeles).
          setName(user.name);
          setTimeZone(user.timeZone);
          notifications.show({ color: 'green', title: 'Profile saved', message: `Times are shown in ${user.timeZone}` });
        },
      },
    );
  };

  return (
    <ProfileCard id="account" title="Account" description={`${me.email} · ${me.role}`}>
      <Stack component="form" onSubmit={submit} aria-label="Account" gap="sm" maw={420}>
        <FormError error={saving.error} />
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors['name']} />
        <TimeZoneSelect
          label="Time zone"
          value={timeZone}
          onChange={setTimeZone}
          error={errors['timeZone']}
          description="Every time Vigil shows you, and your daily summary, follows this zone"
        />
        <Group>
          <Button type="submit" disabled={!dirty || name.trim() === ''} loading={saving.isPending}>
            Save
          </Button>
          {dirty && (
            <Button
              variant="subtle"
              onClick={() => {
                setName(me.name);
                setTimeZone(me.timeZone);
              }}
            >
              Discard changes
            </Button>
          )}
        </Group>
      </Stack>
    </ProfileCard>
  );
}
