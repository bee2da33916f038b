import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { previewEdit } from '../../../api/schedules';
import type { ScheduleEdit } from '../../../api/scheduleTypes';

/** Typing pauses this long before the preview is asked again. */
const settleMs = 400;

/**
 * The preview of an edit as it is being made: asked again once the edit stops changing,
 * the last answer kept on screen meanwhile. `current` says whether the answer shown is
 * for the edit as it is now, so nothing is saved on the strength of an older preview.
 */
export function useLivePreview(scheduleId: string, edit: ScheduleEdit | null, from: string | undefined) {
  const asked = edit === null ? null : JSON.stringify({ edit, from });
  const [settled] = useDebouncedValue(asked, settleMs);
  const preview = useQuery({
    queryKey: ['schedule-preview', scheduleId, settled],
    queryFn: () => {
      const wanted = JSON.parse(settled as string) as { edit: ScheduleEdit; from?: string };
      return previewEdit(scheduleId, wanted.edit, wanted.from);
    },
    enabled: settled !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const current = asked !== null && settled === asked && !preview.isPlaceholderData && !preview.isFetching;
  return { preview, current };
}
