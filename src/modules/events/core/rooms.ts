/** The rooms of an event (where programme items take place); every write audited in its transaction. */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { notFound } from '../../../server/errors.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import type { RoomBody, RoomPatchBody } from '../event-api-schema.ts';
import { roomView } from '../presenters.ts';
import { eventRooms } from '../schema.ts';
import { loadEvent } from './event-row.ts';

type RoomRow = typeof eventRooms.$inferSelect;

export async function createRoom(db: Executor, actor: Actor, eventId: number, input: z.infer<typeof RoomBody>) {
  return inTransaction(db, async (tx) => {
    await loadEvent(tx, eventId, { lock: true });
    const [r] = await tx
      .insert(eventRooms)
      .values({ eventId, nameKo: input.name.ko, nameEn: input.name.en ?? null, position: input.position ?? 0 })
      .returning();
    const view = roomView(r!);
    await recordAudit(tx, actor, { action: 'event.room.create', entity: 'event_room', entityId: r!.id, after: { eventId, ...view } });
    return view;
  });
}

async function loadRoom(tx: Executor, eventId: number, roomId: number) {
  const [r] = await tx
    .select()
    .from(eventRooms)
    .where(and(eq(eventRooms.id, roomId), eq(eventRooms.eventId, eventId)))
    .for('update');
  if (!r) throw notFound({ ko: `행사 ${eventId}의 장소 ${roomId}`, en: `Room ${roomId} of event ${eventId}` });
  return r;
}

export async function updateRoom(db: Executor, actor: Actor, eventId: number, roomId: number, patch: z.infer<typeof RoomPatchBody>) {
  return inTransaction(db, async (tx) => {
    const before = await loadRoom(tx, eventId, roomId);
    const set: Partial<RoomRow> = {};
    if (patch.name) Object.assign(set, { nameKo: patch.name.ko, nameEn: patch.name.en ?? null });
    if (patch.position !== undefined) set.position = patch.position;
    const [r] = await tx.update(eventRooms).set(set).where(eq(eventRooms.id, roomId)).returning();
    const view = roomView(r!);
    await recordAudit(tx, actor, { action: 'event.room.update', entity: 'event_room', entityId: roomId, before: roomView(before), after: view });
    return view;
  });
}

export async function deleteRoom(db: Executor, actor: Actor, eventId: number, roomId: number) {
  await inTransaction(db, async (tx) => {
    const before = await loadRoom(tx, eventId, roomId);
    await tx.delete(eventRooms).where(eq(eventRooms.id, roomId));
    await recordAudit(tx, actor, { action: 'event.room.delete', entity: 'event_room', entityId: roomId, before: { eventId, ...roomView(before) } });
  });
}
