import { Alert, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { Integration } from '../../api/incidentTypes';
import { CopyableValue } from './CopyableValue';
import { IntegrationHint } from './IntegrationHint';

/** A pushed monitor's integration URL and key, as the API answers them once. */
export function IntegrationDetails({ kind, integration }: { kind: string; integration: Integration }) {
  return (
    <Stack>
      <Alert color="yellow" icon={<IconAlertTriangle />} title="This key is shown once">
        Vigil stores only a hash of it. Copy it now; if it is lost, issue a new integration key from the monitor page.
      </Alert>
      <CopyableValue label="Integration URL" value={integration.integrationUrl} />
      <CopyableValue label="Integration key" value={integration.integrationKey} />
      <IntegrationHint kind={kind} integration={integration} />
    </Stack>
  );
}
