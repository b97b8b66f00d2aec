/**
 * Spreadsheet and CSV cells, for every export: formula neutralising, Seoul date cells, RFC 4180
 * line ends. tests/api/outputs-spreadsheets.test.ts reads the files with openpyxl and python's csv.
 */

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

const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000;

/** Number formats of the date cells every workbook uses. */
export const XLSX_DATE_TIME = 'yyyy-mm-dd hh:mm:ss';
export const XLSX_DATE = 'yyyy-mm-dd';

/**
 * A moment as a real XLSX date cell showing Seoul's wall clock (Korea keeps UTC+9 all year).
 * A spreadsheet's date has no time zone: exceljs writes a Date's UTC fields as the serial
 * number, so the moment is moved by nine hours first. Give the cell XLSX_DATE_TIME.
 */
export function seoulCellDate(d: Date | string): Date {
  return new Date(new Date(d).getTime() + SEOUL_OFFSET_MS);
}

/** A calendar date "YYYY-MM-DD" (already a Seoul date) as a date cell; give the cell XLSX_DATE. */
export function calendarCellDate(ymd: string): Date {
  return new Date(`${ymd}T00:00:00Z`);
}

/** A moment as CSV text in Seoul time, "YYYY-MM-DD HH:MM:SS" (spreadsheets read it as a date). */
export function seoulCsvDateTime(d: Date): string {
  return new Date(d.getTime() + SEOUL_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * CSV as RFC 4180 writes it, for csv-stringify: records end with CR LF, and a cell holding any
 * line break is quoted (with the Windows delimiter csv-stringify would quote only a cell holding
 * CR LF itself, and a lone LF or CR would end the record early).
 */
export const CSV_OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n\u0085\u2028\u2029]/ } as const;
