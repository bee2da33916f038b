import { Modal } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { DiscardChangesModal } from '../pages/schedules/editor/DiscardChangesModal';

/** What the form inside is given: it says whether it holds edits, and closes through done (saved) or cancel (asks first). */
export interface GuardedForm {
  onDirty: (dirty: boolean) => void;
  onDone: () => void;
  onCancel: () => void;
}

interface GuardedFormModalProps {
  opened: boolean;
  title: string;
  /** What the edits are to, for the question on closing: "this time off". */
  subject: string;
  onClose: () => void;
  children: (form: GuardedForm) => ReactNode;
}

/**
 * A dialog holding one form that never loses edits silently: closing it with edits asks
 * first, over the form, which stays as it was for "Keep editing".
 */
export function GuardedFormModal({ opened, title, subject, onClose, children }: GuardedFormModalProps) {
  const [confirmingClose, setConfirmingClose] = useState(false);
  const [dirty, setDirty] = useState(false);
  const close = () => {
    setDirty(false);
    setConfirmingClose(false);
    onClose();
  };
  const ask = () => (dirty ? setConfirmingClose(true) : close());
  return (
    <>
      <Modal opened={opened} onClose={ask} title={title}>
        {opened && children({ onDirty: setDirty, onDone: close, onCancel: ask })}
      </Modal>
      <DiscardChangesModal opened={confirmingClose} subject={subject} onKeep={() => setConfirmingClose(false)} onDiscard={close} />
    </>
  );
}
