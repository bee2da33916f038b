// A leading =, +, -, @, tab or CR makes Excel, LibreOffice and Google Sheets read a cell as a
// formula (OWASP "CSV injection"); a leading apostrophe makes them show it as text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell (RFC 4180): text is quoted, and text a spreadsheet would run as a formula is neutralised. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replaceAll('"', '""')}"`;
}

