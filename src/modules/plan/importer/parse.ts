/**
 * Reads a pledge plan (공약 실천계획) in the pledge book's text layout into a NormalizedPlan.
 * The layout: a header (category, "No. N", pledge, title), then headed sections —
 * 사업개요, 연도별 재원투자, 추진절차, 기대효과, 연도별 목표 및 추진계획. Nothing here is
 * tuned to one file: sections are found by their headings, tables by their tabs.
 */
import type { NormalizedPlan, Phase, PhaseItem, PlanContent } from '../types.ts';
import { parseBudget } from './budget.ts';
import { parseSchedule } from './schedule.ts';
import { checkCharacters, decodePlanFile, fullYear, MAX_PLAN_KRW, parseMoneyWithUnit, PlanFormatError, squash } from './text.ts';

type SectionName = 'overview' | 'budget' | 'phases' | 'effects' | 'schedule';

const HEADINGS: [RegExp, SectionName][] = [
  [/^사업개요$/, 'overview'],
  [/^(연도별)?재원투자(계획)?$/, 'budget'],
  [/^추진절차$/, 'phases'],
  [/^기대효과$/, 'effects'],
  [/^연도별목표및추진계획$/, 'schedule'],
];

const SECTION_LABELS: Record<SectionName, string> = {
  overview: '사업개요 (overview)',
  budget: '연도별 재원투자 (budget)',
  phases: '추진절차 (phases)',
  effects: '기대효과 (expected effects)',
  schedule: '연도별 목표 및 추진계획 (schedule)',
};

const compact = (line: string) => line.replace(/[\s\u00a0]/g, '');

/** Splits the document at its section headings; "연도별" on its own line joins the next line. */
function splitSections(lines: string[]): { head: string[]; sections: Map<SectionName, string[]> } {
  const sections = new Map<SectionName, string[]>();
  const head: string[] = [];
  let current: string[] = head;
  for (let i = 0; i < lines.length; i++) {
    let key = compact(lines[i]!);
    if (key === '연도별' && compact(lines[i + 1] ?? '').startsWith('재원투자')) key += compact(lines[++i]!);
    const name = lines[i]!.includes('\t') ? undefined : HEADINGS.find(([re]) => re.test(key))?.[1];
    if (name && !sections.has(name)) {
      current = [];
      sections.set(name, current);
    } else current.push(lines[i]!);
  }
  return { head, sections };
}

/** As PATCH /api/plans/:id allows. */
const MAX_PLAN_NUMBER = 100_000;

const BULLET = /^[\s\u00a0]*(?:[-–·○◦▪□☑☐✓]\s*)+/;

function parseHead(head: string[]) {
  const nonEmpty = head.map(squash).filter(Boolean);
  const at = nonEmpty.findIndex((l) => /^No\.?\s*\d+$/i.test(l));
  if (at < 0) return null;
  const number = Number(/\d+/.exec(nonEmpty[at]!)![0]);
  if (!(number >= 1 && number <= MAX_PLAN_NUMBER)) {
    const field = 'header.No.';
    throw new PlanFormatError(
      `공약 번호는 1부터 ${MAX_PLAN_NUMBER}까지입니다: "${nonEmpty[at]}" (${field})`,
      `The pledge number must be 1 to ${MAX_PLAN_NUMBER}: "${nonEmpty[at]}" (${field})`,
      field,
    );
  }
  return {
    category: nonEmpty[at - 1] ?? '',
    number,
    pledge: nonEmpty[at + 1] ?? '',
    title: nonEmpty[at + 2] ?? '',
  };
}

function parseOverview(lines: string[], warnings: string[]) {
  let period: { start: number; end: number } | null = null;
  let totalBudgetKrw: number | null = null;
  const contents: PlanContent[] = [];
  for (const raw of lines) {
    const line = squash(raw.replace(BULLET, ''));
    if (/^사업\s*기간/.test(line)) {
      const years = [...line.matchAll(/(?:^|[^\d])(\d{4})(?=\D|$)/g)].map((m) => Number(m[1]));
      if (years.length > 0) period = { start: years[0]!, end: years.at(-1)! };
    } else if (/^총\s*사업비/.test(line)) {
      totalBudgetKrw = parseMoneyWithUnit(line);
      if (totalBudgetKrw !== null && (totalBudgetKrw < 0 || totalBudgetKrw > MAX_PLAN_KRW)) {
        const field = 'overview.총사업비';
        throw new PlanFormatError(
          `사업개요의 총사업비는 0 이상 ${MAX_PLAN_KRW.toLocaleString('en')}원 이하여야 합니다: "${line}" (${field})`,
          `The overview's 총사업비 (total budget) must be between 0 and ${MAX_PLAN_KRW.toLocaleString('en')} won: "${line}" (${field})`,
          field,
        );
      }
    } else {
      const m = /^\(([^)]+)\)\s*(.+)$/.exec(line);
      if (m && /^[\s\u00a0]*-/.test(raw)) contents.push({ area: squash(m[1]!), text: m[2]! });
    }
  }
  if (!period) throw new PlanFormatError('사업개요에 사업기간이 없습니다.', 'The overview (사업개요) has no 사업기간 (period).');
  if (totalBudgetKrw === null) {
    throw new PlanFormatError('사업개요에 총사업비가 없습니다.', 'The overview (사업개요) has no 총사업비 (total budget).');
  }
  if (contents.length === 0) warnings.push('사업내용 항목이 없습니다. / The overview lists no contents (사업내용).');
  return { period, totalBudgetKrw, contents };
}

