/**
 * Sending invitations and approving minutes. Approval fixes the minutes (no later edit) and
 * shares them with the attendees by e-mail with the PDF; partners read the minutes (page, PDF)
 * only once approved.
 */
import { eq, sql } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { AppError } from '../../../server/errors.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { meetings } from '../meetings-schema.ts';
import { loadMeeting, type Viewer } from './access.ts';
import { type MailContext, minutesPdfOf, queueToAttendees } from './mail.ts';
import { minutesApproved } from './meetings.ts';

const minutesNotReady = (en: string, ko: string) => new AppError('MINUTES_NOT_READY', { ko, en });

export async function sendInvitations(db: Executor, actor: Actor, viewer: Viewer, meetingId: number, ctx: MailContext) {
  return inTransaction(db, async (tx) => {
    await loadMeeting(tx, meetingId, viewer, { lock: true });
    await tx
      .update(meetings)
      .set({ invitationSequence: sql`${meetings.invitationSequence} + 1`, invitationsSentAt: new Date(), updatedAt: new Date() })
      .where(eq(meetings.id, meetingId));
    const queued = await queueToAttendees(tx, meetingId, 'invitation', ctx);
    await recordAudit(tx, actor, { action: 'meeting.invitations_sent', entity: 'meeting', entityId: meetingId, after: { queued } });
    return { queued };
  });
}

export async function approveMinutes(db: Executor, actor: Actor, viewer: Viewer, meetingId: number, ctx: MailContext) {
  return inTransaction(db, async (tx) => {
    const m = await loadMeeting(tx, meetingId, viewer, { lock: true });
    if (m.minutesApprovedAt) throw minutesApproved();
    if (!m.minutesKo?.trim()) throw minutesNotReady('The minutes have not been written yet.', '회의록이 아직 작성되지 않았습니다.');
    await tx.update(meetings).set({ minutesApprovedAt: new Date(), minutesApprovedBy: actor.userId, updatedAt: new Date() }).where(eq(meetings.id, meetingId));
    const queued = await queueToAttendees(tx, meetingId, 'minutes', ctx);
    await recordAudit(tx, actor, { action: 'meeting.minutes_approve', entity: 'meeting', entityId: meetingId, after: { queued } });
    return { queued };
  });
}

/** The minutes PDF; a partner gets it only after approval. */
export async function minutesPdfFor(db: Executor, viewer: Viewer, meetingId: number): Promise<Buffer> {
  const m = await loadMeeting(db, meetingId, viewer);
  if (viewer.role === 'partner' && !m.minutesApprovedAt) throw minutesNotReady('The minutes are shared once approved.', '회의록은 승인된 뒤에 공유됩니다.');
  return minutesPdfOf(db, meetingId, viewer);
}
