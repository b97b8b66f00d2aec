/** The open-data catalogue: every dataset, in the order the catalogue page lists them. */
import type { Executor } from '../../db/executor.ts';
import { notFound } from '../../server/errors.ts';
import { datasetUrl, FORMATS, LICENSE, type Dataset } from './dataset.ts';
import { planActions, planBudget, planQuarterlyFigures } from './datasets/plan.ts';
import { academySessionFigures, eventFigures } from './datasets/programmes.ts';

const DATASETS: readonly Dataset[] = [planActions, planQuarterlyFigures, planBudget, academySessionFigures, eventFigures];

export function findDataset(id: string): Dataset {
  const d = DATASETS.find((x) => x.id === id);
  if (!d) throw notFound({ ko: `공공데이터 ${id}`, en: `Dataset ${id}` });
  return d;
}

/** The catalogue with each dataset's last change (each dataset is read: they are small aggregates). */
export async function catalogue(db: Executor) {
  const datasets = [];
  for (const d of DATASETS) {
    const { updatedAt, records } = await d.read(db);
    datasets.push({
      id: d.id,
      title: d.title,
      description: d.description,
      license: LICENSE.id,
      licenseName: LICENSE.name,
      licenseUrl: LICENSE.url,
      updatedAt: updatedAt?.toISOString() ?? null,
      recordCount: records.length,
      fields: d.fields,
      formats: FORMATS.map((format) => ({ format, url: datasetUrl(d.id, format) })),
    });
  }
  return { datasets };
}
