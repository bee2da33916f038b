import { Button, Group, Modal, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useHolidayCountries, useSetHolidayCalendar, type HolidayCalendar } from '../../../api/fairness';
import { DiscardChangesModal } from '../editor/DiscardChangesModal';

interface HolidaySettingsModalProps {
  scheduleId: string;
  scheduleName: string;
  current: HolidayCalendar;
  opened: boolean;
  onClose: () => void;
}

type Kind = HolidayCalendar['kind'];

const urlProblem = (url: string) => (/^https?:\/\/[^\s/]+/.test(url.trim()) ? null : 'Enter the feed’s address, starting with https:// (or http://)');

/** Where the schedule's public holidays come from: none, a country (and region), or an iCal feed. */
export function HolidaySettingsModal({ scheduleId, scheduleName, current, opened, onClose }: HolidaySettingsModalProps) {
  const [kind, setKind] = useState<Kind>(current.kind);
  const [country, setCountry] = useState(current.kind === 'country' ? current.country : null);
  const [region, setRegion] = useState(current.kind === 'country' ? current.region : null);
  const [url, setUrl] = useState(current.kind === 'ical' ? current.url : '');
  const [confirmingClose, setConfirmingClose] = useState(false);
  const [triedSaving, setTriedSaving] = useState(false);
  const countries = useHolidayCountries(opened);
  const saving = useSetHolidayCalendar(scheduleId);

  const wanted: HolidayCalendar | null =
    kind === 'none' ? { kind } : kind === 'country' ? (country === null ? null : { kind, country, region }) : urlProblem(url) === null ? { kind, url: url.trim() } : null;
  const dirty = JSON.stringify(wanted) !== JSON.stringify(current);
  const regions = countries.data?.items.find((c) => c.code === country)?.regions ?? [];

  const reset = () => {
    setKind(current.kind);
    setCountry(current.kind === 'country' ? current.country : null);
    setRegion(current.kind === 'country' ? current.region : null);
    setUrl(current.kind === 'ical' ? current.url : '');
    setTriedSaving(false);
  };
  const close = () => {
    reset();
    onClose();
  };
  const save = () => {
    setTriedSaving(true);
    if (wanted === null) return;
    // Not mutate's own callbacks: the saved calendar remounts this form before they would run.
    saving.mutateAsync(wanted).then(
      () => {
        notifications.show({ color: 'green', title: 'Holidays saved', message: `The fairness report of ${scheduleName} counts these holidays now.` });
        onClose();
      },
      (error: Error) => notifications.show({ color: 'red', title: 'Holidays not saved', message: error.message }),
    );
  };

  return (
    <>
      <Modal opened={opened && !confirmingClose} onClose={() => (dirty ? setConfirmingClose(true) : close())} title="Public holidays" size="lg">
        <Stack>
          <Text size="sm" c="dimmed">
            On-call time on a public holiday counts as holiday hours in the fairness report, whatever the time of day.
          </Text>
          <Radio.Group value={kind} onChange={(v) => setKind(v as Kind)} label="Holidays come from">
            <Stack gap="xs" mt="xs">
              <Radio value="none" label="No holidays" />
              <Radio value="country" label="A country's public holidays" />
              <Radio value="ical" label="A calendar feed (iCal)" />
            </Stack>
          </Radio.Group>
          {kind === 'country' && (
            <Group grow align="flex-start" wrap="wrap">
              <Select
                label="Country"
                placeholder={countries.isPending ? 'Loading…' : 'Choose a country'}
                searchable
                data={countries.data?.items.map((c) => ({ value: c.code, label: c.name })) ?? []}
                value={country}
                onChange={(v) => {
                  setCountry(v);
                  setRegion(null);
                }}
                error={triedSaving && country === null ? 'Choose a country' : undefined}
                miw={200}
              />
              {regions.length > 0 && (
                <Select
                  label="Region (optional)"
                  placeholder="The whole country"
                  searchable
                  clearable
                  data={regions.map((r) => ({ value: r.code, label: r.name }))}
                  value={region}
                  onChange={setRegion}
                  miw={200}
                />
              )}
            </Group>
          )}
          {kind === 'ical' && (
            <TextInput
              label="Feed address"
              description="Every day the feed marks is a holiday. Vigil fetches it again once a day and keeps the last copy that worked."
              placeholder="https://calendar.example.com/holidays.ics"
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              error={triedSaving ? urlProblem(url) : undefined}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => (dirty ? setConfirmingClose(true) : close())}>
              Cancel
            </Button>
            <Button onClick={save} loading={saving.isPending} disabled={!dirty && wanted !== null}>
              Save holidays
            </Button>
          </Group>
        </Stack>
      </Modal>
      <DiscardChangesModal
        opened={confirmingClose}
        subject="the holidays"
        onKeep={() => setConfirmingClose(false)}
        onDiscard={() => {
          setConfirmingClose(false);
          close();
        }}
      />
    </>
  );
}
