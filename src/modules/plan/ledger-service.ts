/**
 * The pledge budget ledger (공약가계부): per funding source and year within the term, planned
 * (from the plan), secured (entered) and executed (the sum of executions booked with date,
 * amount and description). Writes are one transaction each, audited.
 */
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../db/executor.ts';
import { AppError, fieldError, invalidFields, notFound } from '../../server/errors.ts';
import { josa } from '../../server/korean.ts';
import { users } from '../accounts/schema.ts';
import type { SessionUser } from '../accounts/service.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import type { Execution, Ledger } from './ledger-api-schema.ts';
import { executionView, ledgerView } from './presenters.ts';
import { budgetLines, plans } from './schema.ts';
import { isCalendarDate } from './seoul-time.ts';
import { budgetExecutions } from './tracking-schema.ts';

const invalid = invalidFields;

async function requirePlan(db: Executor, planId: number, lock = false) {
  const q = db.select({ id: plans.id }).from(plans).where(eq(plans.id, planId));
  const [p] = lock ? await q.for('update') : await q;
  if (!p) throw notFound({ ko: `공약 실천계획 ${planId}`, en: `Plan ${planId}` });
}

/** The within-term budget line of a source and year, or a 400 naming what does not match. */
async function requireYearLine(db: Executor, planId: number, sourceLabel: string, year: number, lock = false) {
  const lines = await db
    .select()
    .from(budgetLines)
    .where(and(eq(budgetLines.planId, planId), eq(budgetLines.kind, 'year')));
  const line = lines.find((l) => l.sourceLabel === sourceLabel && l.year === year);
  if (!line) {
    const sources = [...new Set(lines.map((l) => l.sourceLabel))];
    const years = [...new Set(lines.map((l) => l.year!))].sort();
    throw invalid(
      !sources.includes(sourceLabel)
        ? [
            {
              field: 'sourceLabel',
              message: { ko: `이 공약의 재원이 아닙니다. 재원: ${sources.join(', ')}`, en: `Not a funding source of this plan. Sources: ${sources.join(', ')}` },
            },
          ]
        : [{ field: 'year', message: { ko: `임기 내 예산 연도가 아닙니다: ${years.join(', ')}`, en: `Not a budget year within the term: ${years.join(', ')}` } }],
    );
  }
  if (lock) await db.select({ id: budgetLines.id }).from(budgetLines).where(eq(budgetLines.id, line.id)).for('update');
  return line;
}

/** Marks the ledger changed now: the 기준일 (as-of date) of the public budget figures. */
const touchLedger = (tx: Executor, planId: number) => tx.update(plans).set({ ledgerUpdatedAt: new Date() }).where(eq(plans.id, planId));

async function listExecutions(db: Executor, planId: number): Promise<Execution[]> {
  const rows = await db
    .select({ x: budgetExecutions, by: { id: users.id, email: users.email, name: users.name } })
    .from(budgetExecutions)
    .leftJoin(users, eq(users.id, budgetExecutions.createdBy))
    .where(eq(budgetExecutions.planId, planId))
    .orderBy(asc(budgetExecutions.executedOn), asc(budgetExecutions.id));
  return rows.map(({ x, by }) => executionView(x, by && by.id !== null ? by : null));
}

export async function getLedger(db: Executor, planId: number): Promise<Ledger> {
  await requirePlan(db, planId);
  const [lines, executions] = await Promise.all([
    db
      .select()
      .from(budgetLines)
      .where(and(eq(budgetLines.planId, planId), eq(budgetLines.kind, 'year')))
      .orderBy(asc(budgetLines.position), asc(budgetLines.year)),
    listExecutions(db, planId),
  ]);
  return ledgerView(lines, executions);
}

