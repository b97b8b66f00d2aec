/**
 * Open data (공공데이터): datasets of aggregates anyone may download as CSV or JSON under
 * 공공누리 제1유형 (KOGL Type 1: attribution). No dataset carries personal data: only counts,
 * amounts and the plan's and programmes' own public texts.
 */
import { stringify } from 'csv-stringify/sync';
import type { Executor } from '../../db/executor.ts';
import { CSV_OPTIONS, safeCsvCell, seoulCsvDateTime } from '../../server/csv.ts';

type Bilingual = { ko: string; en: string };
type FieldType = 'string' | 'integer' | 'number' | 'datetime';
type Cell = string | number | Date | null;

export interface Field {
  id: string;
  title: Bilingual;
  type: FieldType;
}

export interface DatasetContent {
  /** When the data last changed, as far as the tables record it; null when there is none yet. */
  updatedAt: Date | null;
  records: Record<string, Cell>[];
}

export interface Dataset {
  id: string;
  title: Bilingual;
  description: Bilingual;
  fields: Field[];
  read(db: Executor): Promise<DatasetContent>;
}

export const LICENSE = {
  id: 'KOGL-Type1',
  name: { ko: '공공누리 제1유형: 출처표시', en: 'Korea Open Government License Type 1: Attribution' },
  url: 'https://www.kogl.or.kr/info/licenseType1.do',
} as const;

export const FORMATS = ['csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export const datasetUrl = (id: string, format: Format) => `/api/open-data/${id}.${format}`;

/** The latest of some timestamps (nulls ignored). */
export function latest(...dates: (Date | string | null | undefined)[]): Date | null {
  const times = dates.filter((d): d is Date | string => d !== null && d !== undefined).map((d) => new Date(d).getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

/**
 * CSV: UTF-8 with a BOM (Excel in Korean Windows reads it as UTF-8 then), a header row naming each
 * field in Korean and English, records ending with CR LF, times in Seoul time, formulas neutralised.
 */
export function datasetCsv(d: Dataset, content: DatasetContent): string {
  const header = d.fields.map((f) => `${f.title.ko} ${f.title.en}`);
  const rows = content.records.map((r) =>
    d.fields.map((f) => {
      const v = r[f.id] ?? null;
      return safeCsvCell(v instanceof Date ? seoulCsvDateTime(v) : v);
    }),
  );
  return `\uFEFF${stringify([header, ...rows], CSV_OPTIONS)}`;
}

/** JSON: the dataset's description, its fields and its records (times as ISO 8601). */
export function datasetJson(d: Dataset, content: DatasetContent) {
  return {
    id: d.id,
    title: d.title,
    description: d.description,
    license: LICENSE.id,
    licenseName: LICENSE.name,
    licenseUrl: LICENSE.url,
    updatedAt: content.updatedAt?.toISOString() ?? null,
    fields: d.fields,
    records: content.records.map((r) =>
      Object.fromEntries(
        d.fields.map((f) => {
          const v = r[f.id] ?? null;
          return [f.id, v instanceof Date ? v.toISOString() : v];
        }),
      ),
    ),
  };
}
