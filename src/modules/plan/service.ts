/** The plan module's service: the only code that writes or reads the plan tables. */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { inTransaction, rows, type Executor } from '../../db/executor.ts';
import { AppError, fieldError, notFound } from '../../server/errors.ts';
import { withJosa } from '../../server/korean.ts';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../audit/service.ts';
import { actionExplanations, actionUpdates, budgetExecutions, evidence, quarterReports } from './tracking-schema.ts';
import { actions, budgetLines, goals, phaseItems, phases, planContents, plans, scheduleEntries } from './schema.ts';
import type { StoredPlanBase } from './api-schema.ts';
import type { NormalizedPlan, PhaseItem } from './types.ts';
import { planSummaryView, storedPlanView } from './presenters.ts';

export interface PlanSummary {
  id: number;
  category: string;
  number: number;
  pledge: string;
  title: string;
  pledgeEn: string | null;
  titleEn: string | null;
  period: { start: number; end: number };
  totalBudgetKrw: number;
}

export interface ImportOptions {
  /** Replace a plan with the same category and number instead of refusing. */
  replace?: boolean;
  sourceText?: string;
  /** Who imports, for the audit trail (the system when absent: the seed on first start). */
  actor?: Actor;
}

export const planLabel = (p: { category: string; number: number }) => `${p.category} No. ${p.number}`;

/** Stores a normalized plan in one transaction; refuses a duplicate unless `replace`. */
export async function importPlan(db: Executor, plan: NormalizedPlan, opts: ImportOptions = {}): Promise<{ id: number; replaced: boolean }> {
  return inTransaction(db, async (tx) => {
    // Serialise imports of the same pledge so two concurrent imports cannot both insert.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`plan:${plan.category}:${plan.number}`}))`);
    const [existing] = await tx.select({ id: plans.id }).from(plans).where(sql`${plans.category} = ${plan.category} and ${plans.number} = ${plan.number}`);
    if (existing && !opts.replace) {
      throw new AppError('PLAN_EXISTS', {
        ko: `공약 ${withJosa(planLabel(plan), '이/가')} 이미 있습니다. 바꾸려면 교체를 선택하십시오(명령줄: --replace).`,
        en: `Plan ${planLabel(plan)} already exists. Choose replace to replace it (command line: --replace).`,
      });
    }
    if (existing && (await isRunning(tx, existing.id))) {
      throw new AppError('PLAN_RUNNING', {
        ko: `공약 ${withJosa(planLabel(plan), '은/는')} 이미 운영 중입니다(추진상황·증빙·집행·분기 보고 기록이 있음). 교체하면 기록이 사라지므로 교체할 수 없습니다. 개요는 수정 화면에서 고치십시오.`,
        en: `Plan ${planLabel(plan)} is already being run (it has progress, evidence, executions or quarter reports); replacing it would erase them, so it is refused. Edit its header instead.`,
      });
    }
    if (existing) await tx.delete(plans).where(eq(plans.id, existing.id));
    const id = await insertPlan(tx, plan, opts.sourceText);
    await recordAudit(tx, opts.actor ?? SYSTEM_ACTOR, {
      action: existing ? 'plan.replace' : 'plan.import',
      entity: 'plan',
      entityId: id,
      before: existing ? { id: existing.id, category: plan.category, number: plan.number } : null,
      after: { id, category: plan.category, number: plan.number, title: plan.title, warnings: plan.warnings },
    });
    return { id, replaced: Boolean(existing) };
  });
}

/**
 * True when the plan carries records of being run: any status, progress, owner or measure set on
 * an action, secured money, or any history, evidence, public explanation, execution or quarter report.
 */
async function isRunning(db: Executor, planId: number): Promise<boolean> {
  const found = await rows<{ running: boolean }>(
    db,
    sql`
    select (
      exists (select 1 from ${quarterReports} where ${quarterReports.planId} = ${planId})
      or exists (select 1 from ${budgetExecutions} where ${budgetExecutions.planId} = ${planId})
      or exists (select 1 from ${budgetLines} where ${budgetLines.planId} = ${planId} and ${budgetLines.securedKrw} <> 0)
      or exists (
        select 1 from ${actions} join ${scheduleEntries} on ${scheduleEntries.id} = ${actions.entryId}
        where ${scheduleEntries.planId} = ${planId}
          and (${actions.status} <> 'planned' or ${actions.progress} <> 0 or ${actions.ownerDepartmentId} is not null or ${actions.measureKey} is not null
               or exists (select 1 from ${actionUpdates} where ${actionUpdates.actionId} = ${actions.id})
               or exists (select 1 from ${evidence} where ${evidence.actionId} = ${actions.id})
               or exists (select 1 from ${actionExplanations} where ${actionExplanations.actionId} = ${actions.id}))
      )
    ) as running`,
  );
  return Boolean(found[0]?.running);
}