/** Sets the money secured (확보액) for a source and year. */
export async function setSecured(db: Executor, actor: Actor, planId: number, input: { sourceLabel: string; year: number; securedKrw: number }): Promise<Ledger> {
  await inTransaction(db, async (tx) => {
    await requirePlan(tx, planId);
    const line = await requireYearLine(tx, planId, input.sourceLabel, input.year, true);
    await tx.update(budgetLines).set({ securedKrw: input.securedKrw }).where(eq(budgetLines.id, line.id));
    await touchLedger(tx, planId);
    await recordAudit(tx, actor, {
      action: 'ledger.secured',
      entity: 'plan',
      entityId: planId,
      before: { sourceLabel: line.sourceLabel, year: line.year, securedKrw: line.securedKrw },
      after: { sourceLabel: line.sourceLabel, year: line.year, securedKrw: input.securedKrw },
    });
  });
  return getLedger(db, planId);
}

export interface ExecutionInput {
  sourceLabel: string;
  year: number;
  executedOn: string;
  amountKrw: number;
  description: string;
}

/** The explicit override of the secured money: sent with a booking or a correction, never stored on the row. */
export interface SecuredOverrideInput {
  /** True: book it although the executions then pass the money secured (needs `overrideReason`). */
  exceedSecured?: boolean;
  overrideReason?: string;
}

/** What the audit row keeps when the secured money was passed on purpose. */
interface SecuredOverride {
  reason: string;
  securedKrw: number;
  executedBeforeKrw: number;
  executedAfterKrw: number;
}

const won = (n: number) => `${n.toLocaleString('ko-KR')}원`;
const wonEn = (n: number) => `KRW ${n.toLocaleString('en-US')}`;

/**
 * The checks every execution passes, booked or edited: a calendar date inside the budget year
 * it is booked to (Seoul dates), a within-term budget line of its source and year, and — when
 * it adds money to the line — the line's executions not passing the money secured for it,
 * unless the caller overrides explicitly with a reason (returned, for the audit row). The
 * budget line's row is locked first, so two bookings cannot both pass the check.
 * `excludeId`: the execution being corrected (its old amount does not count).
 */
async function checkExecution(
  tx: Executor,
  planId: number,
  input: ExecutionInput & SecuredOverrideInput,
  opts: { excludeId?: number; addsMoney?: boolean } = {},
): Promise<SecuredOverride | null> {
  if (!isCalendarDate(input.executedOn)) {
    throw invalid([{ field: 'executedOn', message: { ko: '없는 날짜입니다(YYYY-MM-DD).', en: 'Not a calendar date (YYYY-MM-DD).' } }]);
  }
  const line = await requireYearLine(tx, planId, input.sourceLabel, input.year, true);
  if (!input.executedOn.startsWith(`${input.year}-`)) {
    throw new AppError(
      'EXECUTION_OUTSIDE_YEAR',
      {
        ko: `집행일은 예산 연도(${input.year}년) 안이어야 합니다: ${input.year}-01-01 ~ ${input.year}-12-31.`,
        en: `The execution date must fall in its budget year ${input.year}: ${input.year}-01-01 to ${input.year}-12-31.`,
      },
      [fieldError('executedOn', `${input.year}년 안의 날짜를 입력하십시오(지금 ${input.executedOn}).`, `Enter a date in ${input.year} (not ${input.executedOn}).`)],
    );
  }
  if (opts.addsMoney === false) return null;
  const [sum] = await tx
    .select({ executed: sql<string>`coalesce(sum(${budgetExecutions.amountKrw}), 0)::text` })
    .from(budgetExecutions)
    .where(
      and(
        eq(budgetExecutions.planId, planId),
        eq(budgetExecutions.sourceLabel, line.sourceLabel),
        eq(budgetExecutions.year, input.year),
        opts.excludeId === undefined ? undefined : ne(budgetExecutions.id, opts.excludeId),
      ),
    );
  const before = Number(sum?.executed ?? 0);
  const after = before + input.amountKrw;
  if (after <= line.securedKrw) return null;
  if (!input.exceedSecured) {
    const left = Math.max(0, line.securedKrw - before);
    throw new AppError(
      'EXECUTION_EXCEEDS_SECURED',
      {
        ko: `${line.sourceLabel} ${input.year}년 확보액 ${won(line.securedKrw)} 중 ${won(before)}${josa(won(before), '이/가')} 이미 집행되어 ${won(left)}만 남았습니다. 확보액을 넘겨 집행하려면 '확보액 초과 집행'을 선택하고 사유를 입력하십시오.`,
        en: `Of the ${wonEn(line.securedKrw)} secured for ${line.sourceLabel} ${input.year}, ${wonEn(before)} is executed and ${wonEn(left)} is left. To execute beyond the secured money, tick the override and give a reason.`,
      },
      [fieldError('amountKrw', `남은 확보액(${won(left)})보다 많습니다.`, `More than the secured money left (${wonEn(left)}).`)],
    );
  }
  const reason = input.overrideReason?.trim() ?? '';
  if (!reason)
    throw invalid([{ field: 'overrideReason', message: { ko: '확보액 초과 집행의 사유를 입력하십시오.', en: 'Give the reason for executing beyond the secured money.' } }]);
  return { reason, securedKrw: line.securedKrw, executedBeforeKrw: before, executedAfterKrw: after };
}

