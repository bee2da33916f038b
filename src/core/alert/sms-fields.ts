import type { DetailField } from './details.js';

/** Two GSM-7 segments: most phones join them into one message, and Twilio bills two. */
export const SMS_MAX_CHARS = 320;
const MAX_FIELDS = 3;
const MAX_VALUE_CHARS = 40;

/**
 * The first few fields as " key: value; key: value." in at most `budget` characters
 * (values clipped to stay readable), or '' when not even one fits: a page must never be
 * cut mid-instruction to make room for details.
 */
export function smsFields(fields: DetailField[], budget: number): string {
  let text = '';
  for (const { key, value } of fields.slice(0, MAX_FIELDS)) {
    const oneLine = value.replace(/\s+/g, ' ').trim();
    const chars = Array.from(oneLine);
    const shown = chars.length > MAX_VALUE_CHARS ? `${chars.slice(0, MAX_VALUE_CHARS - 1).join('')}…` : oneLine;
    const next = `${text}${text ? ';' : ''} ${key}: ${shown}`;
    if (next.length + 1 > budget) break;
    text = next;
  }
  return text ? `${text}.` : '';
}
