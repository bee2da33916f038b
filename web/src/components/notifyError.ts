import { notifications } from '@mantine/notifications';

/** Reports a failed action that has no form to show it in. */
export function notifyError(error: Error): void {
  notifications.show({ color: 'red', title: 'That did not work', message: error.message });
}
