import type { Ajv } from 'ajv';
import { assertTimeZone } from '../core/time/zone.js';

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

/** Formats our schemas use beyond ajv-formats. */
export function vigilFormats(ajv: Ajv): Ajv {
  return ajv.addFormat('time-zone', { type: 'string', validate: isTimeZone });
}
