import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey } from '@tabler/icons-react';
import type { Monitor } from '../../api/incidentTypes';
import { useRotateIntegrationKey } from '../../api/monitors';
import { FormError } from '../../components/FormError';
import { IntegrationDetails } from './IntegrationDetails';

/** Issues a pushed monitor a new integration key after confirming, then shows it once. */
export function NewIntegrationKeyButton({ monitor }: { monitor: Monitor }) {
  const [opened, { open, close }] = useDisclosure();
  const rotating = useRotateIntegrationKey(monitor.id);
  const dismiss = () => {
    // Forget the key: it is not shown again.
    rotating.reset();
    close();
  };
  return (
    <>
      <Button variant="default" leftSection={<IconKey size={16} />} onClick={open}>
        New integration key
      </Button>
      <Modal opened={opened} onClose={dismiss} title="New integration key" size="lg" closeOnClickOutside={!rotating.isSuccess}>
        {rotating.isSuccess ? (
          <Stack>
            <IntegrationDetails kind={monitor.kind} integration={rotating.data} />
            <Group justify="flex-end">
              <Button onClick={dismiss}>I have copied the key</Button>
            </Group>
          </Stack>
        ) : (
          <Stack>
            <FormError error={rotating.error} />
            <Text>
              {monitor.name} gets a new integration key. The old key stops working at once: every sender using it must be
              updated with the new key or URL.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={dismiss}>
                Cancel
              </Button>
              <Button color="red" loading={rotating.isPending} onClick={() => rotating.mutate()}>
                Issue new key
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
