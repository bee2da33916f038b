import { Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { fieldMessages } from '../../api/ApiError';
import { useCreateOverride } from '../../api/overrides';
import type { OnCall } from '../../api/scheduleTypes';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormError';
import { SpanFields, useSpan } from '../../components/SpanFields';
import { formatShiftTime } from '../../time/shiftTime';

const HOUR = 3_600_000;
const WHOLE = 'schedule';
type Length = '1h' | '4h' | 'shift' | 'custom';

interface TakeOnCallModalProps {
  onCall: OnCall;
  viewerZone: string;
  opened: boolean;
  onClose: () => void;
}

/** "Take on call now": the viewer replaces whoever holds the schedule (or a layer) from now. */
export function TakeOnCallModal({ opened, onClose, ...props }: TakeOnCallModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Take ${props.onCall.scheduleName} on call now`}>
      {opened && <TakeForm onClose={onClose} {...props} />}
    </Modal>
  );
}

function TakeForm({ onCall, viewerZone, onClose }: Omit<TakeOnCallModalProps, 'opened'>) {
  const me = useCurrentUser();
  const creating = useCreateOverride(onCall.scheduleId);
  // The server's now, so a test clock and a skewed laptop agree with who is on call.
  const now = onCall.at;
  const [scope, setScope] = useState(WHOLE);
  const [length, setLength] = useState<Length>('1h');
  const custom = useSpan({ start: now, end: Date.parse(now) + 8 * HOUR }, viewerZone);
  const errors = fieldMessages(creating.error);
  const layer = onCall.layers.find((l) => l.layerId === scope);
  // Until whoever holds it now would hand over: the end of the current shift.
  const shiftEnd = scope === WHOLE ? onCall.until : (layer?.until ?? null);
  const end = (): string => {
    switch (length) {
      case '1h':
        return new Date(Date.parse(now) + HOUR).toISOString();
      case '4h':
        return new Date(Date.parse(now) + 4 * HOUR).toISOString();
      case 'shift':
        return shiftEnd ?? now;
      case 'custom':
        return custom.instants().end;
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (length === 'custom' && custom.problem !== null) return;
    const until = end();
    creating.mutate(
      { layerId: scope === WHOLE ? null : scope, userId: me.id, mode: 'replace', start: now, end: until },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', title: 'You are on call', message: `${onCall.scheduleName}${layer ? ` (${layer.name})` : ''} until ${formatShiftTime(until, viewerZone, now)}.` });
          onClose();
        },
      },
    );
  };

  return (
    <Stack component="form" onSubmit={submit} aria-label="Take on call now">
      <FormError error={creating.error} />
      <Select
        label="What you take"
        description={scope === WHOLE ? 'You are paged first, whatever the layers say' : 'You replace whoever holds this layer'}
        allowDeselect={false}
        data={[{ value: WHOLE, label: 'Whole schedule' }, ...onCall.layers.map((l) => ({ value: l.layerId, label: `Layer ${l.name}` }))]}
        value={scope}
        onChange={(value) => setScope(value ?? WHOLE)}
        error={errors['layerId']}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          For how long
        </Text>
        <SegmentedControl
          fullWidth
          aria-label="For how long"
          value={length}
          onChange={(value) => setLength(value as Length)}
          data={[
            { value: '1h', label: '1 h' },
            { value: '4h', label: '4 h' },
            { value: 'shift', label: 'This shift', disabled: shiftEnd === null },
            { value: 'custom', label: 'Until…' },
          ]}
        />
        {length === 'shift' && shiftEnd !== null && (
          <Text size="xs" c="dimmed">
            Until {formatShiftTime(shiftEnd, viewerZone, now)}, when the current shift ends.
          </Text>
        )}
      </Stack>
      {length === 'custom' ? (
        <SpanFields span={custom} errors={errors} labels={{ start: 'Now', end: 'Until' }} endOnly />
      ) : (
        <Text size="sm" c="red">
          {errors['end']}
        </Text>
      )}
      <FormActions submit="Take on call" loading={creating.isPending} onCancel={onClose} />
    </Stack>
  );
}
