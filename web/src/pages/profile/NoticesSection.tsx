import { Button, Group, Select, Stack, Switch, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { fieldMessages } from '../../api/ApiError';
import { useUpdateProfile } from '../../api/users';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { FormError } from '../../components/FormError';
import { ProfileCard } from './ProfileCard';

const DEFAULT_SUMMARY_TIME = '08:00';
const OFF = 'off';
/** Lead times offered for the notice ahead of a shift, in minutes. */
const leadChoices = [
  { value: OFF, label: 'Off' },
  { value: '60', label: '1 hour before' },
  { value: '720', label: '12 hours before' },
  { value: '1440', label: '24 hours before' },
  { value: '2880', label: '48 hours before' },
];

/** Heads-ups that are not pages: shift handoffs (at the start, and ahead) and a daily summary. */
export function NoticesSection({ onDirtyChange }: { onDirtyChange: (dirty: boolean) => void }) {
  const me = useCurrentUser();
  const saving = useUpdateProfile(me.id);
  const [handoffs, setHandoffs] = useState(me.notifyHandoffs);
  const [summaryOn, setSummaryOn] = useState(me.dailySummaryTime !== null);
  const [summaryTime, setSummaryTime] = useState(me.dailySummaryTime ?? DEFAULT_SUMMARY_TIME);
  const [lead, setLead] = useState(me.handoffLeadMinutes === null ? OFF : String(me.handoffLeadMinutes));
  const wanted = summaryOn ? summaryTime : null;
  const wantedLead = lead === OFF ? null : Number(lead);
  const dirty = handoffs !== me.notifyHandoffs || wanted !== me.dailySummaryTime || wantedLead !== me.handoffLeadMinutes;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  const errors = fieldMessages(saving.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    saving.mutate(
      { notifyHandoffs: handoffs, dailySummaryTime: wanted, handoffLeadMinutes: wantedLead },
      { onSuccess: () => notifications.show({ color: 'green', title: 'Notices saved', message: wanted === null ? 'No daily summary' : `Daily summary at ${wanted} (${me.timeZone})` }) },
    );
  };

  return (
    <ProfileCard id="notices" title="Notices" description="Sent to the first contact method of your notification rules that is not a voice call; they are not pages and need no acknowledgement.">
      <Stack component="form" onSubmit={submit} aria-label="Notices" gap="sm" maw={420}>
        <FormError error={saving.error} />
        <Switch
          label="Handoff notices"
          description="A message when a shift of yours starts: you are on call from … to …"
          checked={handoffs}
          onChange={(e) => setHandoffs(e.currentTarget.checked)}
        />
        <Select
          label="Also tell me ahead of a shift"
          description="A message this long before each shift of yours: you are on call from … (in 24 h)"
          allowDeselect={false}
          // A lead set through the API that is not one of the choices is still shown.
          data={leadChoices.some((c) => c.value === lead) ? leadChoices : [...leadChoices, { value: lead, label: `${lead} minutes before` }]}
          value={lead}
          onChange={(value) => setLead(value ?? OFF)}
          error={errors['handoffLeadMinutes']}
          w={260}
        />
        <Switch
          label="Daily summary"
          description="Your on-call shifts in the next 24 hours, every day"
          checked={summaryOn}
          onChange={(e) => setSummaryOn(e.currentTarget.checked)}
        />
        {summaryOn && (
          <TextInput
            type="time"
            label="Send the summary at"
            description={`In your time zone, ${me.timeZone}`}
            required
            value={summaryTime}
            onChange={(e) => setSummaryTime(e.currentTarget.value)}
            error={errors['dailySummaryTime']}
            w={200}
          />
        )}
        <Group>
          <Button type="submit" disabled={!dirty || (summaryOn && summaryTime === '')} loading={saving.isPending}>
            Save notices
          </Button>
        </Group>
      </Stack>
    </ProfileCard>
  );
}
