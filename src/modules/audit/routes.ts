/** The audit trail for staff: filter, page, and export as CSV. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MANAGERS } from '../../server/auth.ts';
import { dbId, idNumber, wholeNumber } from '../../server/api-schema.ts';
import { singleLine } from '../../server/text.ts';
import { actorOption, auditCsv, auditView } from './presenters.ts';
import { auditFacets, listAudit, type AuditFilter } from './service.ts';

const Filter = z.object({
  entity: z.string().max(50).optional(),
  entityId: z.string().max(50).optional(),
  actorId: idNumber().optional(),
  action: z.string().max(50).optional(),
  q: singleLine(100).optional().describe("words in the record's title, e.g. 지니포럼"),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  page: wholeNumber(1, 100_000).default(1),
  pageSize: wholeNumber(1, 200).default(50),
});

export const AuditRow = z.object({
  id: dbId().min(1).max(Number.MAX_SAFE_INTEGER).describe('audit row id (bigserial)'),
  at: z.string(),
  actorId: dbId().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  subject: z.string().nullable().describe("the record's title when it was changed"),
  actorName: z.string().nullable().describe('the staff member, masked (김*동); null for the system and citizens'),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});

const toFilter = (q: z.infer<typeof Filter>, limit: number, offset: number): AuditFilter => ({
  entity: q.entity,
  entityId: q.entityId,
  actorId: q.actorId,
  action: q.action,
  q: q.q,
  from: q.from ? new Date(q.from) : undefined,
  to: q.to ? new Date(q.to) : undefined,
  limit,
  offset,
});

const CSV_MAX_ROWS = 100_000;

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      config: { policy: MANAGERS },
      schema: {
        operationId: 'listAudit',
        summary: 'Audit trail / 감사 기록',
        tags: ['audit'],
        querystring: Filter,
        response: { 200: z.object({ items: z.array(AuditRow), total: z.number().int() }) },
      },
    },
    async (req) => {
      const q = req.query;
      const { items, total } = await listAudit(app.db, toFilter(q, q.pageSize, (q.page - 1) * q.pageSize));
      return { items: items.map(auditView), total };
    },
  );

  app.get(
    '/api/audit/facets',
    {
      config: { policy: MANAGERS },
      schema: {
        operationId: 'auditFacets',
        summary: 'What the audit filters offer / 감사 기록 검색 조건',
        tags: ['audit'],
        response: { 200: z.object({ actors: z.array(z.object({ id: dbId(), label: z.string() })), entities: z.array(z.string()), actions: z.array(z.string()) }) },
      },
    },
    async () => {
      const f = await auditFacets(app.db);
      return { ...f, actors: f.actors.map(actorOption) };
    },
  );

  app.get(
    '/api/audit.csv',
    {
      config: { policy: MANAGERS },
      schema: {
        operationId: 'exportAudit',
        summary: 'Audit trail as CSV / 감사 기록 CSV',
        tags: ['audit'],
        querystring: Filter,
        produces: ['text/csv'],
        response: { 200: z.string().describe('RFC 4180 CSV, UTF-8 with a byte-order mark') },
      },
    },
    async (req, reply) => {
      const { items } = await listAudit(app.db, toFilter(req.query, CSV_MAX_ROWS, 0));
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="finhub-audit.csv"').send(auditCsv(items));
    },
  );
};
