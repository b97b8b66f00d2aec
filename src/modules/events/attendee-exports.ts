/**
 * Attendee exports: XLSX (exceljs) and CSV (UTF-8 with BOM so that Excel opens Korean
 * correctly; records end with CR LF; cells a spreadsheet would run as formulas are neutralised).
 * Phones and e-mails are masked, as in every staff list. In the workbook the times are date cells
 * in Seoul time, the id a number, and a missing value an empty cell; the CSV writes the times in
 * Seoul time too ("2026-09-01 09:00:00").
 */
import { stringify } from 'csv-stringify/sync';
import { CSV_OPTIONS, keepStringCellsText, safeCsvCell, seoulCellDate, seoulCsvDateTime, XLSX_DATE_TIME } from '../../server/csv.ts';
import { maskEmail, maskPhone } from '../../server/mask.ts';
import { oneLine } from '../../server/text.ts';
import { CATEGORY_LABELS } from './attendees/categories.ts';
import type { AttendeeRow } from './presenters.ts';

const HEADERS = [
  'id',
  '구분 category',
  '상태 status',
  '이름 name',
  '영문 이름 name (en)',
  '소속 affiliation',
  '국가 country',
  '전화 phone',
  '이메일 e-mail',
  '신청 registered at (KST)',
  '입장 checked in at (KST)',
];

/** One attendee's cells: null where there is nothing, times as Dates (each format writes them its way). */
function cells(a: AttendeeRow): (string | number | Date | null)[] {
  const label = CATEGORY_LABELS[a.category];
  return [
    a.r.id,
    `${label.ko} ${label.en}`,
    a.r.status === 'pending' ? 'pending_approval' : a.r.status,
    a.r.name,
    a.er.nameEn || null,
    a.er.affiliation || null,
    a.er.country || null,
    maskPhone(a.r.phone) || null,
    maskEmail(a.r.email) || null,
    a.r.createdAt,
    a.r.checkedInAt,
  ];
}

/** The columns holding times. */
const TIME_COLUMNS = [10, 11];

export function attendeesCsv(rows: AttendeeRow[]): string {
  const text = (v: string | number | Date | null) => safeCsvCell(v instanceof Date ? seoulCsvDateTime(v) : v);
  return `\uFEFF${stringify([HEADERS, ...rows.map((a) => cells(a).map(text))], CSV_OPTIONS)}`;
}

export async function attendeesXlsx(title: string, rows: AttendeeRow[]): Promise<Buffer> {
  // Loaded on first use: exceljs weighs ~30 MB resident, and most server processes never export.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'finhub';
  const s = wb.addWorksheet('참가자 Attendees');
  s.columns = HEADERS.map((h, i) => ({ header: h, width: [8, 16, 14, 16, 20, 24, 8, 16, 24, 24, 24][i] }));
  s.getRow(1).font = { bold: true };
  // Text cells stay text: exceljs writes strings as strings, never as formulas; formula-like
  // ones also get the Text format so that editing the cell later does not run them.
  for (const a of rows) {
    const row = s.addRow(cells(a).map((v) => (v instanceof Date ? seoulCellDate(v) : v)));
    for (const c of TIME_COLUMNS) row.getCell(c).numFmt = XLSX_DATE_TIME;
    keepStringCellsText(row);
  }
  s.views = [{ state: 'frozen', ySplit: 1 }];
  wb.title = oneLine(title);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
