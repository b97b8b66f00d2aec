/** An event's own registration questions, and checking the answers (country codes included). */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { AppError, invalidFields as invalid, notFound, type FieldError } from '../../../server/errors.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import type { QuestionBody, QuestionPatchBody } from '../attendee-api-schema.ts';
import { loadEvent } from '../core/event-row.ts';
import { questionView, type QuestionView } from '../presenters.ts';
import { eventQuestions, eventRegistrations } from '../schema.ts';

type QuestionRow = typeof eventQuestions.$inferSelect;

// Countries (ISO 3166-1 alpha-2), checked against the region names the runtime knows.

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'ZZ', 'QO', 'XA', 'XB', 'XK']);
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return false;
  try {
    const name = regionNames.of(code);
    return !!name && name !== code && name !== 'Unknown Region';
  } catch {
    return false;
  }
}

export async function listQuestions(db: Executor, eventId: number): Promise<QuestionView[]> {
  return (await db.select().from(eventQuestions).where(eq(eventQuestions.eventId, eventId)).orderBy(asc(eventQuestions.position), asc(eventQuestions.id))).map(questionView);
}

/** A choice question has options, other kinds none. */
function checkOptions(kind: QuestionRow['kind'], options: QuestionRow['options'] | undefined) {
  if (kind === 'choice' && !options?.length) throw invalid([{ field: 'options', message: { ko: '선택형 질문에는 보기가 필요합니다.', en: 'A choice question needs options.' } }]);
  if (kind !== 'choice' && options) throw invalid([{ field: 'options', message: { ko: '보기는 선택형 질문에만 있습니다.', en: 'Only choice questions have options.' } }]);
  const values = (options ?? []).map((o) => o.value);
  if (new Set(values).size !== values.length) throw invalid([{ field: 'options', message: { ko: '보기 값이 겹칩니다.', en: 'Two options have the same value.' } }]);
}

export async function createQuestion(db: Executor, actor: Actor, eventId: number, input: z.infer<typeof QuestionBody>): Promise<QuestionView> {
  checkOptions(input.kind, input.options);
  return inTransaction(db, async (tx) => {
    await loadEvent(tx, eventId);
    const [q] = await tx
      .insert(eventQuestions)
      .values({
        eventId,
        kind: input.kind,
        labelKo: input.label.ko,
        labelEn: input.label.en ?? null,
        required: input.required ?? false,
        options: input.options ?? null,
        maxLength: input.maxLength ?? 200,
        position: input.position ?? 0,
      })
      .returning();
    await recordAudit(tx, actor, { action: 'event.question.create', entity: 'event_question', entityId: q!.id, after: { eventId, ...input } });
    return questionView(q!);
  });
}

/** The answers registrants gave to a question (value → count). */
async function answersTo(tx: Executor, eventId: number, questionId: number): Promise<Map<string, number>> {
  const key = String(questionId);
  const rows = await tx
    .select({ value: sql<string>`${eventRegistrations.answers} ->> ${key}`, n: sql<number>`count(*)::int` })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), sql`${eventRegistrations.answers} ? ${key}`))
    .groupBy(sql`1`);
  return new Map(rows.map((r) => [r.value, Number(r.n)]));
}

/**
 * Changes a question. Wording, required and order change freely; once registrants have answered
 * it, its kind stays and a choice keeps every option someone chose (their answers stay readable).
 */
