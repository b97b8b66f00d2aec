/**
 * CSV cells that a spreadsheet would run as a formula (= + - @, tab, CR) get a leading
 * apostrophe: OWASP's defence against CSV injection.
 */
export function safeCsvCell(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
