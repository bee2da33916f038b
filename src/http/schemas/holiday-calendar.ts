import { Type } from 'typebox';
import { Discriminated } from './common.js';

const strict = { additionalProperties: false } as const;

const NoHolidays = Type.Object({ kind: Type.Literal('none') }, strict);
const CountryHolidays = Type.Object(
  {
    kind: Type.Literal('country'),
    country: Type.String({ minLength: 2, maxLength: 2, description: 'ISO 3166-1 alpha-2 code (US, DE, GB…), from the date-holidays package' }),
    region: Type.Union([Type.String({ minLength: 1, maxLength: 10 }), Type.Null()], { description: 'A state or region with its own holidays (CA for California, BY for Bavaria), or null' }),
  },
  strict,
);
const description = "The schedule's public holidays, for the fairness report: none, a country's public holidays (and a region's), or an iCal feed";

export const HolidayCalendarSchema = Discriminated(
  'kind',
  [
    NoHolidays,
    CountryHolidays,
    Type.Object({ kind: Type.Literal('ical'), url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000, description: 'An iCal feed (http or https), fetched daily; every day it marks is a holiday' }) }, strict),
  ],
  description,
);

/** As a schedule's readers see it: a feed's address (which often carries a token) only for those who may edit the schedule. */
export const HolidayCalendarView = Discriminated(
  'kind',
  [
    NoHolidays,
    CountryHolidays,
    Type.Object({
      kind: Type.Literal('ical'),
      url: Type.String({ description: 'The iCal feed, fetched daily; for those who may not edit the schedule only its scheme and host, then "/…" (the address often carries a token)' }),
      urlHidden: Type.Boolean({ description: 'true: url is cut to its scheme and host, as you may not edit this schedule' }),
    }),
  ],
  description,
);
