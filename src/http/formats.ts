import type { Ajv, SchemaValidateFunction } from 'ajv';
import { assertTimeZone, canonicalTimeZone } from '../core/time/zone.js';

// The same zone database the schedule core computes with, so a zone the API
// accepts is one the core can resolve.
export function isTimeZone(value: string): boolean {
  try {
    assertTimeZone(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Formats and keywords our schemas use beyond ajv-formats. `x-canonical-time-zone`
 * replaces a zone link (US/Pacific) by its canonical zone (America/Los_Angeles) in the
 * request itself, so one zone is stored, compared and shown under one name.
 */
export function vigilFormats(ajv: Ajv): Ajv {
  return ajv.addFormat('time-zone', { type: 'string', validate: isTimeZone }).addKeyword({
    keyword: 'x-canonical-time-zone',
    type: 'string',
    schemaType: 'boolean',
    modifying: true,
    validate: ((_enabled: boolean, data: string, _schema, cxt) => {
      // An unknown zone is left for the format to refuse, at its field.
      if (cxt && isTimeZone(data)) (cxt.parentData as Record<string | number, unknown>)[cxt.parentDataProperty] = canonicalTimeZone(data);
      return true;
    }) satisfies SchemaValidateFunction,
  });
}
