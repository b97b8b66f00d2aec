/** A citizen leaves settlement feedback (public): anonymous, or with a contact given with consent; the tracking link shows its progress. */
import { eq } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { AppError, fieldError, invalidFields, notFound, type FieldError } from '../../../server/errors.ts';
import type { FileStore } from '../../../server/file-store.ts';
import type { UploadedFile } from '../../../server/multipart.ts';
import { hashToken, randomToken } from '../../../server/tokens.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { LINK_TOKEN } from '../../notifications/service.ts';
import { CONSENT_NOTICES } from '../../registration/consent.ts';
import { normalizePhone } from '../../registration/phone.ts';
import type { FeedbackInput } from '../api-schema.ts';
import { putStoredFile } from '../../../server/stored-files.ts';
import { checkImage } from '../facilities/inspections.ts';
import { trackingView } from '../presenters.ts';
import { settlementFeedback } from '../schema.ts';
import { departmentOf, type FeedbackContext, tellWriter, trackingUrlFor } from './common.ts';

const CATEGORY_KO: Record<FeedbackInput['category'], string> = {
  transport: '교통',
  housing: '주거',
  education: '교육',
  childcare: '보육',
  medical: '의료',
  culture: '문화',
  other: '기타',
};

export async function submitFeedback(db: Executor, ctx: FeedbackContext, actor: Actor, input: FeedbackInput, now = new Date()): Promise<{ id: number; trackingUrl: string }> {
  const fields: FieldError[] = [];
  const contact = input.contact;
  const given = contact && (contact.name || contact.phone || contact.email);
  let phone: string | null = null;
  if (input.anonymous && given) fields.push(fieldError('contact', '익명 의견에는 연락처를 적지 않습니다.', 'Anonymous feedback carries no contact.'));
  if (!input.anonymous) {
    if (!contact?.phone && !contact?.email)
      fields.push(
        fieldError(
          'contact',
          '답변을 받을 휴대전화 번호나 이메일 주소를 적으십시오(또는 익명을 고르십시오).',
          'Give a phone number or an e-mail address for the answer (or choose anonymous).',
        ),
      );
    if (contact?.phone) {
      phone = normalizePhone(contact.phone);
      if (!phone) fields.push(fieldError('contact.phone', '전화번호 형식이 아닙니다(예: 010-1234-5678).', 'Not a phone number (e.g. 010-1234-5678).'));
    }
    if (input.consent !== true)
      fields.push(
        fieldError('consent', '연락처를 남기려면 개인정보 수집·이용에 동의해야 합니다.', 'Leaving a contact needs your consent to the collection and use of personal data.'),
      );
  }
  if (fields.length) throw invalidFields(fields);
  const token = randomToken();
  return inTransaction(db, async (tx) => {
    const [r] = await tx
      .insert(settlementFeedback)
      .values({
        category: input.category,
        text: input.text,
        contactName: input.anonymous ? null : (contact?.name ?? null),
        contactPhone: input.anonymous ? null : phone,
        contactEmail: input.anonymous ? null : (contact?.email?.toLowerCase() ?? null),
        consentAt: input.anonymous ? null : now,
        consentVersion: input.anonymous ? null : CONSENT_NOTICES.settlement.version,
        tokenHash: hashToken(token),
        createdAt: now,
      })
      .returning();
    const link = trackingUrlFor(ctx.publicUrl, LINK_TOKEN);
    await tellWriter(
      tx,
      r!,
      'settlement.received',
      `[전주시 정주여건 의견] 의견 ${r!.id}번을 접수했습니다`,
      `정주여건 의견(${CATEGORY_KO[input.category]})을 접수했습니다. 처리 상황과 답변은 다음 링크에서 보실 수 있습니다: ${link}\n\n` +
        `Your settlement feedback (${input.category}) has been received. Follow it and read the answer here: ${link}`,
      token,
    );
    await recordAudit(tx, actor, {
      action: 'settlement.feedback.create',
      entity: 'settlement_feedback',
      entityId: r!.id,
      after: { category: input.category, anonymous: input.anonymous },
    });
    return { id: r!.id, trackingUrl: trackingUrlFor(ctx.publicUrl, token) };
  });
}

async function byToken(db: Executor, token: string, lock = false) {
  const q = db
    .select()
    .from(settlementFeedback)
    .where(eq(settlementFeedback.tokenHash, hashToken(token)));
  const [r] = lock ? await q.for('update') : await q;
  if (!r) throw notFound({ ko: '의견', en: 'The feedback' });
  return r;
}

export async function feedbackByToken(db: Executor, token: string) {
  const r = await byToken(db, token);
  return trackingView(r, (await departmentOf(db, r.departmentId))?.name ?? null);
}

/** Adds the optional photo to one's own feedback (by its token), once, while it is not yet answered. */
export async function attachFeedbackPhoto(db: Executor, files: FileStore, actor: Actor, token: string, file: UploadedFile) {
  const image = await checkImage(file);
  return inTransaction(db, async (tx) => {
    const r = await byToken(tx, token, true);
    if (r.photoSha256) throw new AppError('FEEDBACK_PHOTO_EXISTS', { ko: '이 의견에는 이미 사진이 있습니다.', en: 'This feedback already has its photo.' });
    if (r.status === 'answered' || r.status === 'closed') {
      throw new AppError('FEEDBACK_STATUS_ORDER', { ko: '답변한 의견에는 사진을 더할 수 없습니다.', en: 'A photo cannot be added once the feedback is answered.' });
    }
    const sha256 = await putStoredFile(tx, files, file.bytes);
    await tx.update(settlementFeedback).set({ photoSha256: sha256, photoMimeType: image.mimeType }).where(eq(settlementFeedback.id, r.id));
    await recordAudit(tx, actor, { action: 'settlement.feedback.photo', entity: 'settlement_feedback', entityId: r.id, after: { sha256 } });
    return trackingView({ ...r, photoSha256: sha256, photoMimeType: image.mimeType }, (await departmentOf(tx, r.departmentId))?.name ?? null);
  });
}
