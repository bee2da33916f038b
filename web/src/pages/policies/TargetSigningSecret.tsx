import { Text } from '@mantine/core';
import type { Target } from '../../api/incidentTypes';
import { SigningSecret } from '../../components/SigningSecret';

/** Under a webhook target: the key its payloads are signed with, known once the policy is saved. */
export function TargetSigningSecret({ target, secrets }: { target: Target; secrets: Record<string, string> }) {
  if (target.type !== 'webhook') return null;
  const secret = secrets[target.url];
  if (secret === undefined) {
    return (
      <Text size="xs" c="dimmed">
        Save the policy to see the signing secret of this webhook.
      </Text>
    );
  }
  return <SigningSecret secret={secret} name={target.url} />;
}
