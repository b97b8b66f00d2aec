/** Quarterly report routes: list, read (frozen or live), XLSX, and report a quarter. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, MANAGERS, STAFF, userOf } from '../../server/auth.ts';
import { setDownloadHeaders } from '../../server/download.ts';
import { PlanIdParams } from './api-schema.ts';
import { ReportBody, ReportListSchema, ReportParams, ReportResponseSchema } from './report-api-schema.ts';
import { createReport, getReport, listReports } from './report-service.ts';
import { reportFileName, reportWorkbook } from './report-xlsx.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/plans/:id/reports',
    {
      config: { policy: STAFF },
      schema: {
        operationId: 'listReports',
        summary: 'Reported quarters / 보고된 분기 목록',
        tags: ['reports'],
        params: PlanIdParams,
        response: { 200: ReportListSchema },
      },
    },
    async (req) => ({ items: await listReports(app.db, req.params.id) }),
  );

  app.get(
    '/api/plans/:id/reports/:year/:quarter',
    {
      config: { policy: STAFF },
      schema: {
        operationId: 'getReport',
        summary: 'A quarter’s report: the frozen snapshot when reported, else live / 분기 보고서',
        tags: ['reports'],
        params: ReportParams,
        response: { 200: ReportResponseSchema },
      },
    },
    async (req) => getReport(app.db, req.params.id, req.params.year, req.params.quarter),
  );

  app.get(
    '/api/plans/:id/reports/:year/:quarter.xlsx',
    {
      config: { policy: STAFF },
      schema: {
        operationId: 'getReportXlsx',
        summary: 'A quarter’s report as an XLSX workbook / 분기 보고서 엑셀',
        tags: ['reports'],
        params: ReportParams,
        produces: [XLSX],
        response: { 200: z.unknown().describe('the workbook') },
      },
    },
    async (req, reply) => {
      const report = await getReport(app.db, req.params.id, req.params.year, req.params.quarter);
      const body = await reportWorkbook(report);
      setDownloadHeaders(reply, { fileName: reportFileName(report.report), mimeType: XLSX, sizeBytes: body.length, cache: 'private' });
      return reply.send(body);
    },
  );

  app.post(
    '/api/plans/:id/reports',
    {
      config: { policy: MANAGERS, errors: ['QUARTER_REPORTED'] },
      schema: {
        operationId: 'reportQuarter',
        summary: 'Report a quarter: freeze its snapshot, once / 분기 보고(확정)',
        description: 'A quarter already reported → 409: snapshots are never rewritten. A quarter that has not begun, or a year outside the plan’s period → 400.',
        tags: ['reports'],
        params: PlanIdParams,
        body: ReportBody,
        response: { 201: ReportResponseSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createReport(app.db, actorOf(req), userOf(req).id, req.params.id, req.body.year, req.body.quarter)),
  );
};
