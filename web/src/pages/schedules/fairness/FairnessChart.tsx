import { Box, Group, Stack, Text } from '@mantine/core';
import type { FairnessRow } from '../../../api/fairness';
import classes from '../../../components/StackedBars.module.css';
import { PersonLabel } from './PersonLabel';

export const categories = [
  { key: 'holidays', label: 'Holidays', color: 'var(--mantine-color-red-6)' },
  { key: 'weekends', label: 'Weekends', color: 'var(--mantine-color-orange-5)' },
  { key: 'nights', label: 'Nights', color: 'var(--mantine-color-indigo-7)' },
  { key: 'businessHours', label: 'Business hours', color: 'var(--mantine-color-blue-3)' },
] as const;

const hours = (n: number) => `${n} h`;

/**
 * One stacked bar per person, as long as their total, split by category. The bars are
 * drawn with boxes rather than an SVG canvas so that they wrap to any width; each reads
 * out as one sentence, and the table below holds the same numbers.
 */
export function FairnessChart({ rows }: { rows: FairnessRow[] }) {
  const longest = Math.max(1, ...rows.map((r) => r.total));
  return (
    <Stack gap={6} aria-label="Hours per person by category">
      <Group gap="md" aria-hidden>
        {categories.map((c) => (
          <Group key={c.key} gap={4} wrap="nowrap">
            <Box className={classes.swatch} style={{ background: c.color }} />
            <Text size="xs">{c.label}</Text>
          </Group>
        ))}
      </Group>
      {rows.map((row) => (
        <div key={row.user.id} className={classes.row} role="img" aria-label={`${row.user.name}: ${categories.map((c) => `${c.label.toLowerCase()} ${hours(row[c.key])}`).join(', ')}; ${hours(row.total)} in all`}>
          <Text size="sm" className={classes.label} truncate>
            <PersonLabel row={row} />
          </Text>
          <div className={classes.track}>
            {categories.map((c) =>
              row[c.key] > 0 ? <div key={c.key} className={classes.segment} style={{ width: `${(row[c.key] / longest) * 100}%`, background: c.color }} title={`${c.label}: ${hours(row[c.key])}`} /> : null,
            )}
          </div>
          <Text size="sm" className={classes.value}>
            {hours(row.total)}
          </Text>
        </div>
      ))}
    </Stack>
  );
}
