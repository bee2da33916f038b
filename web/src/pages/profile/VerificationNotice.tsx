import { Text } from '@mantine/core';
import type { ContactMethod, VerificationResult } from '../../api/incidentTypes';
import { kindLabel } from './contactKinds';

/** The server says "no sms channel is configured" when that channel has no provider set up. */
const notConfigured = /channel is configured/;
/** ntfy answers 401 to a wrong token and 403 to a protected topic without one. */
const ntfyRefused = /ntfy answered HTTP 40[13]/;

/** Whether the verification code just requested went out, and what to do if it did not. */
export function VerificationNotice({ method, result }: { method: ContactMethod; result: VerificationResult }) {
  if (result.sent) {
    return (
      <Text size="xs" c="dimmed" role="status">
        A code was sent to{' '}
        {method.kind === 'slack_dm' ? 'your Slack direct messages, from the Vigil app' : method.kind === 'mattermost_dm' ? 'your Mattermost direct messages, from the Vigil bot' : method.address}. Enter it to verify; it expires in 15 minutes.
      </Text>
    );
  }
  const error = result.error ?? 'unknown error';
  return (
    <Text size="xs" c="red" role="status">
      The code was not delivered: {error}.{' '}
      {notConfigured.test(error)
        ? `This method can't be verified, and won't be paged, until an administrator configures the ${kindLabel(method.kind)} channel.`
        : ntfyRefused.test(error)
          ? 'The ntfy server refused the access token (or the topic needs one): remove this method and add it again with the right token.'
          : 'It is not paged until verified: send a new code to try again.'}
    </Text>
  );
}
