/** Zod schemas of the ordinance API (조례): the public view, the staff view and the writes. */
import { z } from 'zod';
import { binary, dbId, idNumber, multipartBody } from '../../../server/api-schema.ts';
import { multiLine, singleLine } from '../../../server/text.ts';
import { isCalendarDate } from '../../plan/seoul-time.ts';
import { OPINION_SOURCES, ORDINANCE_STAGES } from './stages.ts';

const calendarDate = z.iso.date().refine(isCalendarDate, 'not a calendar date').describe('YYYY-MM-DD, Asia/Seoul');
export const IdParams = z.object({ id: idNumber().describe('id') });

export const OrdinanceStageSchema = z.enum(ORDINANCE_STAGES);
const OpinionSourceSchema = z.enum(OPINION_SOURCES).describe('who sent it, as a kind only: no personal data is kept');

export const StageMoveBody = z
  .object({
    stage: OrdinanceStageSchema.describe('the next stage: stages are passed in order, one at a time, never back'),
    reachedOn: calendarDate.describe('the day the stage was reached (not before the previous stage, not after today), Asia/Seoul'),
    noticeEndsOn: calendarDate.optional().describe('legislative_notice only, and required there: the last day of the notice period'),
  })
  .strict();

export const RoundBody = z.object({ summary: z.object({ ko: multiLine(2000), en: multiLine(2000).optional() }).strict(), startedOn: calendarDate }).strict();

export const OpinionBody = z.object({ source: OpinionSourceSchema, receivedOn: calendarDate, summary: multiLine(4000) }).strict();

export const OpinionAnswerBody = z.object({ answer: multiLine(4000), accepted: z.boolean().describe('taken up (반영) or not (미반영)'), answeredOn: calendarDate }).strict();

export const DocumentTitle = singleLine(200, { min: 0 });
export const DocumentUploadBody = multipartBody({
  file: binary('≤ 10 MB: PDF, PNG, JPEG, GIF, WebP, TXT, CSV, XLSX, DOCX, PPTX, HWP, HWPX (checked by content)'),
  stage: OrdinanceStageSchema.describe('the stage it belongs to: one the round has reached'),
  title: DocumentTitle.optional().describe('defaults to the file name'),
  published: z.enum(['true', 'false']).optional().describe('shown on the public page (default false)'),
});

const bilingualOut = z.object({ ko: z.string(), en: z.string().nullable() });

const StageDateSchema = z.object({
  stage: OrdinanceStageSchema,
  label: z.object({ ko: z.string(), en: z.string() }),
  reachedOn: z.string().nullable(),
});

const PublicDocumentSchema = z.object({
  id: dbId(),
  stage: OrdinanceStageSchema,
  title: z.string(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  url: z.string(),
});
export const StaffDocumentSchema = PublicDocumentSchema.extend({ mimeType: z.string(), published: z.boolean(), createdAt: z.string() });

export const OpinionSchema = z.object({
  id: dbId(),
  roundId: dbId(),
  source: OpinionSourceSchema,
  receivedOn: z.string(),
  summary: z.string(),
  answer: z.string().nullable(),
  accepted: z.boolean().nullable(),
  answeredOn: z.string().nullable(),
});

const roundBase = {
  id: dbId(),
  round: z.number().int(),
  kind: z.enum(['enactment', 'amendment']),
  summary: bilingualOut.nullable(),
  stage: OrdinanceStageSchema,
  stageIndex: z.number().int().describe('0 (drafting) … 7 (in force)'),
  stageLabel: z.object({ ko: z.string(), en: z.string() }),
  stages: z.array(StageDateSchema),
  notice: z.object({ startsOn: z.string(), endsOn: z.string() }).nullable(),
  opinionCounts: z.object({ received: z.number().int(), answered: z.number().int(), accepted: z.number().int() }),
};

export const PublicRoundSchema = z.object({ ...roundBase, documents: z.array(PublicDocumentSchema) });
export const StaffRoundSchema = z.object({ ...roundBase, documents: z.array(StaffDocumentSchema), opinions: z.array(OpinionSchema) });

const ordinanceBase = {
  id: dbId(),
  title: bilingualOut,
  planId: dbId().nullable(),
  planLine: z.string().nullable().describe('the plan line (사업내용) the ordinance fulfils'),
  stageCount: z.number().int(),
};

export const PublicOrdinanceSchema = z
  .object({ ...ordinanceBase, current: PublicRoundSchema.describe('the latest round'), rounds: z.array(PublicRoundSchema) })
  .meta({ id: 'PublicOrdinance' });
export const StaffOrdinanceSchema = z
  .object({ ...ordinanceBase, current: StaffRoundSchema, rounds: z.array(StaffRoundSchema), nextStage: OrdinanceStageSchema.nullable() })
  .meta({ id: 'StaffOrdinance' });
