import { Box, Table } from '@mantine/core';
import type { FairnessRow } from '../../../api/fairness';
import { categories } from './FairnessChart';
import { PersonLabel } from './PersonLabel';

/** The chart's numbers, business hours first as the CSV has them, with the total. */
export function HoursTable({ rows }: { rows: FairnessRow[] }) {
  const columns = [...categories].reverse();
  return (
    // Wider than a phone: the table scrolls on its own rather than the page sideways.
    <Box style={{ overflowX: 'auto' }}>
      <Table striped aria-label="Hours per person" miw={520}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Person</Table.Th>
            {columns.map((c) => (
              <Table.Th key={c.key}>{c.label}</Table.Th>
            ))}
            <Table.Th>Total</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.user.id}>
              <Table.Td>
                <PersonLabel row={row} />
              </Table.Td>
              {columns.map((c) => (
                <Table.Td key={c.key}>{row[c.key]}</Table.Td>
              ))}
              <Table.Td>{row.total}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
