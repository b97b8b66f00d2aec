/** A citizen registers for an event category: the event's checks and rows in the engine's transaction (its hooks). */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../../db/executor.ts';
import { invalidFields as invalid, type FieldError } from '../../../server/errors.ts';
import type { Actor } from '../../audit/service.ts';
import { CONSENT_NOTICES } from '../../registration/consent.ts';
import { poolTarget } from '../../registration/engine/pools.ts';
import { register } from '../../registration/engine/register.ts';
import type { EngineContext, Registration } from '../../registration/engine/state.ts';
import type { EventRegistrationBody } from '../attendee-api-schema.ts';
import { eventNotFound, loadEvent } from '../core/event-row.ts';
import { eventCategories, eventQuestions, eventRegistrations, invitationCodes } from '../schema.ts';
import { codeRefused, codeUses, hashCode } from './codes.ts';
import { checkAnswers, isCountryCode } from './questions.ts';

export type EventRegistrationInput = z.infer<typeof EventRegistrationBody>;
export type PublicStatus = 'confirmed' | 'waitlisted' | 'pending_approval';

const publicStatus = (r: Registration): PublicStatus => (r.status === 'pending' ? 'pending_approval' : (r.status as 'confirmed' | 'waitlisted'));

export async function registerForEvent(db: Executor, ctx: EngineContext, actor: Actor, eventId: number, input: EventRegistrationInput) {
  const e = await loadEvent(db, eventId);
  if (!e.published) throw eventNotFound(eventId);
  const errors: FieldError[] = [];
  const [cat] = await db
    .select()
    .from(eventCategories)
    .where(and(eq(eventCategories.eventId, eventId), eq(eventCategories.category, input.category)));
  if (!cat) errors.push({ field: 'category', message: { ko: '이 행사에 없는 참가 구분입니다.', en: 'The event has no such category.' } });
  let country: string | null = null;
  if (input.country) {
    country = input.country.toUpperCase();
    if (!isCountryCode(country))
      errors.push({ field: 'country', message: { ko: 'ISO 3166-1 두 글자 국가 코드가 아닙니다(예: KR).', en: 'Not an ISO 3166-1 alpha-2 country code (e.g. KR).' } });
  }
  const questions = await db.select().from(eventQuestions).where(eq(eventQuestions.eventId, eventId));
  const answers = checkAnswers(questions, input.answers ?? {}, errors);
  let code: typeof invitationCodes.$inferSelect | undefined;
  if (cat?.requiresInvitation) {
    if (!input.invitationCode) errors.push({ field: 'invitationCode', message: { ko: '초청 코드가 필요합니다.', en: 'This category needs an invitation code.' } });
    else {
      [code] = await db
        .select()
        .from(invitationCodes)
        .where(and(eq(invitationCodes.codeHash, hashCode(input.invitationCode)), eq(invitationCodes.categoryId, cat.id)));
      if (!code) errors.push({ field: 'invitationCode', message: { ko: '올바른 초청 코드가 아닙니다.', en: 'Not a valid invitation code.' } });
    }
  }
  if (errors.length || !cat) throw invalid(errors);
  const result = await register(db, ctx, actor, await poolTarget(db, cat.poolId), {
    name: input.name,
    phone: input.phone,
    email: input.email,
    consent: input.consent,
    consentVersion: CONSENT_NOTICES.event.version,
    waitlist: input.waitlist,
    language: input.language ?? 'ko',
    // A phone of the country given is accepted (E.164); without one, Korean numbers.
    country,
    hold: cat.requiresApproval,
    hooks: {
      // Under the pool lock: every registration with a code of this category is in this pool, so
      // two registrations cannot both take a code's last use.
      beforeInsert: async (tx) => {
        if (code && (await codeUses(tx, code.id)) >= code.maxUses) throw codeRefused('This invitation code has been used up.', '이미 사용이 끝난 초청 코드입니다.');
      },
      afterInsert: async (tx, r) => {
        await tx.insert(eventRegistrations).values({
          registrationId: r.id,
          eventId,
          categoryId: cat.id,
          nameEn: input.nameEn ?? null,
          affiliation: input.affiliation ?? null,
          country,
          invitationCodeId: code?.id ?? null,
          approval: cat.requiresApproval ? 'pending' : null,
          answers,
        });
      },
    },
  });
  return { ...result, status: result.registration ? publicStatus(result.registration) : null };
}
