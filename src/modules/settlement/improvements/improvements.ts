/**
 * The departments' settlement improvement items (부서별 추진내용: 교통 노선, 통근버스, 주거 지원 …)
 * with their status, checked each quarter (분기별 점검): a check records the quarter's status and
 * note (one per item and quarter; checking again the same quarter corrects it) and sets the item's
 * status. Registers the plan measure "improvement items done".
 */
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { AppError, notFound } from '../../../server/errors.ts';
import { departments } from '../../accounts/schema.ts';
import type { SessionUser } from '../../accounts/service.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { registerMeasure } from '../../plan/measures.ts';
import { improvementView } from '../presenters.ts';
import { improvementChecks, type IMPROVEMENT_KINDS, type IMPROVEMENT_STATUSES, settlementImprovements } from '../schema.ts';

// The plan's "정주여건 개선 내용 점검": improvement items done in the period.
registerMeasure({
  key: 'settlement.improvements_done',
  label: { ko: '정주여건 개선 과제 완료 건수', en: 'Settlement improvement items done' },
  unit: '건',
  measure: async (db, { from, to }) => {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(settlementImprovements)
      .where(and(eq(settlementImprovements.status, 'done'), gte(settlementImprovements.doneAt, from), lt(settlementImprovements.doneAt, to)));
    return Number(row!.n);
  },
});

type Status = (typeof IMPROVEMENT_STATUSES)[number];

async function requireDepartment(db: Executor, id: number) {
  const [d] = await db.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.id, id));
  if (!d) throw notFound({ ko: `부서 ${id}`, en: `Department ${id}` });
  return d;
}

export async function listImprovements(db: Executor) {
  const rows = await db
    .select({ r: settlementImprovements, department: departments.name })
    .from(settlementImprovements)
    .leftJoin(departments, eq(departments.id, settlementImprovements.departmentId))
    .orderBy(asc(settlementImprovements.id));
  const ids = rows.map(({ r }) => r.id);
  const checks = ids.length
    ? await db.select().from(improvementChecks).where(inArray(improvementChecks.improvementId, ids)).orderBy(asc(improvementChecks.year), asc(improvementChecks.quarter))
    : [];
  return {
    items: rows.map(({ r, department }) =>
      improvementView(
        r,
        department,
        checks.filter((c) => c.improvementId === r.id),
      ),
    ),
  };
}

async function oneView(db: Executor, id: number) {
  const item = (await listImprovements(db)).items.find((i) => i.id === id);
  if (!item) throw notFound({ ko: `개선 과제 ${id}`, en: `Improvement item ${id}` });
  return item;
}

export async function createImprovement(
  db: Executor,
  actor: Actor,
  input: { kind: (typeof IMPROVEMENT_KINDS)[number]; title: string; titleEn?: string | undefined; departmentId?: number | null | undefined },
) {
  return inTransaction(db, async (tx) => {
    if (input.departmentId) await requireDepartment(tx, input.departmentId);
    const [r] = await tx
      .insert(settlementImprovements)
      .values({ kind: input.kind, titleKo: input.title, titleEn: input.titleEn ?? null, departmentId: input.departmentId ?? null })
      .returning();
    await recordAudit(tx, actor, { action: 'settlement.improvement.create', entity: 'settlement_improvement', entityId: r!.id, after: input });
    return oneView(tx, r!.id);
  });
}

/** The quarter's check of an item; officers check only their department's items. */
export async function checkImprovement(
  db: Executor,
  actor: Actor,
  user: SessionUser,
  id: number,
  input: { year: number; quarter: number; status: Status; note?: string | undefined },
  now = new Date(),
) {
  return inTransaction(db, async (tx) => {
    const [r] = await tx.select().from(settlementImprovements).where(eq(settlementImprovements.id, id)).for('update');
    if (!r) throw notFound({ ko: `개선 과제 ${id}`, en: `Improvement item ${id}` });
    if (user.role === 'officer' && (user.departmentId === null || user.departmentId !== r.departmentId)) {
      throw new AppError('OTHER_DEPARTMENT', { ko: '다른 부서의 개선 과제입니다.', en: 'This improvement item belongs to another department.' });
    }
    await tx
      .insert(improvementChecks)
      .values({ improvementId: id, year: input.year, quarter: input.quarter, status: input.status, note: input.note ?? null, checkedBy: user.id, checkedAt: now })
      .onConflictDoUpdate({
        target: [improvementChecks.improvementId, improvementChecks.year, improvementChecks.quarter],
        set: { status: input.status, note: input.note ?? null, checkedBy: user.id, checkedAt: now },
      });
    const doneAt = input.status === 'done' ? (r.doneAt ?? now) : null;
    await tx.update(settlementImprovements).set({ status: input.status, doneAt }).where(eq(settlementImprovements.id, id));
    await recordAudit(tx, actor, { action: 'settlement.improvement.check', entity: 'settlement_improvement', entityId: id, before: { status: r.status }, after: input });
    return oneView(tx, id);
  });
}
