import { Text } from '@mantine/core';
import type { FairnessRow } from '../../../api/fairness';

/** A person's name in the chart and the table, saying when they count only through overrides. */
export function PersonLabel({ row }: { row: FairnessRow }) {
  return (
    <>
      {row.user.name}
      {!row.member && (
        <Text span size="xs" c="dimmed">
          {' '}
          (overrides only)
        </Text>
      )}
    </>
  );
}
