import type { FairnessMeasure } from '../../../api/fairness';

export const verdicts: Record<FairnessMeasure['verdict'], { label: string; color: string; explanation: string }> = {
  even: { label: 'Evenly shared', color: 'green', explanation: 'Everyone takes about the same share of nights, weekends and holidays.' },
  uneven: { label: 'Somewhat uneven', color: 'yellow', explanation: 'Some members take noticeably more nights, weekends or holidays than others.' },
  very_uneven: { label: 'Uneven', color: 'red', explanation: 'A few members carry most of the nights, weekends and holidays.' },
  no_load: { label: 'No unsociable hours', color: 'gray', explanation: 'Nobody had night, weekend or holiday hours in this period.' },
};
