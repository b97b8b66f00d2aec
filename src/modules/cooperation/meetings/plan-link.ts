/** A linked plan action must exist (400 naming the field otherwise). */
import type { Executor } from '../../../db/executor.ts';
import { invalidField } from '../../../server/errors.ts';
import { findAction } from '../../plan/plan-read.ts';

export async function checkPlanAction(db: Executor, id: number | null | undefined, field = 'planActionId'): Promise<void> {
  if (id === undefined || id === null) return;
  try {
    await findAction(db, id);
  } catch {
    throw invalidField(field, '없는 추진계획입니다.', 'No such plan action.');
  }
}
