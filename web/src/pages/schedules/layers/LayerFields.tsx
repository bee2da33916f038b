import { Group, Stack, TextInput } from '@mantine/core';
import { firstMessageUnder, messagesUnder } from '../../../api/ApiError';
import { TimeZoneSelect } from '../../../components/TimeZoneSelect';
import { MemberOrderList } from './MemberOrderList';
import { RestrictionFields } from './RestrictionFields';
import { RotationFields } from './RotationFields';
import { RotationStartFields } from './RotationStartFields';
import type { LayerValues } from './layerValues';

interface LayerFieldsProps {
  values: LayerValues;
  onChange: (values: LayerValues) => void;
  /** API field errors keyed by path under the layer, e.g. "rotation/handoffTime". */
  errors: Record<string, string>;
  /** The zone effectiveAt is typed in; absent for a new schedule, whose layers start now. */
  viewerZone?: string;
  /** The layer is saved already: its rotation start is a restart. */
  existing?: boolean;
}

export function LayerFields({ values, onChange, errors, viewerZone, existing = false }: LayerFieldsProps) {
  const set = <K extends keyof LayerValues>(key: K, value: LayerValues[K]) => onChange({ ...values, [key]: value });
  const memberErrors = firstMessageUnder(errors, 'members');
  return (
    <Stack gap="md">
      <Group align="flex-start" grow>
        <TextInput label="Layer name" required value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors['name']} />
        <TimeZoneSelect label="Layer time zone" value={values.timeZone} onChange={(zone) => set('timeZone', zone)} error={errors['timeZone']} />
      </Group>
      <RotationFields value={values.rotation} onChange={(rotation) => set('rotation', rotation)} errors={messagesUnder(errors, 'rotation')} />
      <RestrictionFields value={values.restriction} onChange={(restriction) => set('restriction', restriction)} errors={messagesUnder(errors, 'restriction')} />
      <MemberOrderList members={values.members} onChange={(members) => set('members', members)} error={memberErrors} />
      <RotationStartFields
        value={values.rotationStart}
        members={values.members}
        timeZone={values.timeZone}
        restart={existing}
        onChange={(rotationStart) => set('rotationStart', rotationStart)}
        errors={messagesUnder(errors, 'rotationStart')}
      />
      {viewerZone !== undefined && (
        <TextInput
          label="Effective from"
          description={`Leave empty to apply now; a local time in ${viewerZone}. Earlier shifts stay as they were.`}
          type="datetime-local"
          w={320}
          value={values.effectiveAt}
          onChange={(e) => set('effectiveAt', e.currentTarget.value)}
          error={errors['effectiveAt']}
        />
      )}
    </Stack>
  );
}
