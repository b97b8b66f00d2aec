/**
 * Open data routes: the catalogue and each dataset as CSV or JSON, public and readable from any
 * origin (open data is meant to be fetched by other programs: CORS `*`, no credentials).
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC } from '../../server/auth.ts';
import { setDownloadHeaders } from '../../server/download.ts';
import { DatasetParams, OpenDataCatalogueSchema, OpenDataJsonSchema } from './api-schema.ts';
import { catalogue, findDataset } from './catalogue.ts';
import { datasetCsv, datasetJson } from './dataset.ts';

const tags = ['open-data'];
const openToAll = (reply: FastifyReply) => reply.header('access-control-allow-origin', '*').header('cross-origin-resource-policy', 'cross-origin');

export const openDataRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/open-data',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'listOpenData',
        summary: 'The open-data catalogue: datasets, licence (공공누리 제1유형), last change and formats / 공공데이터 목록',
        tags,
        response: { 200: OpenDataCatalogueSchema },
      },
    },
    async (_req, reply) => {
      openToAll(reply);
      return catalogue(app.db);
    },
  );

  app.get(
    '/api/open-data/:dataset.json',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'getOpenDataJson',
        summary: 'One dataset as JSON: fields and records / 공공데이터 JSON',
        tags,
        params: DatasetParams,
        response: { 200: OpenDataJsonSchema },
      },
    },
    async (req, reply) => {
      const d = findDataset(req.params.dataset);
      openToAll(reply);
      return datasetJson(d, await d.read(app.db));
    },
  );

  app.get(
    '/api/open-data/:dataset.csv',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'getOpenDataCsv',
        summary: 'One dataset as CSV (UTF-8 with BOM, CR LF) / 공공데이터 CSV',
        tags,
        params: DatasetParams,
        produces: ['text/csv'],
        response: { 200: z.unknown().describe('the CSV') },
      },
    },
    async (req, reply) => {
      const d = findDataset(req.params.dataset);
      const body = Buffer.from(datasetCsv(d, await d.read(app.db)), 'utf8');
      setDownloadHeaders(reply, { fileName: `${d.id}.csv`, mimeType: 'text/csv', sizeBytes: body.length, cache: 'public' });
      openToAll(reply);
      return reply.send(body);
    },
  );
};
