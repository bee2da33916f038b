import fc from 'fast-check';

/** The parts of an OpenAPI 3.0 schema object that Vigil's documents use. */
export interface Schema {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  nullable?: boolean;
}

/** A JSON number literal kept as text, for numbers JavaScript cannot hold (1e400). */
export class RawNumber {
  constructor(readonly text: string) {}
}

/** JSON text for a generated body: RawNumbers are written as they are. */
export function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_k, v: unknown) => (v instanceof RawNumber ? `\u0001raw${raws.push(v.text) - 1}\u0001` : v));
  return text.replace(/"\\u0001raw(\d+)\\u0001"/g, (_m, i: string) => raws[Number(i)] ?? 'null');
}

/** Percent-encodes like a hostile client: lone surrogates become their (invalid) 3-byte UTF-8 form. */
export function percentEncode(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(ch);
    }
  }
  return out;
}

// Generated checks and webhooks point at a closed local port, so the check scheduler
// and the channels that run behind the API fail fast instead of reaching the internet.
const localUrl = fc.constantFrom('http://127.0.0.1:9/hook', 'https://127.0.0.1:9/x?y=1');
const byName: Record<string, fc.Arbitrary<string>> = {
  url: localUrl,
  host: fc.constantFrom('127.0.0.1', 'localhost', '[::1]'),
  server: fc.constantFrom('127.0.0.1:9', '127.0.0.1'),
  address: fc.constantFrom('oncall@example.com', '+15551234567', 'http://127.0.0.1:9/hook', 'https://127.0.0.1:9/slack'),
};

const instant = fc.oneof(
  { weight: 9, arbitrary: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()) },
  { weight: 1, arbitrary: fc.constantFrom('9999-12-31T23:59:59Z', '2026-03-29T01:30:00+01:00', '1970-01-01T00:00:00.000Z', '0001-01-01T00:00:00Z') },
);

/** Values seen in earlier responses (ids by kind, integration keys, cursors), by field name. */
export type Known = (name: string) => string[];

/** Mostly a value the app handed out earlier under this name, else `otherwise`. */
function knownOr(known: Known, name: string, otherwise: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.nat(), otherwise).map(([i, other]) => known(name)[i % known(name).length] ?? other) },
    { weight: 1, arbitrary: otherwise },
  );
}

const storable = (s: string) => !/[\0\p{Cs}]/u.test(s);

function stringFor(schema: Schema, name: string, known: Known): fc.Arbitrary<string> {
  const named = byName[name];
  if (named) return named;
  const maxLength = Math.min(schema.maxLength ?? 40, 40);
  const minLength = Math.min(schema.minLength ?? 0, maxLength);
  switch (schema.format) {
    case 'uuid':
      return knownOr(known, name, fc.uuid());
    case 'date-time':
      return instant;
    case 'email':
      return fc.emailAddress().filter((e) => e.length <= (schema.maxLength ?? 320));
    case 'time-zone':
      return fc.constantFrom('Europe/London', 'America/New_York', 'UTC', 'Australia/Lord_Howe', 'Asia/Kathmandu');
    case 'uri':
      return localUrl;
  }
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    return fc.stringMatching(pattern).filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity));
  }
  const text = fc.oneof({ weight: 4, arbitrary: fc.string({ minLength, maxLength }) }, { weight: 1, arbitrary: fc.string({ minLength, maxLength, unit: 'binary' }).filter(storable) });
  return knownOr(known, name, text);
}

/**
 * Values that mostly satisfy `schema` (pattern-matching strings, ids of existing
 * resources, instants near now), so requests get past validation and reach the
 * services and the database.
 */
