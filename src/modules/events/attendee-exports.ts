/**
 * Attendee exports: XLSX (exceljs) and CSV (UTF-8 with BOM so that Excel opens Korean
 * correctly; cells a spreadsheet would run as formulas are neutralised). Phones and e-mails are
 * masked, as in every staff list.
 */
import { stringify } from 'csv-stringify/sync';
import { keepStringCellsText, safeCsvCell } from '../../server/csv.ts';
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
  '신청 registered at',
  '입장 checked in at',
];

function cells(a: AttendeeRow): (string | number)[] {
  const label = CATEGORY_LABELS[a.category];
  return [
    a.r.id,
    `${label.ko} ${label.en}`,
    a.r.status === 'pending' ? 'pending_approval' : a.r.status,
    a.r.name,
    a.er.nameEn ?? '',
    a.er.affiliation ?? '',
    a.er.country ?? '',
    maskPhone(a.r.phone) ?? '',
    maskEmail(a.r.email) ?? '',
    a.r.createdAt.toISOString(),
    a.r.checkedInAt?.toISOString() ?? '',
  ];
}

export function attendeesCsv(rows: AttendeeRow[]): string {
  return `\uFEFF${stringify([HEADERS, ...rows.map((a) => cells(a).map(safeCsvCell))])}`;
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
  for (const a of rows) keepStringCellsText(s.addRow(cells(a)));
  s.views = [{ state: 'frozen', ySplit: 1 }];
  wb.title = oneLine(title);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
