import { Type } from 'typebox';
import { Discriminated } from './common.js';

const strict = { additionalProperties: false } as const;

export const HolidayCalendarSchema = Discriminated(
  'kind',
  [
    Type.Object({ kind: Type.Literal('none') }, strict),
    Type.Object(
      {
        kind: Type.Literal('country'),
        country: Type.String({ minLength: 2, maxLength: 2, description: 'ISO 3166-1 alpha-2 code (US, DE, GB…), from the date-holidays package' }),
        region: Type.Union([Type.String({ minLength: 1, maxLength: 10 }), Type.Null()], { description: 'A state or region with its own holidays (CA for California, BY for Bavaria), or null' }),
      },
      strict,
    ),
    Type.Object({ kind: Type.Literal('ical'), url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000, description: 'An iCal feed (http or https), fetched daily; every day it marks is a holiday' }) }, strict),
  ],
  "The schedule's public holidays, for the fairness report: none, a country's public holidays (and a region's), or an iCal feed",
);
