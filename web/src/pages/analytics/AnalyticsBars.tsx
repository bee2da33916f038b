import { Box, Group, Stack, Text } from '@mantine/core';
import classes from '../../components/StackedBars.module.css';

export interface BarPart {
  label: string;
  value: number;
  color: string;
}

export interface BarRow {
  key: string;
  label: string;
  /** Drawn side by side from the left, each as long as its value; their sum is the row's total. */
  parts: BarPart[];
  total: number;
}

/**
 * Horizontal bars drawn with boxes rather than a chart library, so they wrap to any width;
 * each row reads out as one sentence for a screen reader.
 */
export function AnalyticsBars({ rows, legend, label, unit }: { rows: BarRow[]; legend: Omit<BarPart, 'value'>[]; label: string; unit: string }) {
  const longest = Math.max(1, ...rows.map((r) => r.total));
  return (
    <Stack gap={6} aria-label={label}>
      {legend.length > 1 && (
        <Group gap="md" aria-hidden>
          {legend.map((l) => (
            <Group key={l.label} gap={4} wrap="nowrap">
              <Box className={classes.swatch} style={{ background: l.color }} />
              <Text size="xs">{l.label}</Text>
            </Group>
          ))}
        </Group>
      )}
      {rows.map((row) => (
        <div key={row.key} className={classes.row} role="img" aria-label={`${row.label}: ${row.total} ${unit}${row.parts.length > 1 ? ` (${row.parts.map((p) => `${p.label.toLowerCase()} ${p.value}`).join(', ')})` : ''}`}>
          <Text size="sm" className={classes.label} truncate>
            {row.label}
          </Text>
          <div className={classes.track}>
            {row.parts.map((p) =>
              p.value > 0 ? <div key={p.label} className={classes.segment} style={{ width: `${(p.value / longest) * 100}%`, background: p.color }} title={`${p.label}: ${p.value}`} /> : null,
            )}
          </div>
          <Text size="sm" className={classes.value}>
            {row.total}
          </Text>
        </div>
      ))}
    </Stack>
  );
}
