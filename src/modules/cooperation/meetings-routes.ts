/**
 * Regular consultations (정례 협의): meeting series, meetings with attendees, agenda, minutes and
 * outcomes, invitations (iCalendar, METHOD:REQUEST) and minutes (PDF). Managers run them; a
 * partner account reads its organisation's series and changes its organisation's action items.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, MANAGERS, STAFF, userOf, type Policy } from '../../server/auth.ts';
import { setDownloadHeaders } from '../../server/download.ts';
import {
  AgendaBody,
  AttendeeBody,
  Created,
  IdParams,
  InvitationsSent,
  MeetingBody,
  MeetingItemParams,
  MeetingPatchBody,
  MeetingSchema,
  OutcomeBody,
  OutcomePatchBody,
  OutcomeSchema,
  OverdueSchema,
  SeriesBody,
  SeriesListSchema,
  SeriesSchema,
} from './meetings-api-schema.ts';
import './meetings-measures.ts';
import { addAgendaItem, addAttendee, removeAgendaItem, removeAttendee } from './meetings/agenda.ts';
import { invitationIcs } from './meetings/mail.ts';
import { createMeeting, getMeeting, updateMeeting } from './meetings/meetings.ts';
import { approveMinutes, minutesPdfFor, sendInvitations } from './meetings/minutes.ts';
import { createOutcome, overdueActionItems, updateOutcome } from './meetings/outcomes.ts';
import { createSeries, getSeries, listSeries } from './meetings/series.ts';

const tags = ['cooperation'];
/** City managers, and partners for their own organisation's action items (checked in the service). */
const OUTCOME_UPDATERS: Policy = { roles: ['admin', 'manager', 'partner'] };
const created = { 201: Created };

