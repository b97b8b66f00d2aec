/**
 * Staff handle feedback in order: received → assigned (to a department) → answered → closed.
 * The writer is told through the outbox at the answer. What the public board shows is approved
 * by a manager: the redaction proposed automatically (redact.ts), or their own edit of it.
 */
import { and, desc, eq, gte, isNotNull, lt, sql } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { ROLE_FORBIDDEN } from '../../../server/auth.ts';
import { AppError, notFound } from '../../../server/errors.ts';
import { departments } from '../../accounts/schema.ts';
import type { SessionUser } from '../../accounts/service.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { boardItem, staffFeedbackView } from '../presenters.ts';
import { registerMeasure } from '../../plan/measures.ts';
import { type FEEDBACK_STATUSES, settlementFeedback } from '../schema.ts';
import { departmentOf, type FeedbackRow, requireFeedback, tellWriter } from './common.ts';
import { redactText } from './redact.ts';

type Status = (typeof FEEDBACK_STATUSES)[number];

/** Feedback counts as answered in time when its answer came within this many days of its submission. */
export const ANSWER_WITHIN_DAYS = 14;

// The plan's "정주여건 의견 수렴 … 부서별 추진내용 점검": feedback submitted in the period and answered within ANSWER_WITHIN_DAYS days.
registerMeasure({
  key: 'settlement.feedback_answered_within_days',
  label: { ko: `정주여건 의견 ${ANSWER_WITHIN_DAYS}일 이내 답변 건수`, en: `Settlement feedback answered within ${ANSWER_WITHIN_DAYS} days` },
  unit: '건',
  measure: async (db, { from, to }) => {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(settlementFeedback)
      .where(
        and(
          gte(settlementFeedback.createdAt, from),
          lt(settlementFeedback.createdAt, to),
          isNotNull(settlementFeedback.answeredAt),
          sql`${settlementFeedback.answeredAt} <= ${settlementFeedback.createdAt} + ${ANSWER_WITHIN_DAYS} * interval '1 day'`,
        ),
      );
    return Number(row!.n);
  },
});

const outOfOrder = (now: Status, want: string) =>
  new AppError('FEEDBACK_STATUS_ORDER', {
    ko: `의견은 접수 → 배정 → 답변 → 종결 순서로 처리합니다(지금: ${now}, 필요: ${want}).`,
    en: `Feedback moves received → assigned → answered → closed (now: ${now}; needed: ${want}).`,
  });

async function staffView(db: Executor, r: FeedbackRow) {
  return staffFeedbackView(r, await departmentOf(db, r.departmentId));
}

export async function listStaffFeedback(db: Executor, status?: Status) {
  const rows = await db
    .select({ r: settlementFeedback, d: { id: departments.id, name: departments.name } })
    .from(settlementFeedback)
    .leftJoin(departments, eq(departments.id, settlementFeedback.departmentId))
    .where(status ? eq(settlementFeedback.status, status) : undefined)
    .orderBy(desc(settlementFeedback.createdAt), desc(settlementFeedback.id))
    .limit(500);
  return { items: rows.map(({ r, d }) => staffFeedbackView(r, d?.id ? d : null)) };
}

/** Officers answer and close only what is assigned to their department. */
function assertOwnDepartment(user: SessionUser, departmentId: number | null) {
  if (user.role === 'admin' || user.role === 'manager') return;
  if (user.role !== 'officer') throw new AppError('FORBIDDEN', ROLE_FORBIDDEN);
  if (user.departmentId === null || user.departmentId !== departmentId) {
    throw new AppError('OTHER_DEPARTMENT', { ko: '다른 부서에 배정된 의견입니다.', en: 'This feedback is assigned to another department.' });
  }
}

export async function assignFeedback(db: Executor, actor: Actor, id: number, departmentId: number) {
  return inTransaction(db, async (tx) => {
    const r = await requireFeedback(tx, id, true);
    if (r.status !== 'received' && r.status !== 'assigned') throw outOfOrder(r.status, 'received / assigned');
    const d = await departmentOf(tx, departmentId);
    if (!d) throw notFound({ ko: `부서 ${departmentId}`, en: `Department ${departmentId}` });
    const [next] = await tx.update(settlementFeedback).set({ status: 'assigned', departmentId, assignedAt: new Date() }).where(eq(settlementFeedback.id, id)).returning();
    await recordAudit(tx, actor, {
      action: 'settlement.feedback.assign',
      entity: 'settlement_feedback',
      entityId: id,
      before: { status: r.status, departmentId: r.departmentId },
      after: { status: 'assigned', departmentId },
    });
    return staffView(tx, next!);
  });
}