export async function updateQuestion(db: Executor, actor: Actor, eventId: number, questionId: number, patch: z.infer<typeof QuestionPatchBody>): Promise<QuestionView> {
  return inTransaction(db, async (tx) => {
    await loadEvent(tx, eventId, { lock: true });
    const [before] = await tx
      .select()
      .from(eventQuestions)
      .where(and(eq(eventQuestions.id, questionId), eq(eventQuestions.eventId, eventId)))
      .for('update');
    if (!before) throw notFound({ ko: `질문 ${questionId}`, en: `Question ${questionId}` });
    const kind = patch.kind ?? before.kind;
    // A kind that is not a choice drops the options unless they are sent.
    const options = patch.options !== undefined ? patch.options : kind === 'choice' ? before.options : null;
    checkOptions(kind, options);
    const answered = await answersTo(tx, eventId, questionId);
    if (answered.size > 0) {
      const total = [...answered.values()].reduce((a, b) => a + b, 0);
      if (kind !== before.kind) {
        throw new AppError(
          'QUESTION_ANSWERED',
          { ko: `신청 ${total}건이 이미 답한 질문이라 유형을 바꿀 수 없습니다.`, en: `${total} registrations answered this question: its kind cannot change.` },
          [{ field: 'kind', message: { ko: '답변이 있는 질문의 유형은 바꿀 수 없습니다.', en: 'The kind of an answered question cannot change.' } }],
        );
      }
      const kept = new Set((options ?? []).map((o) => o.value));
      const lost = kind === 'choice' ? [...answered.keys()].filter((v) => !kept.has(v)) : [];
      if (lost.length) {
        throw new AppError(
          'QUESTION_ANSWERED',
          { ko: `신청자가 고른 보기는 지울 수 없습니다: ${lost.join(', ')}`, en: `Options chosen by registrants cannot be removed: ${lost.join(', ')}` },
          [{ field: 'options', message: { ko: `신청자가 고른 보기: ${lost.join(', ')}`, en: `Chosen by registrants: ${lost.join(', ')}` } }],
        );
      }
    }
    const set: Partial<QuestionRow> = { kind, options };
    if (patch.label) Object.assign(set, { labelKo: patch.label.ko, labelEn: patch.label.en ?? null });
    if (patch.required !== undefined) set.required = patch.required;
    if (patch.maxLength !== undefined) set.maxLength = patch.maxLength;
    if (patch.position !== undefined) set.position = patch.position;
    const [q] = await tx.update(eventQuestions).set(set).where(eq(eventQuestions.id, questionId)).returning();
    const view = questionView(q!);
    await recordAudit(tx, actor, { action: 'event.question.update', entity: 'event_question', entityId: questionId, before: questionView(before), after: view });
    return view;
  });
}

export async function deleteQuestion(db: Executor, actor: Actor, eventId: number, questionId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const [q] = await tx
      .delete(eventQuestions)
      .where(and(eq(eventQuestions.id, questionId), eq(eventQuestions.eventId, eventId)))
      .returning();
    if (!q) throw notFound({ ko: `질문 ${questionId}`, en: `Question ${questionId}` });
    await recordAudit(tx, actor, { action: 'event.question.delete', entity: 'event_question', entityId: questionId, before: questionView(q) });
  });
}

/** Checks the answers against the event's questions; returns them normalised, or the field errors. */
export function checkAnswers(questions: QuestionRow[], answers: Record<string, string>, errors: FieldError[]): Record<string, string> {
  const byId = new Map(questions.map((q) => [String(q.id), q]));
  const out: Record<string, string> = {};
  for (const key of Object.keys(answers)) {
    if (!byId.has(key)) errors.push({ field: `answers.${key}`, message: { ko: '이 행사에 없는 질문입니다.', en: 'No such question for this event.' } });
  }
  for (const q of questions) {
    const field = `answers.${q.id}`;
    const value = (answers[String(q.id)] ?? '').trim();
    if (!value) {
      if (q.required) errors.push({ field, message: { ko: `필수 질문입니다: ${q.labelKo}`, en: `Required: ${q.labelEn ?? q.labelKo}` } });
      continue;
    }
    if ([...value].length > q.maxLength) {
      errors.push({ field, message: { ko: `${q.maxLength}자 이내로 입력하십시오.`, en: `At most ${q.maxLength} characters.` } });
      continue;
    }
    if (q.kind === 'choice' && !(q.options ?? []).some((o) => o.value === value)) {
      errors.push({ field, message: { ko: '보기 중에서 고르십시오.', en: `Choose one of: ${(q.options ?? []).map((o) => o.value).join(', ')}.` } });
      continue;
    }
    if (q.kind === 'country') {
      const code = value.toUpperCase();
      if (!isCountryCode(code)) {
        errors.push({ field, message: { ko: 'ISO 3166-1 두 글자 국가 코드가 아닙니다(예: KR).', en: 'Not an ISO 3166-1 alpha-2 country code (e.g. KR).' } });
        continue;
      }
      out[String(q.id)] = code;
      continue;
    }
    out[String(q.id)] = value;
  }
  return out;
}