/** Books money executed against a source and year. */
export async function addExecution(db: Executor, actor: Actor, user: SessionUser, planId: number, input: ExecutionInput & SecuredOverrideInput): Promise<Execution> {
  return inTransaction(db, async (tx) => {
    await requirePlan(tx, planId);
    const override = await checkExecution(tx, planId, input);
    const { sourceLabel, year, executedOn, amountKrw } = input;
    const [row] = await tx
      .insert(budgetExecutions)
      .values({ planId, sourceLabel, year, executedOn, amountKrw, description: input.description.trim(), createdBy: user.id })
      .returning();
    await touchLedger(tx, planId);
    const view = executionView(row!, { id: user.id, email: user.email, name: user.name });
    await recordAudit(tx, actor, { action: 'execution.create', entity: 'execution', entityId: row!.id, after: { planId, ...view, ...(override ? { override } : {}) } });
    return view;
  });
}

/** Corrects an execution (date, source, year, amount, description); the merged row passes the same checks. */
export async function updateExecution(db: Executor, actor: Actor, id: number, patch: Partial<ExecutionInput> & SecuredOverrideInput): Promise<Execution> {
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(budgetExecutions).where(eq(budgetExecutions.id, id)).for('update');
    if (!before) throw notFound({ ko: `집행 내역 ${id}`, en: `Execution ${id}` });
    const merged: ExecutionInput = {
      sourceLabel: patch.sourceLabel ?? before.sourceLabel,
      year: patch.year ?? before.year,
      executedOn: patch.executedOn ?? before.executedOn,
      amountKrw: patch.amountKrw ?? before.amountKrw,
      description: (patch.description ?? before.description).trim(),
    };
    // Only a correction that adds money to a line (more, or moved to another source or year) meets the secured check.
    const addsMoney = merged.sourceLabel !== before.sourceLabel || merged.year !== before.year || merged.amountKrw > before.amountKrw;
    const override = await checkExecution(tx, before.planId, { ...merged, exceedSecured: patch.exceedSecured, overrideReason: patch.overrideReason }, { excludeId: id, addsMoney });
    const [row] = await tx.update(budgetExecutions).set(merged).where(eq(budgetExecutions.id, id)).returning();
    const [by] = row!.createdBy === null ? [] : await tx.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.id, row!.createdBy));
    const view = executionView(row!, by ?? null);
    await recordAudit(tx, actor, {
      action: 'execution.update',
      entity: 'execution',
      entityId: id,
      before: { planId: before.planId, ...executionView(before, by ?? null) },
      after: { ...view, ...(override ? { override } : {}) },
    });
    return view;
  });
}

export async function deleteExecution(db: Executor, actor: Actor, id: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const [row] = await tx.select().from(budgetExecutions).where(eq(budgetExecutions.id, id)).for('update');
    if (!row) throw notFound({ ko: `집행 내역 ${id}`, en: `Execution ${id}` });
    await tx.delete(budgetExecutions).where(eq(budgetExecutions.id, id));
    await touchLedger(tx, row.planId);
    await recordAudit(tx, actor, { action: 'execution.delete', entity: 'execution', entityId: id, before: { planId: row.planId, ...executionView(row, null) } });
  });
}
