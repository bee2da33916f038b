import { Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { fieldMessages } from '../../../api/ApiError';
import { useSetGapAlertDays } from '../../../api/coverageGaps';
import { FormError } from '../../../components/FormError';
import { DiscardChangesModal } from '../editor/DiscardChangesModal';

interface GapAlertSettingsModalProps {
  scheduleId: string;
  current: number;
  opened: boolean;
  onClose: () => void;
}

/** How far ahead the daily coverage check looks for this schedule; 0 turns the alert off. */
export function GapAlertSettingsModal({ scheduleId, current, opened, onClose }: GapAlertSettingsModalProps) {
  const [days, setDays] = useState<number | string>(current);
  const [confirmingClose, setConfirmingClose] = useState(false);
  const saving = useSetGapAlertDays(scheduleId);
  const errors = fieldMessages(saving.error);
  const dirty = Number(days) !== current;
  const close = () => {
    setDays(current);
    setConfirmingClose(false);
    saving.reset();
    onClose();
  };
  const save = (event: React.FormEvent) => {
    event.preventDefault();
    saving.mutate(Number(days), {
      onSuccess: (schedule) => {
        notifications.show({
          color: 'green',
          title: 'Gap alert saved',
          message: schedule.gapAlertDays === 0 ? 'Managers are no longer told about gaps in this schedule.' : `Managers hear about gaps up to ${schedule.gapAlertDays} days ahead.`,
        });
        onClose();
      },
    });
  };
  return (
    <>
      <Modal opened={opened && !confirmingClose} onClose={() => (dirty ? setConfirmingClose(true) : close())} title="Coverage-gap alert">
        <Stack component="form" onSubmit={save}>
          <FormError error={saving.error} />
          <Text size="sm" c="dimmed">
            Once a day Vigil looks this many days ahead for times when nobody would be paged through this schedule, and tells the team&apos;s managers (the owners when the
            team has none). Only schedules an escalation policy pages through are checked.
          </Text>
          <NumberInput
            label="Days ahead"
            description="0 turns the alert off"
            min={0}
            max={90}
            allowDecimal={false}
            allowNegative={false}
            value={days}
            onChange={setDays}
            error={errors['gapAlertDays']}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => (dirty ? setConfirmingClose(true) : close())}>
              Cancel
            </Button>
            <Button type="submit" loading={saving.isPending} disabled={!dirty || days === ''}>
              Save
            </Button>
          </Group>
        </Stack>
      </Modal>
      <DiscardChangesModal opened={confirmingClose} subject="the gap alert" onKeep={() => setConfirmingClose(false)} onDiscard={close} />
    </>
  );
}