export const meetingRoutes: FastifyPluginAsyncZod<{ publicUrl: string }> = async (app, { publicUrl }) => {
  const ctx = { publicUrl: publicUrl.replace(/\/+$/, '') };

  app.get(
    '/api/meeting-series',
    {
      config: { policy: STAFF },
      schema: { operationId: 'listMeetingSeries', summary: 'Meeting series (a partner: its own) / 협의체 목록', tags, response: { 200: SeriesListSchema } },
    },
    async (req) => ({ items: await listSeries(app.db, userOf(req)) }),
  );

  app.post(
    '/api/meeting-series',
    { config: { policy: MANAGERS }, schema: { operationId: 'createMeetingSeries', summary: 'Start a meeting series / 협의체 만들기', tags, body: SeriesBody, response: created } },
    async (req, reply) => reply.status(201).send(await createSeries(app.db, actorOf(req), req.body)),
  );

  app.get(
    '/api/meeting-series/:id',
    {
      config: { policy: STAFF, errors: ['OTHER_ORGANISATION'] },
      schema: { operationId: 'getMeetingSeries', summary: 'A meeting series with its meetings / 협의체', tags, params: IdParams, response: { 200: SeriesSchema } },
    },
    async (req) => getSeries(app.db, req.params.id, userOf(req)),
  );

  app.post(
    '/api/meeting-series/:id/meetings',
    {
      config: { policy: MANAGERS },
      schema: { operationId: 'createMeeting', summary: 'Schedule a meeting of the series / 회의 일정 추가', tags, params: IdParams, body: MeetingBody, response: created },
    },
    async (req, reply) => reply.status(201).send(await createMeeting(app.db, actorOf(req), userOf(req), req.params.id, req.body)),
  );

  app.get(
    '/api/meetings/:id',
    {
      config: { policy: STAFF, errors: ['OTHER_ORGANISATION'] },
      schema: {
        operationId: 'getMeeting',
        summary: 'A meeting: attendees, agenda, minutes, outcomes and the action items carried over / 회의',
        description: 'carriedOver: action items recorded at earlier meetings of the series that were still open when this one began, with their history.',
        tags,
        params: IdParams,
        response: { 200: MeetingSchema },
      },
    },
    async (req) => getMeeting(app.db, req.params.id, userOf(req)),
  );

  app.patch(
    '/api/meetings/:id',
    {
      config: { policy: MANAGERS, errors: ['MINUTES_APPROVED'] },
      schema: {
        operationId: 'updateMeeting',
        summary: 'Change time, place, status or minutes / 회의 변경',
        tags,
        params: IdParams,
        body: MeetingPatchBody,
        response: { 200: MeetingSchema },
      },
    },
    async (req) => updateMeeting(app.db, actorOf(req), userOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/meetings/:id/attendees',
    {
      config: { policy: MANAGERS },
      schema: { operationId: 'addMeetingAttendee', summary: 'Add an attendee / 참석자 추가', tags, params: IdParams, body: AttendeeBody, response: created },
    },
    async (req, reply) => reply.status(201).send(await addAttendee(app.db, actorOf(req), userOf(req), req.params.id, req.body)),
  );

  app.delete(
    '/api/meetings/:id/attendees/:itemId',
    {
      config: { policy: MANAGERS },
      schema: { operationId: 'removeMeetingAttendee', summary: 'Remove an attendee / 참석자 삭제', tags, params: MeetingItemParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await removeAttendee(app.db, actorOf(req), userOf(req), req.params.id, req.params.itemId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/meetings/:id/agenda',
    {
      config: { policy: MANAGERS },
      schema: { operationId: 'addAgendaItem', summary: 'Add an agenda item / 안건 추가', tags, params: IdParams, body: AgendaBody, response: created },
    },
    async (req, reply) => reply.status(201).send(await addAgendaItem(app.db, actorOf(req), userOf(req), req.params.id, req.body)),
  );

  app.delete(
    '/api/meetings/:id/agenda/:itemId',
    {
      config: { policy: MANAGERS },
      schema: { operationId: 'removeAgendaItem', summary: 'Remove an agenda item / 안건 삭제', tags, params: MeetingItemParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await removeAgendaItem(app.db, actorOf(req), userOf(req), req.params.id, req.params.itemId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/meetings/:id/outcomes',
    {
      config: { policy: MANAGERS },
      schema: {
        operationId: 'createMeetingOutcome',
        summary: 'Record information, a decision or an action item / 회의 결과 기록',
        tags,
        params: IdParams,
        body: OutcomeBody,
        response: created,
      },
    },
    async (req, reply) => reply.status(201).send(await createOutcome(app.db, actorOf(req), userOf(req), req.params.id, req.body)),
  );

  app.patch(
    '/api/outcomes/:id',
    {
      config: { policy: OUTCOME_UPDATERS, errors: ['OTHER_ORGANISATION', 'NOT_AN_ACTION_ITEM'] },
      schema: {
        operationId: 'updateMeetingOutcome',
        summary: 'Open or close an action item (a partner: its organisation’s) / 조치사항 상태 변경',
        tags,
        params: IdParams,
        body: OutcomePatchBody,
        response: { 200: OutcomeSchema },
      },
    },
    async (req) => updateOutcome(app.db, actorOf(req), userOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/meetings/:id/invitations',
    {
      config: { policy: MANAGERS },
      schema: {
        operationId: 'sendMeetingInvitations',
        summary: 'E-mail the invitation (.ics, METHOD:REQUEST) to every attendee with an address / 회의 초대 발송',
        tags,
        params: IdParams,
        response: { 202: InvitationsSent },
      },
    },
    async (req, reply) => reply.status(202).send(await sendInvitations(app.db, actorOf(req), userOf(req), req.params.id, ctx)),
  );

  app.get(
    '/api/meetings/:id/invitation.ics',
    {
      config: { policy: STAFF, errors: ['OTHER_ORGANISATION'] },
      schema: {
        operationId: 'getMeetingInvitation',
        summary: 'The invitation as iCalendar (METHOD:REQUEST) / 회의 초대(iCalendar)',
        tags,
        params: IdParams,
        produces: ['text/calendar'],
        response: { 200: z.string().describe('text/calendar (RFC 5545 / 5546)') },
      },
    },
    async (req, reply) => {
      await getMeeting(app.db, req.params.id, userOf(req)); // the viewer may see it
      const body = await invitationIcs(app.db, req.params.id, ctx);
      setDownloadHeaders(reply, { fileName: `meeting-${req.params.id}.ics`, mimeType: 'text/calendar', cache: 'private' });
      return reply.send(body);
    },
  );

  app.post(
    '/api/meetings/:id/minutes/approve',
    {
      config: { policy: MANAGERS, errors: ['MINUTES_APPROVED', 'MINUTES_NOT_READY'] },
      schema: {
        operationId: 'approveMeetingMinutes',
        summary: 'Approve the minutes and share them (PDF) with the attendees / 회의록 승인·공유',
        tags,
        params: IdParams,
        response: { 200: InvitationsSent },
      },
    },
    async (req) => approveMinutes(app.db, actorOf(req), userOf(req), req.params.id, ctx),
  );

  app.get(
    '/api/meetings/:id/minutes.pdf',
    {
      config: { policy: STAFF, errors: ['OTHER_ORGANISATION', 'MINUTES_NOT_READY'] },
      schema: {
        operationId: 'getMeetingMinutesPdf',
        summary: 'The minutes as PDF (a partner: once approved) / 회의록 PDF',
        tags,
        params: IdParams,
        produces: ['application/pdf'],
        response: { 200: z.unknown().describe('the PDF') },
      },
    },
    async (req, reply) => {
      const body = await minutesPdfFor(app.db, userOf(req), req.params.id);
      setDownloadHeaders(reply, { fileName: `minutes-meeting-${req.params.id}.pdf`, mimeType: 'application/pdf', sizeBytes: body.length, cache: 'private' });
      return reply.send(body);
    },
  );

  app.get(
    '/api/cooperation/overdue',
    {
      config: { policy: STAFF },
      schema: { operationId: 'listOverdueActionItems', summary: 'Overdue action items (a partner: its own) / 기한이 지난 조치사항', tags, response: { 200: OverdueSchema } },
    },
    async (req) => ({ items: await overdueActionItems(app.db, userOf(req)) }),
  );
};
