/** Checking a confirmed registrant in on the day. */
import { eq } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { notFound } from '../../../server/errors.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { registrations } from '../schema.ts';
import { registrationByToken } from './by-token.ts';
import { conflict, type Registration } from './state.ts';

export interface CheckInResult {
  registration: Registration;
  alreadyCheckedIn: boolean;
}

/** Checks a confirmed registrant in (by scanned token or by id); a second scan says so and changes nothing. */
export async function checkIn(db: Executor, actor: Actor, poolId: number, by: { token?: string; registrationId?: number }): Promise<CheckInResult> {
  return inTransaction(db, async (tx) => {
    let found: Registration | undefined;
    if (by.token !== undefined) found = await registrationByToken(tx, by.token).catch(() => undefined);
    else [found] = await tx.select().from(registrations).where(eq(registrations.id, by.registrationId!));
    if (!found || found.poolId !== poolId) throw notFound({ ko: '이 행사의 신청 내역', en: 'A registration for this session' });
    const [r] = await tx.select().from(registrations).where(eq(registrations.id, found.id)).for('update');
    if (r!.checkedInAt) return { registration: r!, alreadyCheckedIn: true };
    if (r!.status !== 'confirmed') {
      throw conflict('REGISTRATION_NOT_CONFIRMED', {
        ko: `확정된 신청이 아닙니다(상태: ${r!.status}). 입장 확인을 할 수 없습니다.`,
        en: `Not a confirmed registration (status: ${r!.status}); cannot check in.`,
      });
    }
    const [updated] = await tx.update(registrations).set({ checkedInAt: new Date() }).where(eq(registrations.id, r!.id)).returning();
    await recordAudit(tx, actor, { action: 'registration.check_in', entity: 'registration', entityId: r!.id, after: { checkedInAt: updated!.checkedInAt!.toISOString() } });
    return { registration: updated!, alreadyCheckedIn: false };
  });
}
