/**
 * The staff dashboard's figures for every plan at once, summed in SQL instead of loading each
 * plan's full view: per plan, the 이행률/완료율 over all its actions and the budget executed vs
 * planned (within-term year lines). Same rules as figures.ts — the totals are summed by the
 * database and turned into rates by `figuresFromTotals` and `executionRate`, so the rounding is the
 * view's. Actions bound to a measure (a registered measure and a numeric target) are left out
 * of the SQL sums and resolved by `resolveProgress`, exactly as the plan view does; there are
 * only a few of them.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/executor.ts';
import { DONE_STATUSES, type Figures } from './figures.ts';
import { resolveProgress, type ProgressInput } from './measures.ts';
import { planFiguresView } from './presenters.ts';
import type { ActionStatus, Period } from './types.ts';

export interface PlanFiguresRow {
  id: number;
  category: string;
  number: number;
  pledge: string;
  title: string;
  figures: Figures;
  ledger: { plannedKrw: number; securedKrw: number; executedKrw: number; executionRate: number | null };
}

/** One plan's totals as the database sums them (numbers may come back as text). */
export interface PlanTotalsRow {
  id: number;
  category: string;
  number: number;
  pledge: string;
  title: string;
  counted: number;
  done: number;
  progress_sum: string | number;
  planned: string;
  secured: string;
  executed: string;
}

type Rows<T> = { rows: T[] };
const rowsOf = <T>(r: unknown) => (r as Rows<T>).rows;

/** Every plan (ordered as GET /api/plans) with its overall figures and ledger totals. */
export async function allPlanFigures(db: Executor): Promise<PlanFiguresRow[]> {
  const plansRows = rowsOf<PlanTotalsRow>(
    await db.execute(sql`
      with a as (
        select e.plan_id,
               count(*) filter (where a.status <> 'dropped')::int as counted,
               count(*) filter (where a.status in ('done', 'done_continuing'))::int as done,
               coalesce(sum(a.progress) filter (where a.status <> 'dropped'), 0)::bigint as progress_sum
          from actions a join schedule_entries e on e.id = a.entry_id
         where a.measure_key is null or a.target_count is null
         group by e.plan_id
      ), l as (
        select plan_id, sum(planned_krw)::text as planned, sum(secured_krw)::text as secured
          from budget_lines where kind = 'year' group by plan_id
      ), x as (
        select plan_id, sum(amount_krw)::text as executed from budget_executions group by plan_id
      )
      select p.id, p.category, p.number, p.pledge, p.title,
             coalesce(a.counted, 0) as counted, coalesce(a.done, 0) as done, coalesce(a.progress_sum, 0) as progress_sum,
             coalesce(l.planned, '0') as planned, coalesce(l.secured, '0') as secured, coalesce(x.executed, '0') as executed
        from plans p
        left join a on a.plan_id = p.id
        left join l on l.plan_id = p.id
        left join x on x.plan_id = p.id
       order by p.category, p.number`),
  );
  // Measure-bound actions: their progress is measured, not stored.
  const bound = rowsOf<{ id: number; plan_id: number; year: number; period: Period; measure_key: string; target_count: number; progress: number; status: ActionStatus }>(
    await db.execute(sql`
      select a.id, e.plan_id, e.year, e.period, a.measure_key, a.target_count, a.progress, a.status
        from actions a join schedule_entries e on e.id = a.entry_id
       where a.measure_key is not null and a.target_count is not null`),
  );
  const inputs: ProgressInput[] = bound.map((b) => ({
    planId: Number(b.plan_id),
    actionId: Number(b.id),
    year: Number(b.year),
    period: b.period,
    measureKey: b.measure_key,
    targetCount: Number(b.target_count),
    progress: Number(b.progress),
  }));
  const resolved = await resolveProgress(db, inputs);
  const extra = new Map<number, { counted: number; done: number; progressSum: number }>();
  for (const b of bound) {
    if (b.status === 'dropped') continue;
    const e = extra.get(Number(b.plan_id)) ?? { counted: 0, done: 0, progressSum: 0 };
    e.counted++;
    if (DONE_STATUSES.includes(b.status)) e.done++;
    e.progressSum += resolved.get(Number(b.id))!.progress;
    extra.set(Number(b.plan_id), e);
  }
  return plansRows.map((p) => planFiguresView(p, extra.get(Number(p.id)) ?? { counted: 0, done: 0, progressSum: 0 }));
}
