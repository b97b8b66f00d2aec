/**
 * The plan's public record (transparency): an action's public page, the reported quarters with
 * their PDF, XLSX and HWPX downloads, the pledge disclosure; and the staff route that writes an
 * action's public explanation.
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, EDITORS, PUBLIC, userOf } from '../../server/auth.ts';
import { setDownloadHeaders } from '../../server/download.ts';
import { PlanIdParams, StaffActionSchema } from './api-schema.ts';
import { setExplanation } from './explanation-service.ts';
import type { ReportResponse } from './report-api-schema.ts';
import { HWPX_MIME, reportHwpx } from './report-hwpx.ts';
import { reportPdf } from './report-pdf.ts';
import { reportFileName, reportWorkbook } from './report-xlsx.ts';
import { ActionIdParams } from './tracking-api-schema.ts';
import { DisclosureSchema, ExplanationBody, PlanActionParams, PublicActionPageSchema, PublicReportListSchema, PublicReportParams } from './transparency-api-schema.ts';
import { getDisclosure, getPublicAction, getPublicReport, listPublicReports } from './transparency-service.ts';

const FORMATS = {
  pdf: { mime: 'application/pdf', write: reportPdf, label: 'PDF' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', write: reportWorkbook, label: 'XLSX' },
  hwpx: { mime: HWPX_MIME, write: reportHwpx, label: 'HWPX (한글, OWPML)' },
} as const satisfies Record<string, { mime: string; write: (r: ReportResponse) => Promise<Buffer>; label: string }>;

export const transparencyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/api/actions/:id/explanation',
    {
      config: { policy: EDITORS, errors: ['OTHER_DEPARTMENT'] },
      schema: {
        operationId: 'setActionExplanation',
        summary: 'Write an action’s public explanation (ko, optional en); both blank removes it / 추진계획 공개 설명 작성',
        description: 'Shown on the public action page; separate from the internal comments. Officers only for their department’s actions (403).',
        tags: ['plan running'],
        params: ActionIdParams,
        body: ExplanationBody,
        response: { 200: StaffActionSchema },
      },
    },
    async (req) => setExplanation(app.db, actorOf(req), userOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/plans/:id/actions/:actionId',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'getPublicAction',
        summary: 'One action for the public: status, progress, published evidence, explanation and the history of its status / 추진계획 공개',
        tags: ['transparency'],
        params: PlanActionParams,
        response: { 200: PublicActionPageSchema },
      },
    },
    async (req) => getPublicAction(app.db, req.params.id, req.params.actionId),
  );

  app.get(
    '/api/plans/:id/public-reports',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'listPublicReports',
        summary: 'Reported (frozen) quarterly reports with their downloads; drafts are never listed / 공개 분기 보고서',
        tags: ['transparency'],
        params: PlanIdParams,
        response: { 200: PublicReportListSchema },
      },
    },
    async (req) => ({ items: await listPublicReports(app.db, req.params.id) }),
  );

  const download = async (format: keyof typeof FORMATS, params: { id: number; year: number; quarter: number }, reply: FastifyReply) => {
    const f = FORMATS[format];
    const report = await getPublicReport(app.db, params.id, params.year, params.quarter);
    const body = await f.write(report);
    const fileName = reportFileName(report.report).replace(/\.xlsx$/, `.${format}`);
    setDownloadHeaders(reply, { fileName, mimeType: f.mime, sizeBytes: body.length, cache: 'public' });
    return reply.send(body);
  };
  for (const format of Object.keys(FORMATS) as (keyof typeof FORMATS)[]) {
    app.get(
      `/api/plans/:id/public-reports/:year/:quarter.${format}`,
      {
        config: { policy: PUBLIC },
        schema: {
          operationId: `getPublicReport${format[0]!.toUpperCase()}${format.slice(1)}`,
          summary: `A reported quarter as ${FORMATS[format].label}; an unreported quarter → 404 / 공개 분기 보고서 내려받기`,
          tags: ['transparency'],
          params: PublicReportParams,
          produces: [FORMATS[format].mime],
          response: { 200: z.unknown().describe(`the ${FORMATS[format].label} file`) },
        },
      },
      async (req, reply) => download(format, req.params, reply),
    );
  }

  app.get(
    '/api/plans/:id/disclosure',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'getPledgeDisclosure',
        summary: 'Pledge disclosure: status counts, 계획·확보·집행 by source and year, targets achieved, with 기준일 / 공약 이행 현황 공개',
        tags: ['transparency'],
        params: PlanIdParams,
        response: { 200: DisclosureSchema },
      },
    },
    async (req) => getDisclosure(app.db, req.params.id),
  );
};
