/**
 * Pre/post assessment scores (staff), and the course evaluation (교육평가): sent once to the
 * cohort's selected trainees (a fresh status link each, as the academy survey does), answered once
 * by each through their link, and summed up per cohort.
 */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Executor } from '../../db/executor.ts';
import { invalidFields } from '../../server/errors.ts';
import { hashToken, randomToken } from '../../server/tokens.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import type { EvaluationBody, EvaluationResultsSchema, ScoresBody } from './api-schema.ts';
import { applicationByTokenRow, listApplications, statusLink } from './applications.ts';
import { cohortWithCourse, conflict, requireCohort, tellTrainee, type TrainingContext } from './common.ts';
import { trainingApplications, trainingCohorts, trainingEvaluations } from './schema.ts';

export async function recordScores(db: Executor, actor: Actor, cohortId: number, body: z.infer<typeof ScoresBody>) {
  await inTransaction(db, async (tx) => {
    await requireCohort(tx, cohortId);
    const ids = body.items.map((i) => i.applicationId);
    const rows = await tx
      .select()
      .from(trainingApplications)
      .where(and(eq(trainingApplications.cohortId, cohortId), eq(trainingApplications.status, 'selected'), inArray(trainingApplications.id, ids)))
      .for('update');
    const byId = new Map(rows.map((r) => [r.id, r]));
    const wrong = body.items.flatMap((it, i) =>
      byId.has(it.applicationId)
        ? []
        : [{ field: `items.${i}.applicationId`, message: { ko: '이 기수의 선발된 교육생이 아닙니다.', en: 'Not a selected trainee of this cohort.' } }],
    );
    if (wrong.length) throw invalidFields(wrong);
    for (const it of body.items) {
      const before = byId.get(it.applicationId)!;
      const set = { ...(it.pre !== undefined ? { preScore: it.pre } : {}), ...(it.post !== undefined ? { postScore: it.post } : {}) };
      if (!Object.keys(set).length) continue;
      await tx.update(trainingApplications).set(set).where(eq(trainingApplications.id, before.id));
      await recordAudit(tx, actor, {
        action: 'training.assessment.record',
        entity: 'training_application',
        entityId: before.id,
        before: { pre: before.preScore, post: before.postScore },
        after: { pre: it.pre !== undefined ? it.pre : before.preScore, post: it.post !== undefined ? it.post : before.postScore },
      });
    }
  });
  return listApplications(db, cohortId);
}

/** Sends the evaluation to every selected trainee, once; each gets a new status link (the old one stops working). */
export async function sendEvaluation(db: Executor, ctx: TrainingContext, actor: Actor, cohortId: number, now = new Date()) {
  return inTransaction(db, async (tx) => {
    const { cohort, course } = await cohortWithCourse(tx, cohortId, true);
    if (cohort.evaluationSentAt) throw conflict('SURVEY_ALREADY_SENT', '교육평가를 이미 보냈습니다.', 'The evaluation has already been sent.');
    const trainees = await tx
      .select()
      .from(trainingApplications)
      .where(and(eq(trainingApplications.cohortId, cohortId), eq(trainingApplications.status, 'selected'), isNotNull(trainingApplications.phone)));
    const link = statusLink(ctx);
    for (const a of trainees) {
      const token = randomToken();
      await tx
        .update(trainingApplications)
        .set({ tokenHash: hashToken(token) })
        .where(eq(trainingApplications.id, a.id));
      await tellTrainee(
        tx,
        a,
        'training.evaluation',
        `[금융전문인력 양성] ${course.titleKo} ${cohort.name} 교육평가 안내`,
        `${a.name} 님, ${course.titleKo} ${cohort.name} 교육평가에 참여해 주십시오. 이 링크가 새 진행 상황 링크입니다: ${link}\n\n` +
          `Please evaluate ${course.titleEn} (${cohort.name}). This is your new status link: ${link}`,
        token,
      );
    }
    await tx.update(trainingCohorts).set({ evaluationSentAt: now }).where(eq(trainingCohorts.id, cohortId));
    await recordAudit(tx, actor, { action: 'training.evaluation.send', entity: 'training_cohort', entityId: cohortId, after: { queued: trainees.length } });
    return { queued: trainees.length };
  });
}

export async function answerEvaluation(db: Executor, actor: Actor, token: string, body: z.infer<typeof EvaluationBody>) {
  return inTransaction(db, async (tx) => {
    const a = await applicationByTokenRow(tx, token);
    const cohort = await requireCohort(tx, a.cohortId);
    if (!cohort.evaluationSentAt || a.status !== 'selected') throw conflict('EVALUATION_NOT_OPEN', '교육평가가 아직 열리지 않았습니다.', 'The course evaluation is not open.');
    const [done] = await tx.select({ id: trainingEvaluations.id }).from(trainingEvaluations).where(eq(trainingEvaluations.applicationId, a.id));
    if (done) throw conflict('EVALUATION_ALREADY_ANSWERED', '교육평가에 이미 응답했습니다.', 'You have already answered the evaluation.');
    const [e] = await tx
      .insert(trainingEvaluations)
      .values({
        applicationId: a.id,
        overall: body.overall,
        content: body.content,
        instructor: body.instructor,
        jobRelevance: body.jobRelevance,
        comment: body.comment?.trim() || null,
      })
      .onConflictDoNothing()
      .returning();
    if (!e) throw conflict('EVALUATION_ALREADY_ANSWERED', '교육평가에 이미 응답했습니다.', 'You have already answered the evaluation.');
    await recordAudit(tx, actor, { action: 'training.evaluation.answer', entity: 'training_application', entityId: a.id, after: { overall: e.overall } });
    return { id: e.id, overall: e.overall };
  });
}

const mean2 = (xs: number[]) => (xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 100) / 100 : null);

export async function evaluationResults(db: Executor, cohortId: number): Promise<z.infer<typeof EvaluationResultsSchema>> {
  await requireCohort(db, cohortId);
  const invited = await db
    .select({ id: trainingApplications.id })
    .from(trainingApplications)
    .where(and(eq(trainingApplications.cohortId, cohortId), eq(trainingApplications.status, 'selected')));
  const rows = await db
    .select({ e: trainingEvaluations })
    .from(trainingEvaluations)
    .innerJoin(trainingApplications, eq(trainingApplications.id, trainingEvaluations.applicationId))
    .where(eq(trainingApplications.cohortId, cohortId))
    .orderBy(asc(trainingEvaluations.id));
  const es = rows.map((r) => r.e);
  return {
    cohortId,
    invited: invited.length,
    responses: es.length,
    responseRate: invited.length ? Math.round((es.length * 1000) / invited.length) / 10 : null,
    averages: {
      overall: mean2(es.map((e) => e.overall)),
      content: mean2(es.map((e) => e.content)),
      instructor: mean2(es.map((e) => e.instructor)),
      jobRelevance: mean2(es.map((e) => e.jobRelevance)),
    },
    distribution: [1, 2, 3, 4, 5].map((rating) => ({ rating, count: es.filter((e) => e.overall === rating).length })),
    comments: es.flatMap((e) => (e.comment ? [e.comment] : [])),
  };
}
