import { Code, Stack, Table, Text } from '@mantine/core';
import type { AuditEntry } from '../../api/audit';
import { formatPath, formatValue } from './describeAudit';

interface AuditDiffProps {
  entry: AuditEntry;
  names: Map<string, string>;
  formatInstant: (ms: number) => string;
}

/** What changed, field by field (before → after), and where the change came from. */
export function AuditDiff({ entry, names, formatInstant }: AuditDiffProps) {
  return (
    <Stack gap="xs" py="xs">
      {entry.changes.length === 0 ? (
        <Text size="sm" c="dimmed">
          No field changed.
        </Text>
      ) : (
        <Table withTableBorder layout="fixed" aria-label="Changes" fz="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="36%">Field</Table.Th>
              <Table.Th>Before</Table.Th>
              <Table.Th>After</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entry.changes.map((change) => (
              <Table.Tr key={change.path}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{formatPath(change.path, names)}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  <Code bg="red.0">{formatValue(change.path, change.before, formatInstant, names)}</Code>
                </Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  <Code bg="green.0">{formatValue(change.path, change.after, formatInstant, names)}</Code>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        By {entry.via === 'token' ? 'API token' : entry.via}
        {entry.ip && ` from ${entry.ip}`}
        {entry.userAgent && ` · ${entry.userAgent}`}
      </Text>
    </Stack>
  );
}
