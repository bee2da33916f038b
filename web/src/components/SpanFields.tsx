import { SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { fromLocalInput, toLocalInput } from '../time/zoned';

/** A span as its fields hold it: local date-times 'YYYY-MM-DDTHH:MM' in the viewer's zone. */
export interface LocalSpan {
  start: string;
  end: string;
}

export interface SpanState {
  value: LocalSpan;
  set: (value: LocalSpan) => void;
  zone: string;
  /** Either end differs from where the form started. */
  changed: boolean;
  /** Said beside the end field as soon as it is so, and the form is not sent: the server would refuse it anyway. */
  problem: string | null;
  /** The span as the API takes it: UTC instants. */
  instants: () => { start: string; end: string };
}

/** The state of a form's span fields, starting from a span of instants shown in the zone. */
export function useSpan(span: { start: string | number; end: string | number }, zone: string): SpanState {
  const [initial] = useState(() => ({ start: toLocalInput(span.start, zone), end: toLocalInput(span.end, zone) }));
  const [value, set] = useState(initial);
  return {
    value,
    set,
    zone,
    changed: value.start !== initial.start || value.end !== initial.end,
    // Same zone on both sides: the local strings compare as the instants do.
    problem: value.start !== '' && value.end !== '' && value.end <= value.start ? 'must be after the start' : null,
    instants: () => ({ start: fromLocalInput(value.start, zone), end: fromLocalInput(value.end, zone) }),
  };
}

interface SpanFieldsProps {
  span: SpanState;
  /** The API's messages by body field (fieldMessages): 'start' and 'end' are shown at their fields. */
  errors: Record<string, string>;
  labels?: { start: string; end: string };
  /** Shown but fixed: time off under way keeps its start. */
  startLocked?: boolean;
  /** It starts now: only the end is asked. */
  endOnly?: boolean;
  /** After the zone, e.g. how to ask for part of a shift. */
  hint?: string;
}

/** A start and an end date-time in the viewer's zone, with the zone said beneath. */
export function SpanFields({ span, errors, labels = { start: 'From', end: 'To' }, startLocked = false, endOnly = false, hint }: SpanFieldsProps) {
  const { value, set } = span;
  const end = (
    <TextInput label={labels.end} type="datetime-local" required value={value.end} onChange={(e) => set({ ...value, end: e.currentTarget.value })} error={span.problem === null ? errors['end'] : endOnly ? 'must be after now' : span.problem} />
  );
  return (
    <Stack gap={4}>
      {endOnly ? (
        end
      ) : (
        // Side by side only where both fit whole: in a dialog, and always on a phone, one above the other.
        <SimpleGrid type="container" cols={{ base: 1, '34rem': 2 }}>
          <TextInput label={labels.start} type="datetime-local" required disabled={startLocked} value={value.start} onChange={(e) => set({ ...value, start: e.currentTarget.value })} error={errors['start']} />
          {end}
        </SimpleGrid>
      )}
      <Text size="xs" c="dimmed">
        {endOnly ? 'Local time' : 'Local times'} in {span.zone}.{hint !== undefined && ` ${hint}`}
      </Text>
    </Stack>
  );
}
