/** Attendees (by organisation) and agenda items of a meeting; managers add and remove them, audited. */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { notFound } from '../../../server/errors.ts';
import { requireOrganisation } from '../../accounts/organisations.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import type { AgendaBody, AttendeeBody } from '../meetings-api-schema.ts';
import { meetingAgendaItems, meetingAttendees } from '../meetings-schema.ts';
import { loadMeeting, type Viewer } from './access.ts';
import { checkPlanAction } from './plan-link.ts';

export async function addAttendee(db: Executor, actor: Actor, viewer: Viewer, meetingId: number, input: z.infer<typeof AttendeeBody>) {
  return inTransaction(db, async (tx) => {
    await loadMeeting(tx, meetingId, viewer, { lock: true });
    await requireOrganisation(tx, input.organisationId);
    const [a] = await tx
      .insert(meetingAttendees)
      .values({ meetingId, organisationId: input.organisationId, name: input.name, title: input.title || null, email: input.email ?? null })
      .returning();
    await recordAudit(tx, actor, {
      action: 'meeting.attendee.add',
      entity: 'meeting_attendee',
      entityId: a!.id,
      after: { meetingId, organisationId: a!.organisationId, name: a!.name },
    });
    return { id: a!.id };
  });
}

export async function removeAttendee(db: Executor, actor: Actor, viewer: Viewer, meetingId: number, attendeeId: number) {
  await inTransaction(db, async (tx) => {
    await loadMeeting(tx, meetingId, viewer, { lock: true });
    const [a] = await tx
      .delete(meetingAttendees)
      .where(and(eq(meetingAttendees.id, attendeeId), eq(meetingAttendees.meetingId, meetingId)))
      .returning();
    if (!a) throw notFound({ ko: `회의 ${meetingId}의 참석자 ${attendeeId}`, en: `Attendee ${attendeeId} of meeting ${meetingId}` });
    await recordAudit(tx, actor, {
      action: 'meeting.attendee.remove',
      entity: 'meeting_attendee',
      entityId: attendeeId,
      before: { meetingId, organisationId: a.organisationId, name: a.name },
    });
  });
}

export async function addAgendaItem(db: Executor, actor: Actor, viewer: Viewer, meetingId: number, input: z.infer<typeof AgendaBody>) {
  return inTransaction(db, async (tx) => {
    await loadMeeting(tx, meetingId, viewer, { lock: true });
    await checkPlanAction(tx, input.planActionId);
    const [a] = await tx
      .insert(meetingAgendaItems)
      .values({
        meetingId,
        position: input.position ?? 0,
        titleKo: input.title.ko,
        titleEn: input.title.en ?? null,
        presenter: input.presenter || null,
        minutesAllotted: input.minutesAllotted ?? null,
        planActionId: input.planActionId ?? null,
      })
      .returning();
    await recordAudit(tx, actor, { action: 'meeting.agenda.add', entity: 'meeting_agenda_item', entityId: a!.id, after: { meetingId, ...input } });
    return { id: a!.id };
  });
}

export async function removeAgendaItem(db: Executor, actor: Actor, viewer: Viewer, meetingId: number, itemId: number) {
  await inTransaction(db, async (tx) => {
    await loadMeeting(tx, meetingId, viewer, { lock: true });
    const [a] = await tx
      .delete(meetingAgendaItems)
      .where(and(eq(meetingAgendaItems.id, itemId), eq(meetingAgendaItems.meetingId, meetingId)))
      .returning();
    if (!a) throw notFound({ ko: `회의 ${meetingId}의 안건 ${itemId}`, en: `Agenda item ${itemId} of meeting ${meetingId}` });
    await recordAudit(tx, actor, { action: 'meeting.agenda.remove', entity: 'meeting_agenda_item', entityId: itemId, before: { meetingId, title: a.titleKo } });
  });
}
