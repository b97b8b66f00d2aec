/** The Jeonju plan ships with the repo and is loaded through the importer on first start. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Executor } from '../../db/executor.ts';
import { parsePlanFile } from './importer/parse.ts';
import { countPlans, importPlan } from './service.ts';

export const SEED_PLAN_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../seed/jeonju-financial-hub-plan.txt');

/** Imports the seed plan when the database holds no plan yet; returns the new id or null. */
export async function seedPlanIfEmpty(db: Executor, file = SEED_PLAN_FILE): Promise<number | null> {
  if ((await countPlans(db)) > 0) return null;
  const bytes = fs.readFileSync(file);
  const { id } = await importPlan(db, parsePlanFile(bytes), { sourceText: bytes.toString('utf8') });
  return id;
}
