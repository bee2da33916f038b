import { Select, Stack, Text, Title } from '@mantine/core';
import { IconReplace } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { addDays } from '../../../time/zoned';
import { clockOn, dayName, localInstant } from './calendarDates';
import classes from './ShiftAgenda.module.css';
import { shiftColours } from './shiftColours';
import { finalRowKey, type Shift, type ShiftRow } from './shifts';

interface ShiftAgendaProps {
  days: string[];
  zone: string;
  rows: ShiftRow[];
  now: string;
  today: string;
  thisYear: string;
  onShiftClick: (shift: Shift, element: HTMLElement) => void;
}

/**
 * The calendar on a narrow screen: one row at a time (the final schedule or a layer) as a
 * list per day, since lanes of a week are too narrow there to read a name.
 */
export function ShiftAgenda({ days, zone, rows, now, today, thisYear, onShiftClick }: ShiftAgendaProps) {
  const [rowKey, setRowKey] = useState<string>(finalRowKey);
  const row = rows.find((r) => r.key === rowKey) ?? rows[0];
  const nowAt = Date.parse(now);
  return (
    <Stack gap="md">
      <Select
        label="Calendar of"
        allowDeselect={false}
        data={rows.map((r) => ({ value: r.key, label: r.name }))}
        value={row?.key ?? null}
        onChange={(key) => key !== null && setRowKey(key)}
      />
      <Stack gap="md" role="group" aria-label={`${row?.name ?? ''} row`}>
        {days.map((date) => {
          const start = localInstant(date, zone);
          const end = localInstant(addDays(date, 1), zone);
          const shifts = (row?.shifts ?? []).filter((shift) => Date.parse(shift.end) > start && Date.parse(shift.start) < end);
          // The now line goes after the shifts that have begun.
          const nowIndex = date === today ? shifts.filter((shift) => Date.parse(shift.start) <= nowAt).length : -1;
          return (
            <Stack key={date} gap={6} component="section" aria-label={dayName(date, date.slice(0, 4) !== thisYear)}>
              <Title order={5} c={date === today ? undefined : 'dimmed'}>
                {dayName(date, date.slice(0, 4) !== thisYear)}
                {date === today && ' · today'}
              </Title>
              {shifts.length === 0 && (
                <Text size="sm" c="dimmed">
                  Nothing on this day.
                </Text>
              )}
              {shifts.map((shift, index) => (
                <Fragment key={shift.key}>
                  {index === nowIndex && <NowLine now={now} date={date} zone={zone} />}
                  <AgendaItem shift={shift} date={date} zone={zone} onClick={onShiftClick} />
                </Fragment>
              ))}
              {nowIndex === shifts.length && <NowLine now={now} date={date} zone={zone} />}
            </Stack>
          );
        })}
      </Stack>
    </Stack>
  );
}

function NowLine({ now, date, zone }: { now: string; date: string; zone: string }) {
  return (
    <div className={classes.now} role="img" aria-label="Now">
      Now {clockOn(now, date, zone)}
    </div>
  );
}

function AgendaItem({ shift, date, zone, onClick }: { shift: Shift; date: string; zone: string; onClick: (shift: Shift, element: HTMLElement) => void }) {
  const className = [classes.item, shiftColours(shift.userId), shift.override && classes.override, shift.offDuty && classes.offDuty, shift.gap && classes.gap, shift.coverFor !== null && classes.cover, shift.away && classes.away]
    .filter(Boolean)
    .join(' ');
  return (
    <button type="button" className={className} aria-label={shift.label} title={shift.label} onClick={(event) => onClick(shift, event.currentTarget)}>
      <span className={classes.when}>
        {clockOn(shift.start, date, zone)} – {clockOn(shift.end, date, zone)}
      </span>
      <span className={classes.who}>{shift.text}</span>
      {shift.override && <IconReplace size={14} aria-hidden />}
      {shift.offDuty && <Text size="xs">off-duty</Text>}
    </button>
  );
}
