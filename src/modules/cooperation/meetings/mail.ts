/**
 * What meetings send through the outbox: the invitation (an .ics with METHOD:REQUEST) when a
 * manager sends it, and the approved minutes (PDF) — one e-mail per attendee with an address,
 * written in the caller's transaction. The files are built when the worker sends
 * (notifications/attachments.ts), from the meeting as it is then.
 */
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/executor.ts';
import { oneLine } from '../../../server/text.ts';
import { organisations } from '../../accounts/schema.ts';
import { registerAttachments } from '../../notifications/attachments.ts';
import { enqueueNotification } from '../../notifications/service.ts';
import { meetingInvitation } from '../meetings-calendar.ts';
import { minutesPdf } from '../meetings-minutes-pdf.ts';
import { meetingAgendaItems, meetingAttendees, meetings, meetingSeries } from '../meetings-schema.ts';
import type { Viewer } from './access.ts';
import { getMeeting } from './meetings.ts';
import { seoulDateTimeKo } from '../../plan/seoul-time.ts';

/** The platform itself reading a meeting to build a file: sees every series. */
const SYSTEM_VIEWER: Viewer = { id: 0, role: 'admin', organisationId: null };

export interface MailContext {
  publicUrl: string;
}

const hostOf = (publicUrl: string) => new URL(publicUrl).host;

export async function invitationIcs(db: Executor, meetingId: number, ctx: MailContext): Promise<string> {
  const [m] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
  const [s] = await db.select().from(meetingSeries).where(eq(meetingSeries.id, m!.seriesId));
  const attendees = await db.select().from(meetingAttendees).where(eq(meetingAttendees.meetingId, meetingId)).orderBy(asc(meetingAttendees.id));
  const agenda = await db
    .select()
    .from(meetingAgendaItems)
    .where(eq(meetingAgendaItems.meetingId, meetingId))
    .orderBy(asc(meetingAgendaItems.position), asc(meetingAgendaItems.id));
  const host = hostOf(ctx.publicUrl);
  return meetingInvitation({
    meeting: m!,
    series: s!,
    attendees,
    agenda,
    organizer: { name: '전주시 금융산업 담당 / Jeonju City finance-hub team', email: `finhub@${host.replace(/:\d+$/, '')}` },
    host,
    publicUrl: ctx.publicUrl,
  });
}

export async function minutesPdfOf(db: Executor, meetingId: number, viewer: Viewer = SYSTEM_VIEWER): Promise<Buffer> {
  const detail = await getMeeting(db, meetingId, viewer);
  const orgs = await db.select({ id: organisations.id, name: organisations.nameKo }).from(organisations);
  return minutesPdf(detail, new Map(orgs.map((o) => [o.id, o.name])));
}

registerAttachments('meeting-invitation', async (db, meta) => [
  {
    filename: 'invitation.ics',
    content: Buffer.from(await invitationIcs(db, Number(meta.meetingId), { publicUrl: String(meta.publicUrl) }), 'utf8'),
    contentType: 'text/calendar; charset=utf-8; method=REQUEST',
  },
]);

registerAttachments('meeting-minutes', async (db, meta) => [
  { filename: `minutes-meeting-${Number(meta.meetingId)}.pdf`, content: await minutesPdfOf(db, Number(meta.meetingId)), contentType: 'application/pdf' },
]);

/** One e-mail per attendee with an address; returns how many were queued. */
export async function queueToAttendees(tx: Executor, meetingId: number, what: 'invitation' | 'minutes', ctx: MailContext): Promise<number> {
  const [m] = await tx.select().from(meetings).where(eq(meetings.id, meetingId));
  const [s] = await tx.select().from(meetingSeries).where(eq(meetingSeries.id, m!.seriesId));
  const attendees = await tx.select().from(meetingAttendees).where(eq(meetingAttendees.meetingId, meetingId)).orderBy(asc(meetingAttendees.id));
  const title = oneLine(s!.titleKo);
  const titleEn = oneLine(s!.titleEn ?? s!.titleKo);
  const when = seoulDateTimeKo(m!.startsAt);
  const link = `${ctx.publicUrl}/staff/meetings/${meetingId}`;
  let queued = 0;
  for (const a of attendees) {
    if (!a.email) continue;
    const subject = what === 'invitation' ? `[회의 초대 / Invitation] ${title} (${when})` : `[회의록 / Minutes] ${title} (${when})`;
    // Two blocks, Korean then English (the HTML part marks each block's language).
    const ko =
      what === 'invitation'
        ? [
            `${a.name} 님께`,
            `${title} 회의에 초대합니다.`,
            `일시: ${when}`,
            m!.venueKo ? `장소: ${m!.venueKo}` : null,
            m!.videoUrl ? `화상회의: ${m!.videoUrl}` : null,
            '첨부한 일정 파일(invitation.ics)로 참석 여부를 알려 주십시오.',
            link,
          ]
        : [`${a.name} 님께`, `${title} 회의록이 승인되어 첨부합니다.`, `일시: ${when}`, link];
    const en =
      what === 'invitation'
        ? [`You are invited to ${titleEn} on ${m!.startsAt.toISOString()}.`, 'The attached invitation.ics adds it to your calendar and lets you reply.', link]
        : [`The approved minutes of ${titleEn} (${m!.startsAt.toISOString()}) are attached.`, link];
    const body = `${ko.filter(Boolean).join('\n')}\n\n${en.join('\n')}\n`;
    await enqueueNotification(tx, {
      channel: 'email',
      recipient: a.email,
      subject,
      body,
      kind: what === 'invitation' ? 'meeting.invitation' : 'meeting.minutes',
      meta: { attach: what === 'invitation' ? 'meeting-invitation' : 'meeting-minutes', meetingId, attendeeId: a.id, publicUrl: ctx.publicUrl },
    });
    queued++;
  }
  return queued;
}
