import { Select } from '@mantine/core';
import { useSchedule } from '../../api/schedules';

interface LayerSelectProps {
  scheduleId: string;
  value: string | null;
  onChange: (layerId: string | null) => void;
}

/** The current layers of one schedule, top first. */
export function LayerSelect({ scheduleId, value, onChange }: LayerSelectProps) {
  const schedule = useSchedule(scheduleId);
  return (
    <Select
      label="Layer"
      placeholder={schedule.isPending ? 'Loading layers…' : 'Pick a layer'}
      data={(schedule.data?.layers ?? []).map((layer) => ({ value: layer.id, label: layer.name }))}
      value={value}
      onChange={onChange}
      w={200}
    />
  );
}
