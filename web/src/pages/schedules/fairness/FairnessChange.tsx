import { Text } from '@mantine/core';
import type { FairnessMeasure } from '../../../api/fairness';
import { verdicts } from './verdict';

/** One line in the edit preview: how the edit moves the spread of night, weekend and holiday hours over the next two weeks. */
export function FairnessChange({ before, after }: { before: FairnessMeasure; after: FairnessMeasure }) {
  if (before.verdict === 'no_load' && after.verdict === 'no_load') return null;
  const verdictChanged = before.verdict !== after.verdict;
  return (
    <Text size="sm" aria-label="Fairness change">
      Fairness over the next two weeks: night, weekend and holiday spread {before.spread} h → {after.spread} h
      {verdictChanged ? ` (${verdicts[before.verdict].label.toLowerCase()} → ${verdicts[after.verdict].label.toLowerCase()})` : before.spread === after.spread ? ' (unchanged)' : ''}.
    </Text>
  );
}
