import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { previewEdit, useSaveEdit } from '../../../api/schedules';
import type { Preview, ScheduleEdit } from '../../../api/scheduleTypes';

interface Pending {
  edit: ScheduleEdit;
  preview: Preview;
  /** What the change is, in words, above its effects. */
  summary: string;
  onSaved: (() => void) | undefined;
}

/**
 * Every layer change is previewed first (gaps, whose shifts move) and saved only once
 * the user confirms what they saw. A refused save stays in the review dialog, which says why.
 */
export function useEditReview(scheduleId: string) {
  const [pending, setPending] = useState<Pending | null>(null);
  const previewing = useMutation({ mutationFn: ({ edit, from }: { edit: ScheduleEdit; from?: string }) => previewEdit(scheduleId, edit, from) });
  const saving = useSaveEdit(scheduleId);

  const review = (edit: ScheduleEdit, summary: string, options: { from?: string | undefined; onSaved?: () => void } = {}) => {
    saving.reset();
    previewing.mutate(
      { edit, ...(options.from !== undefined && { from: options.from }) },
      { onSuccess: (preview) => setPending({ edit, preview, summary, onSaved: options.onSaved }) },
    );
  };
  /** `force`: save even though policies rely on what it removes (the API refused once). */
  const confirm = (force = false) => {
    if (!pending) return;
    saving.mutate({ edit: pending.edit, force }, {
      onSuccess: () => {
        notifications.show({ color: 'green', title: 'Change saved', message: pending.summary });
        pending.onSaved?.();
        setPending(null);
      },
    });
  };
  const cancel = () => {
    saving.reset();
    setPending(null);
  };
  return { review, confirm, cancel, pending, previewing, saving };
}

export type EditReview = ReturnType<typeof useEditReview>;
