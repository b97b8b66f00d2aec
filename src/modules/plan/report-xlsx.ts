/**
 * A quarterly report as an XLSX workbook (exceljs): summary, actions, budget. Korean first,
 * English second. Times and dates are date cells (Seoul), figures and money numbers, nothing an
 * empty cell (src/server/csv.ts; read back with openpyxl in tests/api/outputs-spreadsheets.test.ts).
 */
import type ExcelJS from 'exceljs';
import { calendarCellDate, keepStringCellsText, seoulCellDate, XLSX_DATE, XLSX_DATE_TIME } from '../../server/csv.ts';
import type { Figures } from './figures.ts';
import type { ReportResponse } from './report-api-schema.ts';
import { PERIOD_LABELS } from './report-document.ts';
import { ACTION_STATUS_LABELS } from './types.ts';

/** 억원 (1억 = 100,000,000원), kept exact in the cell and shown with one decimal. */
const eok = (won: number) => won / 100_000_000;
const EOK_FORMAT = '#,##0.0';
const WON_FORMAT = '#,##0';

function header(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF6' } };
    c.border = { bottom: { style: 'thin' } };
  });
}

export const reportFileName = (r: ReportResponse['report']) => `report-${r.plan.category}-${r.plan.number}-${r.year}-Q${r.quarter}.xlsx`;

export async function reportWorkbook({ report: r, reported, reportedAt }: ReportResponse): Promise<Buffer> {
  // Loaded on first use: exceljs weighs ~30 MB resident, and most server processes never export.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'finhub';
  wb.created = new Date(r.generatedAt);

  // ── 요약 Summary ─────────────────────────────────────────────────────────────
  const s = wb.addWorksheet('요약 Summary');
  s.columns = [{ width: 28 }, { width: 22 }, { width: 22 }, { width: 14 }, { width: 14 }];
  s.addRow([`${r.plan.title}`]).font = { bold: true, size: 14 };
  s.addRow(['공약 / Pledge', r.plan.pledge]);
  s.addRow(['분야·번호 / Category, No.', `${r.plan.category} No. ${r.plan.number}`]);
  s.addRow(['보고 분기 / Quarter', `${r.year}년 ${r.quarter}분기 (${r.year} Q${r.quarter})`]);
  const state = s.addRow(
    reported && reportedAt ? ['상태 / State (KST)', '보고됨 Reported', seoulCellDate(reportedAt)] : ['상태 / State (KST)', '미보고(현재 기준) Not reported (live)', null],
  );
  state.getCell(3).numFmt = XLSX_DATE_TIME;
  const generated = s.addRow(['작성 시각 / Computed at (KST)', seoulCellDate(r.generatedAt)]);
  generated.getCell(2).numFmt = XLSX_DATE_TIME;
  s.addRow([]);
  header(s.addRow(['구분 / Scope', '이행률(%) / Progress rate', '완료율(%) / Completion rate', '대상 / Counted', '완료 / Done']));
  const fig = (label: string, f: Figures) => s.addRow([label, f.progressRate, f.completionRate, f.counted, f.done]);
  fig('해당 분기 / This quarter', r.figures.quarter);
  fig('누적 / Cumulative', r.figures.cumulative);
  fig('전체 / Overall', r.figures.overall);
  s.addRow(['* 폐기된 추진계획은 분모에서 제외 / Dropped actions are not counted']).font = { italic: true, size: 9 };
  s.addRow([]);
  header(s.addRow(['예산 / Budget', '억원 / 100M KRW', '원 / KRW']));
  const money = (label: string, won: number) => {
    const row = s.addRow([label, eok(won), won]);
    row.getCell(2).numFmt = EOK_FORMAT;
    row.getCell(3).numFmt = WON_FORMAT;
  };
  money(`계획(~${r.year}년) / Planned (to ${r.year})`, r.budget.plannedKrw);
  money('집행(분기 말까지) / Executed (to quarter end)', r.budget.executedKrw);
  money('분기 중 집행 / Executed in the quarter', r.budget.quarterExecutedKrw);
  s.addRow(['집행률(%) / Execution rate', r.budget.executionRate]);

  // ── 추진계획 Actions ─────────────────────────────────────────────────────────
  const a = wb.addWorksheet('추진계획 Actions');
  a.columns = [
    { header: '연도 Year', width: 9 },
    { header: '기간 Period', width: 12 },
    { header: '목표 Goals', width: 40 },
    { header: '추진계획 Action', width: 50 },
    { header: '목표치 Target', width: 10 },
    { header: '단위 Unit', width: 8 },
    { header: '상태 Status', width: 22 },
    { header: '진척률(%) Progress', width: 12 },
    { header: '담당 부서 Department', width: 20 },
    { header: '증빙 Evidence', width: 40 },
  ];
  header(a.getRow(1));
  for (const e of r.entries) {
    for (const act of e.actions) {
      const row = a.addRow([
        e.year,
        PERIOD_LABELS[e.period],
        e.goals.join('\n') || null,
        act.text,
        act.target?.count ?? null,
        act.target?.unit || null,
        `${ACTION_STATUS_LABELS[act.status].ko} / ${ACTION_STATUS_LABELS[act.status].en}`,
        act.progress,
        act.ownerDepartment?.name ?? null,
        act.evidence.map((x) => `${x.title}${x.published ? '' : ' (비공개 internal)'}`).join('\n') || null,
      ]);
      row.alignment = { vertical: 'top', wrapText: true };
    }
  }
  if (r.entries.length === 0) a.addRow([null, null, '이 분기에 예정된 추진계획이 없습니다 / Nothing is scheduled for this quarter']);

  // ── 예산 Budget ──────────────────────────────────────────────────────────────
  const b = wb.addWorksheet('예산 Budget');
  b.columns = [
    { header: '집행일 Date', width: 12 },
    { header: '재원 Source', width: 10 },
    { header: '예산연도 Year', width: 12 },
    { header: '금액(억원) 100M KRW', width: 16 },
    { header: '금액(원) KRW', width: 18 },
    { header: '내용 Description', width: 50 },
  ];
  header(b.getRow(1));
  for (const x of r.budget.executions) {
    const row = b.addRow([calendarCellDate(x.executedOn), x.sourceLabel, x.year, eok(x.amountKrw), x.amountKrw, x.description || null]);
    row.getCell(1).numFmt = XLSX_DATE;
    row.getCell(4).numFmt = EOK_FORMAT;
    row.getCell(5).numFmt = WON_FORMAT;
  }
  const total = b.addRow(['합계 Total', null, null, eok(r.budget.quarterExecutedKrw), r.budget.quarterExecutedKrw, null]);
  total.font = { bold: true };
  total.getCell(4).numFmt = EOK_FORMAT;
  total.getCell(5).numFmt = WON_FORMAT;

  // Texts typed by staff or imported (action texts, evidence titles, descriptions) are string
  // cells, never formulas; formula-like ones also get the Text format (src/server/csv.ts).
  for (const ws of wb.worksheets) ws.eachRow((row) => keepStringCellsText(row));

  return Buffer.from(await wb.xlsx.writeBuffer());
}
