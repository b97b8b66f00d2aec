/**
 * The budget table (연도별 재원투자). Column roles are read from the (possibly two-row) header;
 * when the header and the arithmetic disagree, the reading whose sums hold wins and a warning
 * says what was reinterpreted.
 */
import { josa, withJosa } from '../../../server/korean.ts';
import type { Budget, BudgetRow, FundingSource } from '../types.ts';
import { cellText, MAX_PLAN_KRW, MONEY_UNITS, parseYearLabel, PlanFormatError, toWon } from './text.ts';

const SOURCE_BY_LABEL: Record<string, FundingSource> = {
  국비: 'national',
  도비: 'province',
  시비: 'city',
  기타: 'other',
  민자: 'other',
  민간: 'other',
};
const TOTAL_LABELS = new Set(['합계', '계', '총계']);

interface Layout {
  totalCol: number | null;
  priorCol: number | null;
  subtotalCol: number | null;
  yearCols: { col: number; year: number }[];
  afterCol: number | null;
}

interface RawRow {
  label: string;
  cells: string[];
}

/** Reads the header rows into column roles, by the labels standing over each column. */
function readLayout(headerRows: string[][]): Layout & { afterLabel: string | null } {
  const width = Math.max(...headerRows.map((r) => r.length));
  const layout: Layout & { afterLabel: string | null } = {
    totalCol: null,
    priorCol: null,
    subtotalCol: null,
    yearCols: [],
    afterCol: null,
    afterLabel: null,
  };
  for (let col = 1; col < width; col++) {
    const labels = headerRows.map((r) => cellText(r[col] ?? '')).filter(Boolean);
    for (const label of labels) {
      const compact = label.replace(/\s/g, '');
      const year = parseYearLabel(compact);
      if (year !== null) layout.yearCols.push({ col, year });
      else if (/^['’‘`]?\d{2,4}년?~$|이후/.test(compact)) {
        layout.afterCol = col;
        layout.afterLabel = label;
      } else if (/총투자|총사업비|총계/.test(compact)) layout.totalCol = col;
      else if (/기투자/.test(compact)) layout.priorCol = col;
      else if (/소계/.test(compact)) layout.subtotalCol = col;
    }
  }
  return layout;
}

interface Reading {
  layout: Layout;
  description: string | null;
}

function amount(row: RawRow, col: number | null, unit: string): number {
  if (col === null) return 0;
  const raw = cellText(row.cells[col] ?? '');
  const won = toWon(raw, unit);
  if (won === null) {
    throw new PlanFormatError(
      `재원투자 표의 '${row.label}' 행에 숫자가 아닌 금액이 있습니다: "${raw}"`,
      `The budget table row '${row.label}' holds an amount that is not a number: "${raw}"`,
    );
  }
  return won;
}

/** A column's name as its header writes it: the lowest label standing over it ("'23", "소계", "기투자"). */
function columnName(headerRows: string[][], col: number): string {
  return (
    headerRows
      .map((r) => cellText(r[col] ?? ''))
      .filter(Boolean)
      .at(-1) ?? `${col + 1}열`
  );
}

/**
 * Every amount in a column the header gives a role must be a number from 0 to MAX_PLAN_KRW;
 * the error names the cell: field "budget.시비.'23".
 */
function checkAmounts(rows: RawRow[], layout: Layout, headerRows: string[][], unit: string): void {
  const columns = [layout.totalCol, layout.priorCol, layout.subtotalCol, layout.afterCol, ...layout.yearCols.map((y) => y.col)];
  for (const row of rows) {
    for (const col of columns) {
      if (col === null) continue;
      const raw = cellText(row.cells[col] ?? '');
      const won = toWon(raw, unit);
      const name = columnName(headerRows, col);
      const field = `budget.${row.label}.${name}`;
      const cell = `재원투자 표의 ${row.label} 행 "${name}" 열`;
      const cellEn = `The budget table cell ${row.label} × "${name}"`;
      if (won === null) {
        throw new PlanFormatError(`${cell}에 숫자가 아닌 금액이 있습니다: "${raw}" (${field})`, `${cellEn} holds an amount that is not a number: "${raw}" (${field})`, field);
      }
      if (won < 0) {
        throw new PlanFormatError(
          `${cell}의 금액이 음수입니다: "${raw}". 금액은 0 이상이어야 합니다. (${field})`,
          `${cellEn} holds a negative amount: "${raw}". Amounts must be 0 or more. (${field})`,
          field,
        );
      }
      if (won > MAX_PLAN_KRW) {
        throw new PlanFormatError(
          `${cell}의 금액이 너무 큽니다: "${raw}" ${unit}. 한 금액은 ${MAX_PLAN_KRW.toLocaleString('en')}원(1,000조원)을 넘을 수 없습니다. (${field})`,
          `${cellEn} holds an amount that is too large: "${raw}" ${unit}. An amount cannot exceed ${MAX_PLAN_KRW.toLocaleString('en')} won. (${field})`,
          field,
        );
      }
    }
  }
}

/** The sums a reading must satisfy for every row; returns the failures as text. */
function checkSums(rows: RawRow[], layout: Layout, unit: string): string[] {
  const failures: string[] = [];
  for (const row of rows) {
    const years = layout.yearCols.reduce((s, y) => s + amount(row, y.col, unit), 0);
    const prior = amount(row, layout.priorCol, unit);
    const after = amount(row, layout.afterCol, unit);
    if (layout.subtotalCol !== null && amount(row, layout.subtotalCol, unit) !== years) {
      failures.push(`${row.label}: 소계 ≠ Σ연도 (subtotal ≠ sum of years)`);
    }
    if (layout.totalCol !== null && amount(row, layout.totalCol, unit) !== prior + years + after) {
      failures.push(`${row.label}: 총투자 ≠ 기투자 + 임기 내 + 이후 (total ≠ prior + within term + after)`);
    }
  }
  return failures;
}

/** The header's own reading first, then the plausible reinterpretations. */
function candidateReadings(layout: Layout & { afterLabel: string | null }): Reading[] {
  const literal: Reading = { layout, description: null };
  const readings = [literal];
  const lastYear = layout.yearCols.at(-1);
  if (layout.afterCol !== null && lastYear && layout.afterCol > lastYear.col) {
    const year = lastYear.year + 1;
    readings.push({
      layout: { ...layout, yearCols: [...layout.yearCols, { col: layout.afterCol, year }], afterCol: null },
      description:
        `재원투자 표 머리글은 '${String(layout.yearCols[0]?.year).slice(2)}~'${String(lastYear.year).slice(2)}${josa(String(lastYear.year), '과/와')} ` +
        `${withJosa(String(layout.afterLabel), '을/를')} 표시하지만, 합계(총투자 = 기투자 + 소계, 소계 = 연도별 합)는 마지막 열을 ` +
        `'${String(year).slice(2)}년(임기 내)으로 읽을 때만 맞으므로 그렇게 읽었습니다. / ` +
        `The budget header names '${String(layout.yearCols[0]?.year).slice(2)}–'${String(lastYear.year).slice(2)} ` +
        `and ${layout.afterLabel}, but the sums (total = prior + subtotal, subtotal = sum of years) only hold if ` +
        `the last column is '${String(year).slice(2)} within the term; it was read as ${year}.`,
    });
  }
  return readings;
}

export function parseBudget(lines: string[], warnings: string[]): Budget {
  const unitMatch = lines.map((l) => /단위\s*[:：]\s*(억원|백만원|천원|원)/.exec(l)).find(Boolean);
  const unit = unitMatch?.[1] ?? '억원';
  if (!unitMatch) warnings.push('재원투자 표에 단위가 없어 억원으로 읽었습니다. / The budget table names no unit; read as 억원.');
  if (!(unit in MONEY_UNITS)) throw new PlanFormatError(`알 수 없는 금액 단위: ${unit}`, `Unknown money unit: ${unit}`);

  const table = lines.filter((l) => l.includes('\t')).map((l) => l.split('\t'));
  const isDataRow = (r: string[]) => {
    const label = cellText(r[0] ?? '');
    return TOTAL_LABELS.has(label) || label in SOURCE_BY_LABEL || /^[가-힣]{1,4}비$/.test(label);
  };
  const firstData = table.findIndex(isDataRow);
  if (firstData <= 0) {
    throw new PlanFormatError('재원투자 표의 머리글이나 재원 행을 찾을 수 없습니다.', 'The budget table has no header or no funding-source rows.');
  }
  const headerRows = table.slice(0, firstData);
  const layout = readLayout(headerRows);
  if (layout.yearCols.length === 0) {
    throw new PlanFormatError('재원투자 표에 연도 열이 없습니다.', 'The budget table has no year columns.');
  }
  const rows: RawRow[] = table
    .slice(firstData)
    .filter(isDataRow)
    .map((cells) => ({ label: cellText(cells[0]!), cells }));
  checkAmounts(rows, layout, headerRows, unit);

  const readings = candidateReadings(layout);
  const literalFailures = checkSums(rows, layout, unit);
  let chosen = readings[0]!;
  if (literalFailures.length > 0) {
    const holding = readings.slice(1).find((r) => checkSums(rows, r.layout, unit).length === 0);
    if (holding) {
      chosen = holding;
      warnings.push(holding.description!);
    } else {
      warnings.push(`재원투자 표의 합계가 맞지 않습니다(머리글대로 읽음). / The budget table's sums do not hold (read as headed): ${literalFailures.join('; ')}`);
    }
  }

  const toRow = (raw: RawRow, isTotal = false): BudgetRow => {
    const { layout: l } = chosen;
    const yearsKrw: Record<string, number> = {};
    for (const y of l.yearCols) yearsKrw[String(y.year)] = amount(raw, y.col, unit);
    const priorKrw = amount(raw, l.priorCol, unit);
    const afterKrw = l.afterCol === null ? null : amount(raw, l.afterCol, unit);
    const source = SOURCE_BY_LABEL[raw.label];
    if (!source && !isTotal)
      warnings.push(`알 수 없는 재원 '${raw.label}'${josa(raw.label, '을/를')} 기타로 분류했습니다. / Unknown funding source '${raw.label}' filed as other.`);
    const within = Object.values(yearsKrw).reduce((s, v) => s + v, 0);
    return {
      source: source ?? 'other',
      sourceLabel: raw.label,
      priorKrw,
      yearsKrw,
      afterKrw,
      // Computed, not copied: the document's own total was checked against this in checkSums.
      totalKrw: priorKrw + within + (afterKrw ?? 0),
    };
  };

  const sourceRows = rows.filter((r) => !TOTAL_LABELS.has(r.label)).map((r) => toRow(r));
  if (sourceRows.length === 0) {
    throw new PlanFormatError('재원투자 표에 재원(국비·도비·시비·기타) 행이 없습니다.', 'The budget table has no funding-source rows (국비, 도비, 시비, 기타).');
  }
  const grandTotal = sourceRows.reduce((s, r) => s + r.totalKrw, 0);
  if (grandTotal > MAX_PLAN_KRW) {
    const field = 'budget.총투자';
    throw new PlanFormatError(
      `재원투자 표의 총투자 합이 너무 큽니다: ${grandTotal.toLocaleString('en')}원. ${MAX_PLAN_KRW.toLocaleString('en')}원(1,000조원)을 넘을 수 없습니다. (${field})`,
      `The budget table's total is too large: ${grandTotal.toLocaleString('en')} won. It cannot exceed ${MAX_PLAN_KRW.toLocaleString('en')} won. (${field})`,
      field,
    );
  }
  const totalRow = rows.find((r) => TOTAL_LABELS.has(r.label));
  if (totalRow) checkTotalRow(toRow(totalRow, true), sourceRows, warnings);
  else if (sourceRows.length > 1) warnings.push('재원투자 표에 합계 행이 없습니다. / The budget table has no 합계 (total) row.');

  return { unit, years: chosen.layout.yearCols.map((y) => y.year), rows: sourceRows };
}

/** The 합계 row is not a source: it must equal the sum of the source rows, column by column. */
function checkTotalRow(total: BudgetRow, sources: BudgetRow[], warnings: string[]): void {
  const sum = (pick: (r: BudgetRow) => number) => sources.reduce((s, r) => s + pick(r), 0);
  const columns: [string, (r: BudgetRow) => number][] = [
    ['총투자 total', (r) => r.totalKrw],
    ['기투자 prior', (r) => r.priorKrw],
    ['이후 after', (r) => r.afterKrw ?? 0],
    ...Object.keys(total.yearsKrw).map((y): [string, (r: BudgetRow) => number] => [y, (r) => r.yearsKrw[y] ?? 0]),
  ];
  const off = columns.filter(([, pick]) => pick(total) !== sum(pick)).map(([name]) => name);
  if (off.length > 0) {
    warnings.push(`합계 행이 재원별 합과 다릅니다: ${off.join(', ')} / The 합계 row differs from the sum of the sources: ${off.join(', ')}`);
  }
}