export async function answerFeedback(db: Executor, actor: Actor, user: SessionUser, id: number, text: string, now = new Date()) {
  return inTransaction(db, async (tx) => {
    const r = await requireFeedback(tx, id, true);
    assertOwnDepartment(user, r.departmentId);
    if (r.status !== 'assigned') throw outOfOrder(r.status, 'assigned');
    const [next] = await tx
      .update(settlementFeedback)
      .set({ status: 'answered', answerText: text, answeredAt: now, answeredBy: user.id })
      .where(eq(settlementFeedback.id, id))
      .returning();
    const d = await departmentOf(tx, r.departmentId);
    await tellWriter(
      tx,
      next!,
      'settlement.answered',
      `[전주시 정주여건 의견] 의견 ${id}번에 답변했습니다`,
      `남겨 주신 정주여건 의견에 ${d?.name ?? '담당 부서'}에서 답변했습니다.\n\n${text}\n\n처음 받으신 안내의 링크에서도 보실 수 있습니다.\n\n` +
        `${d?.name ?? 'The department'} has answered your settlement feedback (see above). The link in your first message shows it too.`,
    );
    await recordAudit(tx, actor, {
      action: 'settlement.feedback.answer',
      entity: 'settlement_feedback',
      entityId: id,
      before: { status: r.status },
      after: { status: 'answered', answer: text },
    });
    return staffView(tx, next!);
  });
}

export async function closeFeedback(db: Executor, actor: Actor, user: SessionUser, id: number) {
  return inTransaction(db, async (tx) => {
    const r = await requireFeedback(tx, id, true);
    assertOwnDepartment(user, r.departmentId);
    if (r.status !== 'answered') throw outOfOrder(r.status, 'answered');
    const [next] = await tx.update(settlementFeedback).set({ status: 'closed', closedAt: new Date() }).where(eq(settlementFeedback.id, id)).returning();
    await recordAudit(tx, actor, { action: 'settlement.feedback.close', entity: 'settlement_feedback', entityId: id, before: { status: r.status }, after: { status: 'closed' } });
    return staffView(tx, next!);
  });
}

/**
 * Publishes (or withdraws) an answered item on the public board: the text and answer shown are
 * the ones given, else the automatic redaction of the originals; either way a manager approved them.
 */
export async function publishFeedback(
  db: Executor,
  actor: Actor,
  user: SessionUser,
  id: number,
  input: { published: boolean; text?: string | undefined; answer?: string | undefined },
) {
  return inTransaction(db, async (tx) => {
    const r = await requireFeedback(tx, id, true);
    let set: Partial<FeedbackRow>;
    if (input.published) {
      if (r.answerText === null || (r.status !== 'answered' && r.status !== 'closed')) {
        throw new AppError('FEEDBACK_NOT_ANSWERED', { ko: '답변한 의견만 공개할 수 있습니다.', en: 'Only answered feedback can be published.' });
      }
      set = { publicText: input.text ?? redactText(r.text), publicAnswer: input.answer ?? redactText(r.answerText), publishedAt: new Date(), publishedBy: user.id };
    } else {
      set = { publicText: null, publicAnswer: null, publishedAt: null, publishedBy: null };
    }
    const [next] = await tx.update(settlementFeedback).set(set).where(eq(settlementFeedback.id, id)).returning();
    await recordAudit(tx, actor, {
      action: input.published ? 'settlement.feedback.publish' : 'settlement.feedback.unpublish',
      entity: 'settlement_feedback',
      entityId: id,
      before: { publicText: r.publicText, publicAnswer: r.publicAnswer },
      after: { publicText: set.publicText, publicAnswer: set.publicAnswer },
    });
    return staffView(tx, next!);
  });
}

/** The public board: published items only, newest first. */
export async function feedbackBoard(db: Executor) {
  const rows = await db
    .select({ r: settlementFeedback, department: departments.name })
    .from(settlementFeedback)
    .leftJoin(departments, eq(departments.id, settlementFeedback.departmentId))
    .where(isNotNull(settlementFeedback.publishedAt))
    .orderBy(desc(settlementFeedback.publishedAt), desc(settlementFeedback.id))
    .limit(200);
  return { items: rows.map(({ r, department }) => boardItem(r, department)) };
}

/** The photo of a feedback item, for staff. */
export async function feedbackPhoto(db: Executor, id: number) {
  const r = await requireFeedback(db, id);
  if (!r.photoSha256 || !r.photoMimeType) throw notFound({ ko: `의견 ${id}의 사진`, en: `The photo of feedback ${id}` });
  return { id: r.id, sha256: r.photoSha256, mimeType: r.photoMimeType };
}
