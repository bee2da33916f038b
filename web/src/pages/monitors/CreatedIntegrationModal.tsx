import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { Integration } from '../../api/incidentTypes';
import { IntegrationDetails } from './IntegrationDetails';
import { monitorKindLabel } from './monitorKinds';

interface CreatedIntegrationModalProps {
  name: string;
  kind: string;
  integration: Integration;
  onClose: () => void;
}

/** Shown once, right after a pushed monitor is created: its URL and key are not shown again. */
export function CreatedIntegrationModal({ name, kind, integration, onClose }: CreatedIntegrationModalProps) {
  return (
    <Modal opened onClose={onClose} title={`Monitor ${name} created`} size="lg" closeOnClickOutside={false}>
      <Stack>
        <Text size="sm">Send alerts to this {monitorKindLabel(kind)} monitor with the URL and key below.</Text>
        <IntegrationDetails kind={kind} integration={integration} />
        <Group justify="flex-end">
          <Button onClick={onClose}>I have copied the key</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
