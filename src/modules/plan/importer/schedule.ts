/**
 * The schedule tables (연도별 목표 및 추진계획): rows of year · period · goals · actions.
 * A year cell stands only in the first row of its year, so later rows inherit it.
 */
import type { ActionTarget, Period, PlanAction, ScheduleEntry } from '../types.ts';
import { cellItems, cellText, PlanFormatError } from './text.ts';

const PERIOD_BY_LABEL: [RegExp, Period][] = [
  [/^(?:1|1\/4|제1)\s*분기$|^1Q$|^Q1$/i, 'Q1'],
  [/^(?:2|2\/4|제2)\s*분기$|^2Q$|^Q2$/i, 'Q2'],
  [/^(?:3|3\/4|제3)\s*분기$|^3Q$|^Q3$/i, 'Q3'],
  [/^(?:4|4\/4|제4)\s*분기$|^4Q$|^Q4$/i, 'Q4'],
  [/^상반기$|^H1$/i, 'H1'],
  [/^하반기$|^H2$/i, 'H2'],
  [/^연간$|^연중$|^FY$/i, 'FY'],
];

function parsePeriodLabel(label: string): Period | null {
  const t = cellText(label);
  return PERIOD_BY_LABEL.find(([re]) => re.test(t))?.[1] ?? null;
}

/**
 * A target is a count in parentheses that ends an action: "(2회)", "(3개교)", "(100명)".
 * "제3회 …" is an ordinal and "(유튜브 등)" is not a count, so neither matches.
 */
export function parseTarget(action: string): ActionTarget | null {
  const m = /\(\s*(\d+(?:,\d{3})*)\s*([가-힣A-Za-z]{1,4})\s*\)\s*$/.exec(action);
  if (!m) return null;
  return { count: Number(m[1]!.replace(/,/g, '')), unit: m[2]! };
}

/** A target above this is no count of events or people (and would not fit the column). */
const MAX_TARGET_COUNT = 1_000_000_000;

export function parseSchedule(lines: string[], warnings: string[]): ScheduleEntry[] {
  const entries: ScheduleEntry[] = [];
  let year: number | null = null;
  for (const line of lines) {
    if (!line.includes('\t')) continue;
    const cells = line.split('\t');
    const periodAt = cells.findIndex((c) => parsePeriodLabel(c) !== null);
    if (periodAt < 0) {
      const first = cellText(cells[0] ?? '');
      if (first !== '구분' && cells.some((c) => cellText(c) !== '')) {
        warnings.push(`추진계획 표에서 기간을 알 수 없는 행을 건너뛰었습니다: "${cellText(line).slice(0, 60)}" / Skipped a schedule row with no period.`);
      }
      continue;
    }
    const yearCell = cells
      .slice(0, periodAt)
      .map(cellText)
      .find((c) => /^\d{4}(년)?$/.test(c));
    if (yearCell) year = Number(yearCell.slice(0, 4));
    if (year === null) {
      throw new PlanFormatError('추진계획 표의 첫 행에 연도가 없습니다.', 'The first row of the schedule table has no year.');
    }
    const goals = cellItems(cells[periodAt + 1] ?? '');
    const period = parsePeriodLabel(cells[periodAt]!)!;
    const actions: PlanAction[] = cellItems(cells[periodAt + 2] ?? '').map((text) => ({ text, target: parseTarget(text) }));
    const absurd = actions.find((a) => a.target !== null && a.target.count > MAX_TARGET_COUNT);
    if (absurd) {
      const field = `schedule.${year}.${period}`;
      throw new PlanFormatError(
        `추진계획 목표 수가 너무 큽니다: "${absurd.text}". ${MAX_TARGET_COUNT.toLocaleString('en')} 이하여야 합니다. (${field})`,
        `An action's target count is too large: "${absurd.text}". It must be at most ${MAX_TARGET_COUNT.toLocaleString('en')}. (${field})`,
        field,
      );
    }
    entries.push({ year, period, goals, actions });
  }
  return entries;
}
