import { ActionIcon, Anchor, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { AuditEntry } from '../../api/audit';
import { AuditDiff } from './AuditDiff';
import { actionLabels, entityLabels, entityName, entityPath } from './describeAudit';

interface AuditRowProps {
  entry: AuditEntry;
  names: Map<string, string>;
  formatInstant: (ms: number) => string;
}

/** One change: when, who, what; the chevron opens its before → after diff. */
export function AuditRow({ entry, names, formatInstant }: AuditRowProps) {
  const [open, setOpen] = useState(false);
  const path = entityPath(entry);
  const name = entityName(entry, names);
  const diffId = `audit-diff-${entry.id}`;
  return (
    <>
      <Table.Tr>
        <Table.Td>
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-controls={diffId}
            aria-label={open ? 'Hide changes' : 'Show changes'}
          >
            {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
          </ActionIcon>
        </Table.Td>
        <Table.Td>
          <time dateTime={entry.at}>{formatInstant(Date.parse(entry.at))}</time>
        </Table.Td>
        <Table.Td style={{ overflowWrap: 'anywhere' }}>{entry.actor ? (names.get(entry.actor.id) ?? entry.actor.email) : <Text span c="dimmed">{entry.via === 'cli' ? 'Command line' : 'Vigil'}</Text>}</Table.Td>
        <Table.Td style={{ overflowWrap: 'anywhere' }}>
          {actionLabels[entry.action]} {entityLabels[entry.entityType]}{' '}
          {path ? (
            <Anchor component={Link} to={path} fw={500}>
              {name}
            </Anchor>
          ) : (
            <Text span fw={500}>
              {name}
            </Text>
          )}
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr id={diffId}>
          <Table.Td colSpan={4}>
            <AuditDiff entry={entry} names={names} formatInstant={formatInstant} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
