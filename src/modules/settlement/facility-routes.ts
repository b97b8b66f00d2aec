/** Facility routes (생활 인프라 건립): the public list, page and photos; staff edits, inspections, photos and follow-ups. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, EDITORS, MANAGERS, PUBLIC, STAFF, userOf } from '../../server/auth.ts';
import { setDownloadHeaders } from '../../server/download.ts';
import { notFound } from '../../server/errors.ts';
import { readMultipart, requireFile, textField } from '../../server/multipart.ts';
import {
  BudgetBody,
  FacilityListItemSchema,
  FacilityPatchBody,
  FacilitySchema,
  FollowUpBody,
  IdParams,
  InspectionBody,
  MilestoneParams,
  MilestonePatchBody,
  PhotoCaption,
  PhotoUploadBody,
} from './api-schema.ts';
import { facilityPage, listFacilities, setBudget, updateFacility, updateMilestone } from './facilities/facilities.ts';
import { addInspection, addInspectionPhoto, photoFile, setFollowUp } from './facilities/inspections.ts';

const tags = ['settlement'];

export const facilityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/facilities',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'listFacilities',
        summary: 'The plan’s living-infrastructure facilities: stage, progress and milestones / 생활 인프라 건립 현황',
        tags,
        response: { 200: z.object({ items: z.array(FacilityListItemSchema) }) },
      },
    },
    async () => listFacilities(app.db),
  );

  app.get(
    '/api/facilities/:id',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'getFacility',
        summary: 'One facility’s public page: stage, milestones, budget, department and photos (no inspection notes) / 시설 상세',
        tags,
        params: IdParams,
        response: { 200: FacilitySchema },
      },
    },
    async (req) => facilityPage(app.db, req.params.id, 'public'),
  );

  app.get(
    '/api/facilities/photos/:id',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'getFacilityPhoto',
        summary: 'An inspection photo (shown on the facility’s public page) / 점검 사진',
        tags,
        params: IdParams,
        produces: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'],
        response: { 200: z.unknown().describe('the image') },
      },
    },
    async (req, reply) => {
      const p = await photoFile(app.db, req.params.id);
      const bytes = await app.files.read(p.fileSha256);
      if (!bytes) throw notFound({ ko: `사진 ${p.id}`, en: `Photo ${p.id}` });
      setDownloadHeaders(reply, { fileName: p.fileName, mimeType: p.mimeType, sizeBytes: bytes.length, cache: 'public' });
      return reply.send(bytes);
    },
  );

  app.get(
    '/api/manage/facilities/:id',
    {
      config: { policy: STAFF },
      schema: {
        operationId: 'getFacilityStaff',
        summary: 'A facility with its inspections, findings and follow-ups / 시설 관리',
        tags,
        params: IdParams,
        response: { 200: FacilitySchema },
      },
    },
    async (req) => facilityPage(app.db, req.params.id, 'staff'),
  );

  app.patch(
    '/api/manage/facilities/:id',
    {
      config: { policy: EDITORS, errors: ['FACILITY_STAGE_BACKWARDS', 'OTHER_DEPARTMENT'] },
      schema: {
        operationId: 'updateFacility',
        summary: 'Move a facility to a later stage, or set its responsible department / 단계·담당 부서 변경',
        tags,
        params: IdParams,
        body: FacilityPatchBody,
        response: { 200: FacilitySchema },
      },
    },
    async (req) => updateFacility(app.db, actorOf(req), userOf(req), req.params.id, req.body),
  );

  app.patch(
    '/api/manage/facilities/:id/milestones/:milestoneId',
    {
      config: { policy: EDITORS, errors: ['OTHER_DEPARTMENT'] },
      schema: {
        operationId: 'updateFacilityMilestone',
        summary: 'Set a milestone’s planned or actual date / 추진 일정',
        tags,
        params: MilestoneParams,
        body: MilestonePatchBody,
        response: { 200: FacilitySchema },
      },
    },
    async (req) => updateMilestone(app.db, actorOf(req), userOf(req), req.params.id, req.params.milestoneId, req.body),
  );

  app.put(
    '/api/manage/facilities/:id/budget',
    {
      config: { policy: MANAGERS },
      schema: {
        operationId: 'setFacilityBudget',
        summary: 'The facility’s budget by funding source (won) / 재원별 사업비',
        tags,
        params: IdParams,
        body: BudgetBody,
        response: { 200: FacilitySchema },
      },
    },
    async (req) => setBudget(app.db, actorOf(req), req.params.id, req.body.lines),
  );

  app.post(
    '/api/manage/facilities/:id/inspections',
    {
      config: { policy: EDITORS, errors: ['OTHER_DEPARTMENT'] },
      schema: {
        operationId: 'addFacilityInspection',
        summary: 'Record an inspection: date, findings, follow-up items / 추진상황 점검 기록',
        tags,
        params: IdParams,
        body: InspectionBody,
        response: { 201: FacilitySchema },
      },
    },
    async (req, reply) => reply.status(201).send(await addInspection(app.db, actorOf(req), userOf(req), req.params.id, req.body)),
  );

  app.post(
    '/api/manage/inspections/:id/photos',
    {
      config: { policy: EDITORS, errors: ['OTHER_DEPARTMENT'] },
      schema: {
        operationId: 'addInspectionPhoto',
        summary: 'Add a photo to an inspection (shown on the public page) / 점검 사진 올리기',
        description: 'multipart/form-data: `file` (PNG, JPEG, GIF or WebP, ≤ 10 MB, checked by content), `caption` (optional).',
        tags,
        consumes: ['multipart/form-data'],
        params: IdParams,
        body: PhotoUploadBody,
        response: { 201: FacilitySchema },
      },
    },
    async (req, reply) => {
      const form = await readMultipart(req, 'file', ['caption']);
      const file = requireFile(form);
      const caption = textField(form, 'caption', PhotoCaption);
      return reply.status(201).send(await addInspectionPhoto(app.db, app.files, actorOf(req), userOf(req), req.params.id, { file, caption }));
    },
  );

  app.patch(
    '/api/manage/follow-ups/:id',
    {
      config: { policy: EDITORS, errors: ['OTHER_DEPARTMENT'] },
      schema: {
        operationId: 'setInspectionFollowUp',
        summary: 'Mark a follow-up item done or not / 후속 조치 완료',
        tags,
        params: IdParams,
        body: FollowUpBody,
        response: { 200: FacilitySchema },
      },
    },
    async (req) => setFollowUp(app.db, actorOf(req), userOf(req), req.params.id, req.body.done),
  );
};
