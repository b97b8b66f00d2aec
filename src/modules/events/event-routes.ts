/** Events core routes (docs/events-api.md): events, rooms, programme, speakers, photos, iCalendar. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, MANAGERS, PUBLIC, STAFF, userOf } from '../../server/auth.ts';
import { binary, multipartBody } from '../../server/api-schema.ts';
import { notFound } from '../../server/errors.ts';
import { readMultipart, requireFile } from '../../server/multipart.ts';
import {
  EventBody,
  EventDetailSchema,
  EventIdParams,
  EventListQuery,
  EventPatchBody,
  EventSummarySchema,
  ItemParams,
  ProgrammeBody,
  ProgrammeItemSchema,
  ProgrammePatchBody,
  RoomBody,
  RoomParams,
  RoomPatchBody,
  RoomSchema,
  SpeakerBody,
  SpeakerIdParams,
  SpeakerParams,
  SpeakerPatchBody,
  SpeakerSchema,
} from './event-api-schema.ts';
import { eventCalendar, programmeItemCalendar } from './event-calendar.ts';
import { loadEvent } from './core/event-row.ts';
import { createEvent, getEventDetail, getProgrammeItem, listEvents, updateEvent } from './core/events.ts';
import { createProgrammeItem, deleteProgrammeItem, updateProgrammeItem } from './core/programme.ts';
import { createRoom, deleteRoom, updateRoom } from './core/rooms.ts';
import { createSpeaker, deleteSpeaker, setSpeakerPhoto, speakerPhoto, updateSpeaker } from './core/speakers.ts';

const tags = ['events'];
const ics = z.string().describe('text/calendar (RFC 5545), times in UTC');

export const eventRoutes: FastifyPluginAsyncZod<{ publicUrl: string }> = async (app, { publicUrl }) => {
  const base = publicUrl.replace(/\/+$/, '');

  app.get(
    '/api/events',
    {
      config: { policy: PUBLIC, publicCache: true },
      schema: {
        operationId: 'listEvents',
        summary: 'Published events (GENIE Forum, seminars, conferences) / 행사 목록',
        tags,
        querystring: EventListQuery,
        response: { 200: z.object({ items: z.array(EventSummarySchema) }) },
      },
    },
    async (req) => ({ items: await listEvents(app.db, { kind: req.query.kind, publicOnly: true }) }),
  );

  app.get(
    '/api/manage/events',
    {
      config: { policy: STAFF },
      schema: {
        operationId: 'listAllEvents',
        summary: 'All events, unpublished included / 행사 목록(직원)',
        tags,
        querystring: EventListQuery,
        response: { 200: z.object({ items: z.array(EventSummarySchema) }) },
      },
    },
    async (req) => ({ items: await listEvents(app.db, { kind: req.query.kind, publicOnly: false }) }),
  );

  app.get(
    '/api/events/:id',
    {
      config: { policy: PUBLIC, publicCache: true },
      schema: {
        operationId: 'getEvent',
        summary: 'An event with rooms, programme and speakers / 행사 상세',
        description: 'Unpublished events: signed-in staff only (404 to others).',
        tags,
        params: EventIdParams,
        response: { 200: EventDetailSchema },
      },
    },
    async (req) => getEventDetail(app.db, req.params.id, { publicOnly: req.user === null }),
  );

  app.get(
    '/api/events/:id/calendar.ics',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'getEventCalendar',
        summary: 'The event as iCalendar / 행사 일정(iCalendar)',
        tags,
        params: EventIdParams,
        produces: ['text/calendar'],
        response: { 200: ics },
      },
    },
    async (req, reply) => {
      const e = await loadEvent(app.db, req.params.id, { publicOnly: req.user === null });
      return reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="event-${e.id}.ics"`).send(eventCalendar(e, base));
    },
  );

  app.get(
    '/api/events/:id/programme/:itemId/calendar.ics',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'getProgrammeItemCalendar',
        summary: 'One session as iCalendar / 세션 일정(iCalendar)',
        tags,
        params: ItemParams,
        produces: ['text/calendar'],
        response: { 200: ics },
      },
    },
    async (req, reply) => {
      const { event, item, room } = await getProgrammeItem(app.db, req.params.id, req.params.itemId, { publicOnly: req.user === null });
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="event-${event.id}-session-${item.id}.ics"`)
        .send(programmeItemCalendar(event, { ...item, room }, base));
    },
  );

  app.post(
    '/api/events',
    {
      config: { policy: MANAGERS, errors: ['EVENT_EDITION_EXISTS', 'EVENT_HELD_NEEDS_DATES', 'EVENT_ENDED_STILL_PLANNED'] },
      schema: { operationId: 'createEvent', summary: 'Create an event / 행사 등록', tags, body: EventBody, response: { 201: EventDetailSchema } },
    },
    async (req, reply) => reply.status(201).send(await createEvent(app.db, actorOf(req), req.body)),
  );

  app.patch(
    '/api/events/:id',
    {
      config: { policy: MANAGERS, errors: ['EVENT_EDITION_EXISTS', 'EVENT_HELD_NEEDS_DATES', 'EVENT_ENDED_STILL_PLANNED'] },
      schema: {
        operationId: 'updateEvent',
        summary: 'Change an event, record its outcome, mark it held (its plan action becomes done) / 행사 수정·개최 기록',
        tags,
        params: EventIdParams,
        body: EventPatchBody,
        response: { 200: EventDetailSchema },
      },
    },
    async (req) => updateEvent(app.db, actorOf(req), userOf(req), req.params.id, req.body),
  );

  // Rooms
  app.post(
    '/api/events/:id/rooms',
    {
      config: { policy: MANAGERS },
      schema: { operationId: 'createEventRoom', summary: 'Add a room or track / 장소 추가', tags, params: EventIdParams, body: RoomBody, response: { 201: RoomSchema } },
    },
    async (req, reply) => reply.status(201).send(await createRoom(app.db, actorOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/events/:id/rooms/:roomId',
    {
      config: { policy: MANAGERS },
      schema: { operationId: 'updateEventRoom', summary: 'Change a room / 장소 수정', tags, params: RoomParams, body: RoomPatchBody, response: { 200: RoomSchema } },
    },
    async (req) => updateRoom(app.db, actorOf(req), req.params.id, req.params.roomId, req.body),
  );
  app.delete(
    '/api/events/:id/rooms/:roomId',
    {
      config: { policy: MANAGERS },
      schema: { operationId: 'deleteEventRoom', summary: 'Remove a room (its sessions keep no room) / 장소 삭제', tags, params: RoomParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await deleteRoom(app.db, actorOf(req), req.params.id, req.params.roomId);
      return reply.status(204).send(null);
    },
  );

  // Programme
  app.post(
    '/api/events/:id/programme',
    {
      config: { policy: MANAGERS, errors: ['PROGRAMME_OVERLAP'] },
      schema: {
        operationId: 'createProgrammeItem',
        summary: 'Add a session to the timetable (one item per room at a time) / 프로그램 추가',
        tags,
        params: EventIdParams,
        body: ProgrammeBody,
        response: { 201: ProgrammeItemSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createProgrammeItem(app.db, actorOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/events/:id/programme/:itemId',
    {
      config: { policy: MANAGERS, errors: ['PROGRAMME_OVERLAP'] },
      schema: {
        operationId: 'updateProgrammeItem',
        summary: 'Change a session (speakers replace the list; one item per room at a time) / 프로그램 수정',
        tags,
        params: ItemParams,
        body: ProgrammePatchBody,
        response: { 200: ProgrammeItemSchema },
      },
    },
    async (req) => updateProgrammeItem(app.db, actorOf(req), req.params.id, req.params.itemId, req.body),
  );
  app.delete(
    '/api/events/:id/programme/:itemId',
    {
      config: { policy: MANAGERS },
      schema: { operationId: 'deleteProgrammeItem', summary: 'Remove a session / 프로그램 삭제', tags, params: ItemParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await deleteProgrammeItem(app.db, actorOf(req), req.params.id, req.params.itemId);
      return reply.status(204).send(null);
    },
  );

  // Speakers
  app.post(
    '/api/events/:id/speakers',
    {
      config: { policy: MANAGERS },
      schema: { operationId: 'createSpeaker', summary: 'Add a speaker / 연사 추가', tags, params: EventIdParams, body: SpeakerBody, response: { 201: SpeakerSchema } },
    },
    async (req, reply) => reply.status(201).send(await createSpeaker(app.db, actorOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/events/:id/speakers/:speakerId',
    {
      config: { policy: MANAGERS },
      schema: { operationId: 'updateSpeaker', summary: 'Change a speaker / 연사 수정', tags, params: SpeakerParams, body: SpeakerPatchBody, response: { 200: SpeakerSchema } },
    },
    async (req) => updateSpeaker(app.db, actorOf(req), req.params.id, req.params.speakerId, req.body),
  );
  app.delete(
    '/api/events/:id/speakers/:speakerId',
    { config: { policy: MANAGERS }, schema: { operationId: 'deleteSpeaker', summary: 'Remove a speaker / 연사 삭제', tags, params: SpeakerParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteSpeaker(app.db, actorOf(req), req.params.id, req.params.speakerId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/speakers/:id/photo',
    {
      config: { policy: MANAGERS },
      schema: {
        operationId: 'uploadSpeakerPhoto',
        summary: 'Upload a speaker photo / 연사 사진 올리기',
        description: 'multipart/form-data: `file` (≤ 10 MB; PNG, JPEG, GIF or WebP — checked by content).',
        tags,
        consumes: ['multipart/form-data'],
        params: SpeakerIdParams,
        body: multipartBody({ file: binary('≤ 10 MB: PNG, JPEG, GIF or WebP (checked by content)') }),
        response: { 200: SpeakerSchema },
      },
    },
    async (req) => {
      const form = await readMultipart(req, 'file', []);
      return setSpeakerPhoto(app.db, app.files, actorOf(req), req.params.id, requireFile(form));
    },
  );

  app.get(
    '/api/speakers/:id/photo',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'getSpeakerPhoto',
        summary: 'A speaker photo / 연사 사진',
        description: 'Speakers of published events: anyone; others: signed-in staff only (404 to others).',
        tags,
        params: SpeakerIdParams,
        produces: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'],
        response: { 200: z.unknown().describe('the image') },
      },
    },
    async (req, reply) => {
      const p = await speakerPhoto(app.db, req.params.id, req.user !== null);
      const bytes = await app.files.read(p.sha256);
      if (!bytes) {
        req.log.error({ speakerId: req.params.id, sha256: p.sha256 }, 'speaker photo missing from the file store');
        throw notFound({ ko: `연사 ${req.params.id}의 사진`, en: `Photo of speaker ${req.params.id}` });
      }
      reply
        .header('content-type', p.mimeType)
        .header('content-length', String(bytes.length))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'; frame-ancestors 'none'")
        .header('cross-origin-resource-policy', 'same-origin')
        .header('cache-control', p.published ? 'public, max-age=300' : 'private, no-store');
      return reply.send(bytes);
    },
  );
};
