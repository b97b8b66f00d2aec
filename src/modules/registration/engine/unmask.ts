/** A registrant's full contact details for staff: audited. */
import { eq } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { notFound } from '../../../server/errors.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { registrations } from '../schema.ts';

/** The full phone and e-mail of a registrant, for staff who need to call them; audited. */
export async function unmask(db: Executor, actor: Actor, registrationId: number): Promise<{ phone: string | null; email: string | null }> {
  return inTransaction(db, async (tx) => {
    const [r] = await tx.select().from(registrations).where(eq(registrations.id, registrationId));
    if (!r) throw notFound({ ko: `신청 ${registrationId}`, en: `Registration ${registrationId}` });
    await recordAudit(tx, actor, { action: 'registration.unmask', entity: 'registration', entityId: r.id, after: { fields: ['phone', 'email'] } });
    return { phone: r.phone, email: r.email };
  });
}
