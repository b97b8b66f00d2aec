/** Classes for selected schools: scheduled (the school is told), then their results recorded. */
import { and, eq, inArray } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { notFound } from '../../../server/errors.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { classView } from '../school-presenters.ts';
import { schoolApplications, schoolClasses } from '../schema.ts';
import { conflict, requireApplication, tellSchool } from './common.ts';

const seoulDay = (d: string) => {
  const [y, m, day] = d.split('-');
  return `${Number(y)}년 ${Number(m)}월 ${Number(day)}일`;
};

export async function scheduleClass(db: Executor, actor: Actor, applicationId: number, body: { heldOn: string; lecturer: string; classes: number }) {
  return inTransaction(db, async (tx) => {
    const a = await requireApplication(tx, applicationId, true);
    if (a.status !== 'selected' && a.status !== 'scheduled' && a.status !== 'completed') {
      throw conflict('APPLICATION_NOT_SELECTED', '선정된 학교에만 수업 일정을 잡을 수 있습니다.', 'Only a selected school can have a class scheduled.');
    }
    const [c] = await tx.insert(schoolClasses).values({ applicationId, heldOn: body.heldOn, lecturer: body.lecturer, classes: body.classes }).returning();
    if (a.status === 'selected') await tx.update(schoolApplications).set({ status: 'scheduled' }).where(eq(schoolApplications.id, applicationId));
    await recordAudit(tx, actor, { action: 'school.class.schedule', entity: 'school_class', entityId: c!.id, after: c });
    await tellSchool(
      tx,
      a,
      'school.class_scheduled',
      `[찾아가는 금융학교] ${a.schoolName} 수업 일정 안내 (${body.heldOn})`,
      `${a.teacherName} 선생님, 찾아가는 금융학교 수업 일정을 알려 드립니다.\n` +
        `일자: ${seoulDay(body.heldOn)}\n강사: ${body.lecturer}\n수업: ${body.classes}개 학급\n\n` +
        `Visiting financial school class: ${body.heldOn}, lecturer ${body.lecturer}, ${body.classes} class(es).`,
    );
    return classView(c!);
  });
}

export async function recordClassResult(
  db: Executor,
  actor: Actor,
  classId: number,
  body: { studentsReached: number; notes?: string | undefined; evidenceUrl?: string | undefined },
  now = new Date(),
) {
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(schoolClasses).where(eq(schoolClasses.id, classId)).for('update');
    if (!before) throw notFound({ ko: `수업 ${classId}`, en: `Class ${classId}` });
    const [c] = await tx
      .update(schoolClasses)
      .set({
        studentsReached: body.studentsReached,
        ...(body.notes !== undefined ? { notes: body.notes || null } : {}),
        ...(body.evidenceUrl !== undefined ? { evidenceUrl: body.evidenceUrl } : {}),
        recordedAt: now,
      })
      .where(eq(schoolClasses.id, classId))
      .returning();
    await tx
      .update(schoolApplications)
      .set({ status: 'completed' })
      .where(and(eq(schoolApplications.id, before.applicationId), inArray(schoolApplications.status, ['selected', 'scheduled'])));
    await recordAudit(tx, actor, {
      action: 'school.class.record',
      entity: 'school_class',
      entityId: classId,
      before: { studentsReached: before.studentsReached, notes: before.notes, evidenceUrl: before.evidenceUrl },
      after: { studentsReached: c!.studentsReached, notes: c!.notes, evidenceUrl: c!.evidenceUrl },
    });
    return classView(c!);
  });
}
