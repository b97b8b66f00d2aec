/**
 * Progress figures and budget rates, computed and never typed. Pure functions, no database.
 *
 * - 이행률 progressRate: the mean progress (0–100) of the counted actions.
 * - 완료율 completionRate: the share (0–100) of counted actions that are done or done_continuing.
 * - `dropped` (폐기) actions are left out of both denominators.
 * - Rates have one decimal, rounded half up; a rate over nothing is null (not 0, which would
 *   claim a result).
 * - Roll-up: an entry's figures are its actions' (goals share their entry's actions); a year, a
 *   quarter and the plan are weighted by action, never by averaging averages.
 */
import type { ActionStatus, Period } from './types.ts';
import type { Quarter } from './seoul-time.ts';

export interface Figures {
  progressRate: number | null;
  completionRate: number | null;
  /** Actions counted (all but dropped). */
  counted: number;
  /** Counted actions that are done or done_continuing. */
  done: number;
}

export interface ActionFigureInput {
  status: ActionStatus;
  progress: number;
}

export interface EntryFigureInput {
  year: number;
  period: Period;
  actions: readonly ActionFigureInput[];
}

export const DONE_STATUSES: readonly ActionStatus[] = ['done', 'done_continuing'];

/** round(numerator / denominator × 10) / 10, half up, exact for integers of any size. */
function tenths(numerator: bigint, denominator: bigint): number {
  return Number((2n * numerator * 10n + denominator) / (2n * denominator)) / 10;
}

/** part / whole × 100 with one decimal; null when whole is 0. Integer inputs (won, counts). */
export function percent(part: number, whole: number): number | null {
  if (whole === 0) return null;
  if (!Number.isSafeInteger(part) || !Number.isSafeInteger(whole) || part < 0 || whole < 0) {
    throw new RangeError(`percent(${part}, ${whole}): non-negative safe integers only`);
  }
  return tenths(BigInt(part) * 100n, BigInt(whole));
}

export function figuresOf(actions: readonly ActionFigureInput[]): Figures {
  let counted = 0;
  let done = 0;
  let progressSum = 0;
  for (const a of actions) {
    if (a.status === 'dropped') continue;
    counted++;
    progressSum += a.progress;
    if (DONE_STATUSES.includes(a.status)) done++;
  }
  return figuresFromTotals({ counted, done, progressSum });
}

/**
 * The same figures from totals already summed (in SQL, src/modules/plan/figures-query.ts):
 * counted actions (not dropped), how many of them are done, and the sum of their progress.
 */
export function figuresFromTotals({ counted, done, progressSum }: { counted: number; done: number; progressSum: number }): Figures {
  return {
    progressRate: counted === 0 ? null : tenths(BigInt(progressSum), BigInt(counted)),
    completionRate: percent(done, counted),
    counted,
    done,
  };
}

/** The quarter a schedule entry is due in: Q1–Q4 as is; H1 → 2; H2 and FY → 4. */
export function entryQuarter(period: Period): Quarter {
  switch (period) {
    case 'H1':
      return 2;
    case 'H2':
    case 'FY':
      return 4;
    default:
      return Number(period.slice(1)) as Quarter;
  }
}

/** Orders (year, quarter) pairs: negative when a is earlier. */
const compareQuarters = (a: { year: number; quarter: number }, b: { year: number; quarter: number }) => a.year - b.year || a.quarter - b.quarter;

export interface PlanFigures {
  overall: Figures;
  byYear: ({ year: number } & Figures)[];
  byQuarter: ({ year: number; quarter: Quarter } & Figures)[];
}

/** The plan's figures overall, per year and per quarter (of the entries due then). */
export function rollUp(entries: readonly EntryFigureInput[]): PlanFigures {
  const years = new Map<number, ActionFigureInput[]>();
  const quarters = new Map<string, { year: number; quarter: Quarter; actions: ActionFigureInput[] }>();
  for (const e of entries) {
    const quarter = entryQuarter(e.period);
    if (!years.has(e.year)) years.set(e.year, []);
    years.get(e.year)!.push(...e.actions);
    const key = `${e.year}-${quarter}`;
    if (!quarters.has(key)) quarters.set(key, { year: e.year, quarter, actions: [] });
    quarters.get(key)!.actions.push(...e.actions);
  }
  return {
    overall: figuresOf(entries.flatMap((e) => e.actions)),
    byYear: [...years.entries()].sort(([a], [b]) => a - b).map(([year, actions]) => ({ year, ...figuresOf(actions) })),
    byQuarter: [...quarters.values()].sort(compareQuarters).map(({ year, quarter, actions }) => ({ year, quarter, ...figuresOf(actions) })),
  };
}

