import { ActionIcon, Code, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconCopy, IconEye, IconEyeOff } from '@tabler/icons-react';

const mask = '•'.repeat(16);

/**
 * A webhook's signing secret: the key X-Vigil-Signature (HMAC-SHA256 of each payload and its send time) is
 * computed with. Masked until shown, and copyable either way.
 */
export function SigningSecret({ secret, name }: { secret: string; name: string }) {
  const [shown, { toggle }] = useDisclosure(false);
  return (
    <Group gap={4} wrap="nowrap" role="group" aria-label={`Signing secret of ${name}`}>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        Signing secret
      </Text>
      <Code aria-label={shown ? 'Signing secret' : 'Signing secret (hidden)'}>{shown ? secret : mask}</Code>
      <Tooltip label={shown ? 'Hide' : 'Show'}>
        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={shown ? 'Hide signing secret' : 'Show signing secret'} onClick={toggle}>
          {shown ? <IconEyeOff size={14} /> : <IconEye size={14} />}
        </ActionIcon>
      </Tooltip>
      <CopyButton value={secret}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy'}>
            <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} size="sm" aria-label={copied ? 'Signing secret copied' : 'Copy signing secret'} onClick={copy}>
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
