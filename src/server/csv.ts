/**
 * CSV cells that a spreadsheet would run as a formula (= + - @, tab, CR) get a leading
 * apostrophe: OWASP's defence against CSV injection.
 */
export function safeCsvCell(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/**
 * The XLSX counterpart, for exceljs rows: a string cell is written as a (shared) string, which
 * Excel never evaluates on open — even "=HYPERLINK(…)" stays text — so the value is kept as it
 * was typed (staff search and compare these files). What remains is the cell being edited later:
 * F2 + Enter in a General-format cell re-reads "=…" as a formula. The Text number format ('@')
 * keeps it text then too. Numbers and dates keep their own formats.
 */
export function keepStringCellsText(row: { eachCell(cb: (cell: { value: unknown; numFmt: string }) => void): void }): void {
  row.eachCell((cell) => {
    if (typeof cell.value === 'string' && /^[=+\-@\t\r]/.test(cell.value)) cell.numFmt = '@';
  });
}
