import { Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useUpdateProfile } from '../../api/users';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { notifyError } from '../../components/notifyError';

type Hours = ReturnType<typeof useCurrentUser>['lowUrgencyHours'];

const choices = [
  { value: 'always', label: 'Any time' },
  { value: 'business_hours', label: 'Weekday business hours (Mon–Fri 09:00–17:00)' },
];

const describe = (hours: Hours): string =>
  hours.kind === 'daily'
    ? hours.windows.map((w) => `${w.days.map((d) => ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][d]).join(', ')} ${w.startTime}–${w.endTime}`).join('; ')
    : (choices.find((c) => c.value === hours.kind)?.label ?? hours.kind);

/** When low-urgency pages may reach you; saved as soon as it is picked. */
export function LowUrgencyHoursField() {
  const me = useCurrentUser();
  const saving = useUpdateProfile(me.id);
  const current = me.lowUrgencyHours;
  // Days and hours set through the API stay pickable as they are.
  const data = current.kind === 'daily' ? [...choices, { value: 'daily', label: describe(current) }] : choices;
  const pick = (value: string | null) => {
    if (value === null || value === current.kind || value === 'daily') return;
    const hours = { kind: value } as Hours;
    saving.mutate(
      { lowUrgencyHours: hours },
      {
        onError: notifyError,
        onSuccess: () =>
          notifications.show({
            color: 'green',
            title: 'Low-urgency pages',
            message: hours.kind === 'always' ? 'They reach you any time.' : `They wait for ${describe(hours)}, ${me.timeZone}. High urgency still pages at once.`,
          }),
      },
    );
  };
  return (
    <Select
      label="Low-urgency pages reach me"
      description={`Outside these hours (${me.timeZone}) a low-urgency page waits until they begin. High-urgency pages always go out at once.`}
      allowDeselect={false}
      data={data}
      value={current.kind}
      onChange={pick}
      disabled={saving.isPending}
      maw={420}
      mt="sm"
    />
  );
}
