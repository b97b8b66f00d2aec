/** An event row, loaded (and locked) by id; what every use case on an event starts from. */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/executor.ts';
import { notFound, type FieldError } from '../../../server/errors.ts';
import { events } from '../schema.ts';

export type EventRow = typeof events.$inferSelect;

export const eventNotFound = (id: number) => notFound({ ko: `행사 ${id}`, en: `Event ${id}` });
export const endAfterStart: FieldError['message'] = { ko: '시작 시각보다 뒤여야 합니다.', en: 'Must be after startsAt.' };

export async function loadEvent(db: Executor, id: number, opts: { lock?: boolean; publicOnly?: boolean } = {}): Promise<EventRow> {
  const q = db.select().from(events).where(eq(events.id, id));
  const [e] = opts.lock ? await q.for('update') : await q;
  if (!e || (opts.publicOnly && !e.published)) throw eventNotFound(id);
  return e;
}