async function insertPlan(tx: Executor, plan: NormalizedPlan, sourceText: string | undefined): Promise<number> {
  const [row] = await tx
    .insert(plans)
    .values({
      category: plan.category,
      number: plan.number,
      pledge: plan.pledge,
      title: plan.title,
      periodStart: plan.period.start,
      periodEnd: plan.period.end,
      totalBudgetKrw: plan.totalBudgetKrw,
      budgetUnit: plan.budget.unit,
      budgetYears: plan.budget.years,
      effects: plan.effects,
      importWarnings: plan.warnings,
      sourceText: sourceText ?? null,
    })
    .returning({ id: plans.id });
  const planId = row!.id;

  if (plan.contents.length > 0) {
    await tx.insert(planContents).values(plan.contents.map((c, position) => ({ planId, position, ...c })));
  }
  const lines = plan.budget.rows.flatMap((r, position) => {
    const base = { planId, source: r.source, sourceLabel: r.sourceLabel, position };
    return [
      { ...base, kind: 'prior' as const, year: null, plannedKrw: r.priorKrw },
      ...Object.entries(r.yearsKrw).map(([year, krw]) => ({ ...base, kind: 'year' as const, year: Number(year), plannedKrw: krw })),
      ...(r.afterKrw === null ? [] : [{ ...base, kind: 'after' as const, year: null, plannedKrw: r.afterKrw }]),
    ];
  });
  if (lines.length > 0) await tx.insert(budgetLines).values(lines);

  for (const [position, phase] of plan.phases.entries()) {
    const [p] = await tx
      .insert(phases)
      .values({ planId, position, name: phase.name, startMonth: phase.start, endMonth: phase.end, notes: phase.notes })
      .returning({ id: phases.id });
    await insertItems(tx, p!.id, null, phase.items);
  }
  for (const [position, entry] of plan.schedule.entries()) {
    const [e] = await tx.insert(scheduleEntries).values({ planId, position, year: entry.year, period: entry.period }).returning({ id: scheduleEntries.id });
    const entryId = e!.id;
    if (entry.goals.length > 0) await tx.insert(goals).values(entry.goals.map((text, i) => ({ entryId, position: i, text })));
    if (entry.actions.length > 0) {
      await tx
        .insert(actions)
        .values(entry.actions.map((a, i) => ({ entryId, position: i, text: a.text, targetCount: a.target?.count ?? null, targetUnit: a.target?.unit ?? null })));
    }
  }
  return planId;
}

async function insertItems(tx: Executor, phaseId: number, parentId: number | null, items: PhaseItem[]): Promise<void> {
  for (const [position, item] of items.entries()) {
    const [row] = await tx.insert(phaseItems).values({ phaseId, parentId, position, text: item.text }).returning({ id: phaseItems.id });
    await insertItems(tx, phaseId, row!.id, item.children);
  }
}

export async function countPlans(db: Executor): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(plans);
  return row!.n;
}

export async function listPlans(db: Executor): Promise<PlanSummary[]> {
  const rows = await db.select().from(plans).orderBy(asc(plans.category), asc(plans.number));
  return rows.map(planSummaryView);
}

export type PlanRow = typeof plans.$inferSelect;
export type EntryRow = typeof scheduleEntries.$inferSelect;
export type ActionRow = typeof actions.$inferSelect;
export type BudgetLineRow = typeof budgetLines.$inferSelect;

/** The stored plan in the normalized shape with ids, and the rows the tracking views build on. */
export interface LoadedPlan {
  row: PlanRow;
  plan: StoredPlanBase;
  entries: EntryRow[];
  actions: ActionRow[];
  lines: BudgetLineRow[];
}

