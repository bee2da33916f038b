import { Type } from 'typebox';

export const FairnessMeasureSchema = Type.Object(
  {
    members: Type.Integer({ description: 'Members of the layers in force over the period, each counted once, also with no hours' }),
    min: Type.Number({ description: 'Fewest night + weekend + holiday hours of one member' }),
    max: Type.Number({ description: 'Most night + weekend + holiday hours of one member' }),
    spread: Type.Number({ description: 'max − min, in hours' }),
    coefficientOfVariation: Type.Number({ description: 'Population standard deviation over the mean; 0 when the mean is 0' }),
    verdict: Type.Enum(['no_load', 'even', 'uneven', 'very_uneven'], {
      description: 'even: coefficient of variation ≤ 0.15; uneven: ≤ 0.35; very_uneven: above; no_load: nobody had night, weekend or holiday hours',
    }),
  },
  { description: 'How evenly night, weekend and holiday hours fall on the members' },
);
