/** Checking a confirmed registrant in on the day: by the QR code's token, the short code under it, or by id. */
import { eq } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { notFound } from '../../../server/errors.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { seoul, seoulEn } from '../messages.ts';
import { capacityPools, registrations } from '../schema.ts';
import { registrationByToken } from './by-token.ts';
import { conflict, type Registration } from './state.ts';

export interface CheckInResult {
  registration: Registration;
  alreadyCheckedIn: boolean;
}

/** How a registrant is named at the door: the scanned token, the typed short code, or a row of the list. */
export type CheckInBy = { token: string } | { code: string } | { registrationId: number };

/** Minutes before the start that check-in opens, when the app is not told (FINHUB_CHECK_IN_OPENS_MINUTES). */
const CHECK_IN_OPENS_DEFAULT_MINUTES = 60;

/** The characters of a check-in code (no 0/O, 1/I/L look-alikes): migration 0025's finhub_new_check_in_code(). */
const CHECK_IN_CODE_PATTERN = /^[2-9A-HJKMNP-Z]{6}$/;

/** A typed code as stored: capitals, without the spaces and dashes people type between groups ("k7m-4qr" → "K7M4QR"). */
const normaliseCheckInCode = (typed: string): string => typed.toUpperCase().replace(/[\s\-–—]/g, '');

/** The registration a check-in names, whatever its pool (the caller checks it is the session's or event's). */
export async function registrationForCheckIn(tx: Executor, by: CheckInBy): Promise<Registration | undefined> {
  if ('token' in by) return registrationByToken(tx, by.token).catch(() => undefined);
  if ('code' in by) {
    const code = normaliseCheckInCode(by.code);
    if (!CHECK_IN_CODE_PATTERN.test(code)) return undefined;
    const [r] = await tx.select().from(registrations).where(eq(registrations.checkInCode, code));
    return r?.anonymizedAt ? undefined : r;
  }
  const [r] = await tx.select().from(registrations).where(eq(registrations.id, by.registrationId));
  return r;
}

/**
 * Checks a confirmed registrant in; a second scan says so and changes nothing. Refused before
 * `opensMinutes` ahead of the pool's start (CHECK_IN_NOT_OPEN, naming when it opens).
 */
export async function checkIn(
  db: Executor,
  actor: Actor,
  poolId: number,
  by: CheckInBy,
  { opensMinutes = CHECK_IN_OPENS_DEFAULT_MINUTES, now = new Date() }: { opensMinutes?: number | undefined; now?: Date } = {},
): Promise<CheckInResult> {
  return inTransaction(db, async (tx) => {
    const found = await registrationForCheckIn(tx, by);
    if (!found || found.poolId !== poolId) throw notFound({ ko: '이 행사의 신청 내역', en: 'A registration for this session' });
    const [pool] = await tx.select({ startsAt: capacityPools.startsAt }).from(capacityPools).where(eq(capacityPools.id, poolId));
    const opensAt = new Date(pool!.startsAt.getTime() - opensMinutes * 60_000);
    if (now < opensAt) {
      throw conflict('CHECK_IN_NOT_OPEN', {
        ko: `아직 입장 확인을 할 수 없습니다. 입장 확인은 시작 ${opensMinutes}분 전인 ${seoul(opensAt)}부터 할 수 있습니다.`,
        en: `Check-in has not opened yet: it opens ${opensMinutes} minutes before the start, on ${seoulEn(opensAt)}.`,
      });
    }
    const [r] = await tx.select().from(registrations).where(eq(registrations.id, found.id)).for('update');
    if (r!.checkedInAt) return { registration: r!, alreadyCheckedIn: true };
    if (r!.status !== 'confirmed') {
      throw conflict('REGISTRATION_NOT_CONFIRMED', {
        ko: `확정된 신청이 아닙니다(상태: ${r!.status}). 입장 확인을 할 수 없습니다.`,
        en: `Not a confirmed registration (status: ${r!.status}); cannot check in.`,
      });
    }
    const [updated] = await tx.update(registrations).set({ checkedInAt: now }).where(eq(registrations.id, r!.id)).returning();
    await recordAudit(tx, actor, {
      action: 'registration.check_in',
      entity: 'registration',
      entityId: r!.id,
      after: { checkedInAt: updated!.checkedInAt!.toISOString(), by: 'token' in by ? 'qr' : 'code' in by ? 'code' : 'list' },
    });
    return { registration: updated!, alreadyCheckedIn: false };
  });
}