/** "('22. 7.~'23. 12.)" → ["2022-07", "2023-12"]. */
function phaseMonths(text: string): [string | null, string | null] {
  const found = [...text.matchAll(/['’‘`]?(\d{2}|\d{4})\s*[.년]\s*(\d{1,2})\s*[.월]?/g)].map((m) => `${fullYear(m[1]!)}-${m[2]!.padStart(2, '0')}`);
  return [found[0] ?? null, found[1] ?? found[0] ?? null];
}

function parsePhases(lines: string[]): Phase[] {
  const phases: Phase[] = [];
  let stack: { indent: number; item: PhaseItem }[] = [];
  for (const raw of lines) {
    if (squash(raw) === '') continue;
    const stepHeading = /^[\s\u00a0]*[☑□■◆▶]?\s*(\d+\s*단계)\s*(.*)$/.exec(raw);
    if (stepHeading) {
      const [start, end] = phaseMonths(stepHeading[2]!);
      phases.push({ name: stepHeading[1]!.replace(/\s/g, ''), start, end, items: [], notes: [] });
      stack = [];
      continue;
    }
    const phase = phases.at(-1);
    if (!phase) continue;
    const text = squash(raw.replace(BULLET, ''));
    if (text.startsWith('*') || text.startsWith('※')) {
      phase.notes.push(text);
      continue;
    }
    const indent = /^[\s\u00a0]*/.exec(raw)![0].length;
    const item: PhaseItem = { text, children: [] };
    while (stack.length > 0 && stack.at(-1)!.indent >= indent) stack.pop();
    (stack.at(-1)?.item.children ?? phase.items).push(item);
    stack.push({ indent, item });
  }
  return phases;
}

function parseEffects(lines: string[]): string[] {
  return lines.map((l) => squash(l.replace(BULLET, ''))).filter(Boolean);
}

export function parsePlanText(text: string): NormalizedPlan {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  checkCharacters(lines);
  const { head, sections } = splitSections(lines);
  const header = parseHead(head);
  if (!header?.title) {
    throw new PlanFormatError(
      '공약 실천계획 문서가 아닙니다: "No. N" 공약 번호와 제목을 찾을 수 없습니다.',
      'This is not a pledge plan: no "No. N" pledge number and title were found.',
    );
  }
  const missing = (['overview', 'budget', 'schedule'] as const).filter((s) => !sections.has(s));
  if (missing.length > 0) {
    const names = missing.map((s) => SECTION_LABELS[s]).join(', ');
    throw new PlanFormatError(`공약 실천계획 문서가 아닙니다: 빠진 부분 ${names}`, `This is not a pledge plan: missing ${names}`);
  }
  const warnings: string[] = [];
  const overview = parseOverview(sections.get('overview')!, warnings);
  const budget = parseBudget(sections.get('budget')!, warnings);
  const schedule = parseSchedule(sections.get('schedule')!, warnings);
  if (schedule.length === 0) {
    throw new PlanFormatError('추진계획 표에 행이 없습니다.', 'The schedule table (연도별 목표 및 추진계획) has no rows.');
  }
  const phases = parsePhases(sections.get('phases') ?? []);
  const effects = parseEffects(sections.get('effects') ?? []);
  for (const s of ['phases', 'effects'] as const) {
    if (!sections.has(s)) warnings.push(`${SECTION_LABELS[s]} 부분이 없습니다. / The ${SECTION_LABELS[s]} section is missing.`);
  }

  const budgetTotal = budget.rows.reduce((s, r) => s + r.totalKrw, 0);
  if (budgetTotal !== overview.totalBudgetKrw) {
    warnings.push(
      `총사업비(${overview.totalBudgetKrw}원)와 재원투자 표의 총투자 합(${budgetTotal}원)이 다릅니다. / ` +
        `The total budget (${overview.totalBudgetKrw} won) differs from the budget table's total (${budgetTotal} won).`,
    );
  }
  const { start, end } = overview.period;
  const outside = [...new Set([...budget.years, ...schedule.map((e) => e.year)])].filter((y) => y < start || y > end);
  if (outside.length > 0) {
    warnings.push(`사업기간(${start}~${end}) 밖의 연도: ${outside.join(', ')} / Years outside the period ${start}–${end}: ${outside.join(', ')}`);
  }

  return { ...header, ...overview, budget, phases, effects, schedule, warnings };
}

/** Reads a plan file's bytes: refuses empty, binary and non-UTF-8 input with a PlanFormatError. */
export function parsePlanFile(bytes: Uint8Array): NormalizedPlan {
  return parsePlanText(decodePlanFile(bytes));
}