/** A quarterly report's three figures: the entries due that quarter, due up to it, and all. */
export function reportFigures(entries: readonly EntryFigureInput[], year: number, quarter: number) {
  const at = { year, quarter };
  const due = (e: EntryFigureInput) => compareQuarters({ year: e.year, quarter: entryQuarter(e.period) }, at);
  return {
    quarter: figuresOf(entries.filter((e) => due(e) === 0).flatMap((e) => e.actions)),
    cumulative: figuresOf(entries.filter((e) => due(e) <= 0).flatMap((e) => e.actions)),
    overall: figuresOf(entries.flatMap((e) => e.actions)),
  };
}

/** Progress from a measured figure: min(100, floor(measured / target × 100)), never below 0. */
export function measuredProgress(measured: number, targetCount: number): number {
  if (!(targetCount > 0) || !Number.isFinite(measured) || measured <= 0) return 0;
  return Math.min(100, Math.floor((measured * 100) / targetCount));
}

// ── Budget ledger (공약가계부) ─────────────────────────────────────────────────────────────

export interface LedgerLineInput {
  sourceLabel: string;
  year: number;
  plannedKrw: number;
  securedKrw: number;
}

export interface ExecutionInput {
  sourceLabel: string;
  year: number;
  amountKrw: number;
}

export interface LedgerAmounts {
  plannedKrw: number;
  securedKrw: number;
  executedKrw: number;
  /** executed / planned × 100, one decimal; null when nothing is planned. */
  executionRate: number | null;
}

/**
 * Stored money as shown: exact when it is a safe integer, else held at ±(2^53 − 1) — money a
 * plan may not hold (the importer and the ledger API refuse it), so a row written some other
 * way, or summed past 2^53, still shows instead of failing the page.
 */
export function shownWon(won: number | bigint): number {
  const n = typeof won === 'bigint' ? won : Number.isFinite(won) ? BigInt(Math.trunc(won)) : 0n;
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  return Number(n > max ? max : n < -max ? -max : n);
}

/** Exact sum of stored won amounts. */
export const sumWon = (xs: readonly (number | bigint)[]): bigint =>
  xs.reduce<bigint>((a, b) => a + (typeof b === 'bigint' ? b : Number.isFinite(b) ? BigInt(Math.trunc(b)) : 0n), 0n);

/**
 * executed / planned × 100 with one decimal, over exact sums; null when nothing is planned —
 * or when a stored amount is negative, which no import or ledger entry can produce: a rate over
 * it would mean nothing, and the page must still show.
 */
export function executionRate(executed: bigint, planned: bigint): number | null {
  if (planned <= 0n || executed < 0n) return null;
  return tenths(executed * 100n, planned);
}

const amounts = (planned: bigint, secured: bigint, executed: bigint): LedgerAmounts => ({
  plannedKrw: shownWon(planned),
  securedKrw: shownWon(secured),
  executedKrw: shownWon(executed),
  executionRate: executionRate(executed, planned),
});

/**
 * The ledger from the plan's within-term year lines (source × year) and the executions
 * booked against them: per line, per year, and in total.
 */
export function ledgerOf(lines: readonly LedgerLineInput[], executions: readonly ExecutionInput[]) {
  const executedFor = (sourceLabel: string | null, year: number | null) =>
    sumWon(executions.filter((x) => (sourceLabel === null || x.sourceLabel === sourceLabel) && (year === null || x.year === year)).map((x) => x.amountKrw));
  const years = [...new Set(lines.map((l) => l.year))].sort((a, b) => a - b);
  return {
    rows: lines.map((l) => ({ sourceLabel: l.sourceLabel, year: l.year, ...amounts(sumWon([l.plannedKrw]), sumWon([l.securedKrw]), executedFor(l.sourceLabel, l.year)) })),
    byYear: years.map((year) => {
      const ofYear = lines.filter((l) => l.year === year);
      return { year, ...amounts(sumWon(ofYear.map((l) => l.plannedKrw)), sumWon(ofYear.map((l) => l.securedKrw)), executedFor(null, year)) };
    }),
    totals: amounts(sumWon(lines.map((l) => l.plannedKrw)), sumWon(lines.map((l) => l.securedKrw)), executedFor(null, null)),
  };
}
