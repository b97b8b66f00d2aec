/** Support measures offered to a target (rent, hiring subsidy, training link …) with amounts in won. Audited. */
import type { z } from 'zod';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { invalidField } from '../../../server/errors.ts';
import type { SessionUser } from '../../accounts/service.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { seoulDate } from '../../plan/seoul-time.ts';
import type { SupportBody, TargetSchema } from './api-schema.ts';
import { supportView } from './presenters.ts';
import { attractionSupport } from './schema.ts';
import { getTarget, lockTarget } from './targets.ts';

export async function offerSupport(db: Executor, actor: Actor, user: SessionUser, targetId: number, input: z.output<typeof SupportBody>): Promise<z.infer<typeof TargetSchema>> {
  return inTransaction(db, async (tx) => {
    await lockTarget(tx, targetId);
    if (input.offeredOn > seoulDate(new Date())) throw invalidField('offeredOn', '오늘 이후의 날짜는 기록할 수 없습니다.', 'The day cannot be after today.');
    const [row] = await tx
      .insert(attractionSupport)
      .values({ targetId, kind: input.kind, amountWon: input.amountWon ?? null, note: input.note ?? null, offeredOn: input.offeredOn, createdBy: user.id })
      .returning();
    await recordAudit(tx, actor, { action: 'attraction.support', entity: 'attraction_target', entityId: targetId, after: supportView(row!) });
    return getTarget(tx, targetId);
  });
}
