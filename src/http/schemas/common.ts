import { Type, type Static, type TObject, type TSchema, type TUnion } from 'typebox';

export const Id = Type.String({ format: 'uuid', description: 'Identifier' });
export const IdParams = Type.Object({ id: Id });
export const Instant = Type.String({ format: 'date-time' });
export const TimeZone = Type.String({
  format: 'time-zone',
  'x-canonical-time-zone': true,
  description: 'IANA time zone, e.g. Europe/London; a link such as US/Pacific is stored as its canonical zone (America/Los_Angeles)',
});

export const PageQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page' })),
  },
  { additionalProperties: false },
);

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    detail: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  },
  { description: 'RFC 9457 problem details' },
);

export const toIso = (ms: number): string => new Date(ms).toISOString();

/**
 * A union told apart by one property: ajv then validates only the matching variant, so
 * an error names the field that is wrong rather than every variant that did not match.
 */
export function Discriminated<T extends TObject[]>(propertyName: string, variants: [...T], description?: string) {
  return Type.Unsafe<Static<TUnion<T>>>({ type: 'object', oneOf: variants, discriminator: { propertyName }, ...(description && { description }) });
}
