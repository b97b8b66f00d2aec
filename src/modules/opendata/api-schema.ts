import { z } from 'zod';

const bilingual = z.object({ ko: z.string(), en: z.string() });
const FieldSchema = z.object({ id: z.string(), title: bilingual, type: z.enum(['string', 'integer', 'number', 'datetime']) });
const licenseShape = {
  license: z.literal('KOGL-Type1').describe('공공누리 제1유형 (출처표시) / Korea Open Government License Type 1 (attribution)'),
  licenseName: bilingual,
  licenseUrl: z.string(),
};

export const OpenDataCatalogueSchema = z.object({
  datasets: z.array(
    z.object({
      id: z.string(),
      title: bilingual,
      description: bilingual,
      ...licenseShape,
      updatedAt: z.string().nullable().describe('when the data last changed (ISO 8601); null when there is none yet'),
      recordCount: z.number().int(),
      fields: z.array(FieldSchema),
      formats: z.array(z.object({ format: z.enum(['csv', 'json']), url: z.string() })),
    }),
  ),
});

export const OpenDataJsonSchema = z.object({
  id: z.string(),
  title: bilingual,
  description: bilingual,
  ...licenseShape,
  updatedAt: z.string().nullable(),
  fields: z.array(FieldSchema),
  records: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
});

export const DatasetParams = z.object({ dataset: z.string().max(60).describe('a dataset id from GET /api/open-data; any other answers 404') });
