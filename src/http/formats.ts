import type { Ajv } from 'ajv';

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}

/** Formats our schemas use beyond ajv-formats. */
export function vigilFormats(ajv: Ajv): Ajv {
  return ajv.addFormat('time-zone', { type: 'string', validate: isTimeZone });
}