/** Loads a plan: a fixed handful of queries, whatever the size. Pass a transaction to read inside it. */
export async function loadPlan(db: Executor, id: number): Promise<LoadedPlan> {
  const [p] = await db.select().from(plans).where(eq(plans.id, id));
  if (!p) throw notFound({ ko: `공약 실천계획 ${id}`, en: `Plan ${id}` });

  const [contents, lines, phaseRows, entryRows] = await Promise.all([
    db.select().from(planContents).where(eq(planContents.planId, id)).orderBy(asc(planContents.position)),
    db.select().from(budgetLines).where(eq(budgetLines.planId, id)).orderBy(asc(budgetLines.position), asc(budgetLines.year)),
    db.select().from(phases).where(eq(phases.planId, id)).orderBy(asc(phases.position)),
    db.select().from(scheduleEntries).where(eq(scheduleEntries.planId, id)).orderBy(asc(scheduleEntries.position)),
  ]);
  const phaseIds = phaseRows.map((r) => r.id);
  const entryIds = entryRows.map((r) => r.id);
  const [itemRows, goalRows, actionRows] = await Promise.all([
    phaseIds.length ? db.select().from(phaseItems).where(inArray(phaseItems.phaseId, phaseIds)).orderBy(asc(phaseItems.position)) : [],
    entryIds.length ? db.select().from(goals).where(inArray(goals.entryId, entryIds)).orderBy(asc(goals.position)) : [],
    entryIds.length ? db.select().from(actions).where(inArray(actions.entryId, entryIds)).orderBy(asc(actions.position)) : [],
  ]);

  const plan = storedPlanView(p, { contents, lines, phaseRows, itemRows, entryRows, goalRows, actionRows });
  return { row: p, plan, entries: entryRows, actions: actionRows, lines };
}

export interface PlanPatch {
  pledge?: string;
  title?: string;
  category?: string;
  number?: number;
  period?: { start: number; end: number };
  effects?: string[];
}

const headerOf = (p: PlanRow) => ({
  pledge: p.pledge,
  title: p.title,
  category: p.category,
  number: p.number,
  period: { start: p.periodStart, end: p.periodEnd },
  effects: p.effects,
});

/** Edits a plan's header (pledge, title, category and number, period, expected effects), audited. */
export async function updatePlan(db: Executor, actor: Actor, id: number, patch: PlanPatch): Promise<void> {
  if (patch.period && patch.period.start > patch.period.end) {
    throw new AppError('VALIDATION_FAILED', { ko: '사업기간이 올바르지 않습니다.', en: 'The period is invalid.' }, [
      fieldError('period.end', '끝 연도는 시작 연도보다 앞설 수 없습니다.', 'The end year cannot be before the start year.'),
    ]);
  }
  await inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(plans).where(eq(plans.id, id)).for('update');
    if (!before) throw notFound({ ko: `공약 실천계획 ${id}`, en: `Plan ${id}` });
    const category = patch.category ?? before.category;
    const number = patch.number ?? before.number;
    if (category !== before.category || number !== before.number) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`plan:${category}:${number}`}))`);
      const [clash] = await tx.select({ id: plans.id }).from(plans).where(sql`${plans.category} = ${category} and ${plans.number} = ${number} and ${plans.id} <> ${id}`);
      if (clash) {
        throw new AppError(
          'PLAN_EXISTS',
          { ko: `공약 ${withJosa(planLabel({ category, number }), '이/가')} 이미 있습니다.`, en: `Plan ${planLabel({ category, number })} already exists.` },
          [fieldError('number', '같은 분야와 번호의 공약이 이미 있습니다.', 'A plan with this category and number exists.')],
        );
      }
    }
    const [after] = await tx
      .update(plans)
      .set({
        ...(patch.pledge !== undefined ? { pledge: patch.pledge } : {}),
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        category,
        number,
        ...(patch.period ? { periodStart: patch.period.start, periodEnd: patch.period.end } : {}),
        ...(patch.effects !== undefined ? { effects: patch.effects } : {}),
        updatedAt: new Date(),
      })
      .where(eq(plans.id, id))
      .returning();
    await recordAudit(tx, actor, { action: 'plan.update', entity: 'plan', entityId: id, before: headerOf(before), after: headerOf(after!) });
  });
}