export function validish(schema: Schema, known: Known, name = ''): fc.Arbitrary<unknown> {
  const value = ((): fc.Arbitrary<unknown> => {
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const variants = schema.oneOf ?? schema.anyOf;
    if (variants) return fc.oneof(...variants.map((v) => validish(v, known, name)));
    switch (schema.type) {
      case 'string':
        return stringFor(schema, name, known);
      case 'integer':
        return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000 });
      case 'number':
        return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000, noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'array': {
        const bounds = { minLength: schema.minItems ?? 0, maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)) };
        const item = validish(schema.items ?? {}, known, name);
        return schema.uniqueItems ? fc.uniqueArray(item, { ...bounds, selector: (v) => JSON.stringify(v) }) : fc.array(item, bounds);
      }
      case 'object': {
        const properties = schema.properties ?? {};
        const required = (schema.required ?? []).filter((k) => k in properties);
        const optional = Object.keys(properties).filter((k) => !required.includes(k));
        // Often only a few optional fields: many combinations of them (a monitor's kind
        // and its http/tcp/dns settings) are valid only on their own.
        const chosen = fc.oneof(fc.shuffledSubarray(optional, { maxLength: Math.min(2, optional.length) }), fc.subarray(optional));
        const fields = chosen.chain((keys) =>
          fc.record(Object.fromEntries([...required, ...keys].map((k) => [k, validish(properties[k] ?? {}, known, k)]))),
        );
        const extra = schema.additionalProperties;
        if (typeof extra !== 'object') return fields;
        return fc.tuple(fields, fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), validish(extra, known), { maxKeys: 3 })).map(([f, d]) => ({ ...d, ...f }));
      }
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  })();
  return schema.nullable ? fc.option(value, { nil: null, freq: 5 }) : value;
}

const nested = (depth: number, leaf: unknown): unknown => (depth === 0 ? leaf : depth % 2 ? [nested(depth - 1, leaf)] : { a: nested(depth - 1, leaf) });

/** One hostile value: what the fuzzer swaps in for a well-formed one. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`),
  fc.constantFrom('\uD800', 'a\uDFFFb', '\u0000', '🔥\uD83D', '\uFFFE\uFFFF', '%00', "'; DROP TABLE users; --", '../../etc/passwd', ''),
  // Strings ajv coerces to numbers when the field is numeric.
  fc.constantFrom('1e400', '-1e400', '99999999999999999999', '1e308', '-0', '0x10', ' 7 '),
  fc.constantFrom(new RawNumber('1e400'), new RawNumber('-1e400'), new RawNumber('123456789012345678901234567890'), new RawNumber('1e-400')),
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, Number.MAX_VALUE, -Number.MAX_VALUE, 0.5, -1, 0),
  fc.integer({ min: 2, max: 60 }).map((depth) => nested(depth, 'deep')),
  fc.constantFrom(10_000, 100_000, 300_000).map((n) => 'x'.repeat(n)),
  fc.constantFrom(true, false, null, [], {}, [null], JSON.parse('{"__proto__":{"admin":true}}'), { constructor: { prototype: 1 } }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Every place in a JSON value where a hostile value can go: its nodes and new keys. */
function holes(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const here = [path];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => holes(v, [...path, i]))];
  if (value !== null && typeof value === 'object' && !(value instanceof RawNumber)) {
    return [...here, [...path, 'unknown\u0000key'], ...Object.entries(value).flatMap(([k, v]) => holes(v, [...path, k]))];
  }
  return here;
}

function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaceAt(v, rest, replacement) : v));
  const object = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  // defineProperty: a generated "__proto__" key must stay a plain key.
  const copy = { ...object };
  Object.defineProperty(copy, head, { value: replaceAt(object[head], rest, replacement), enumerable: true, writable: true, configurable: true });
  return copy;
}

/** A well-formed value with one to three of its nodes swapped for hostile ones. */
export function hostile(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.array(fc.tuple(fc.nat(), hostileValue), { minLength: 1, maxLength: 3 })).map(([value, swaps]) =>
    swaps.reduce((v, [at, replacement]) => {
      const all = holes(v);
      return replaceAt(v, all[at % all.length] ?? [], replacement);
    }, value),
  );
}
