/**
 * Sending a failed message again, by a manager: the row goes back to `pending` with its attempts
 * reset, so the worker (worker.ts) picks it up on its next pass and gives it the full ten tries.
 * Only a message that failed for good, and still has its recipient (the retention purge blanks
 * it), may be retried; the change is audited in the same transaction.
 */
import { eq } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../db/executor.ts';
import { AppError, notFound } from '../../server/errors.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import { outboxView } from './presenters.ts';
import { outbox } from './schema.ts';

export async function retryMessage(db: Executor, actor: Actor, id: number, now = new Date()) {
  return inTransaction(db, async (tx) => {
    const [row] = await tx.select().from(outbox).where(eq(outbox.id, id)).for('update');
    if (!row) throw notFound({ ko: `메시지 ${id}`, en: `Message ${id}` });
    if (row.status !== 'failed') {
      throw new AppError('MESSAGE_NOT_FAILED', {
        ko: '발송에 실패한 메시지만 다시 보낼 수 있습니다.',
        en: 'Only a message that failed to send can be sent again.',
      });
    }
    if (row.recipient === '') {
      throw new AppError('MESSAGE_PURGED', {
        ko: '보존 기간이 끝나 받는 사람 정보가 지워진 메시지는 다시 보낼 수 없습니다.',
        en: "The message's recipient was deleted when its retention period ended; it cannot be sent again.",
      });
    }
    const [updated] = await tx.update(outbox).set({ status: 'pending', attempts: 0, nextAttemptAt: now }).where(eq(outbox.id, id)).returning();
    await recordAudit(tx, actor, {
      action: 'outbox.retry',
      entity: 'outbox',
      entityId: id,
      before: { status: row.status, attempts: row.attempts, lastError: row.lastError },
      after: { status: 'pending', attempts: 0 },
    });
    return outboxView(updated!);
  });
}
