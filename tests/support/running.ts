/** Helpers for the plan-running API tests: row counts, and the seed plan's actions by schedule entry. */
import { sql } from 'drizzle-orm';
import type { TestApp } from './app.ts';
import { rows } from '../../src/db/executor.ts';

/** Row counts of the given tables, to show that a refused request wrote nothing. */
export async function countRows(t: TestApp, tables: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of tables) {
    const res = await rows<{ n: number }>(t.database.db, sql.raw(`select count(*)::int as n from ${table}`));
    out[table] = Number(res[0]!.n);
  }
  return out;
}

export const RUNNING_TABLES = ['actions', 'action_updates', 'evidence', 'budget_executions', 'budget_lines', 'quarter_reports', 'plans', 'audit_log'] as const;

export interface SeedAction {
  id: number;
  text: string;
  target: { count: number; unit: string } | null;
  year: number;
  period: string;
}

/** The plan's actions (public view), with their entry's year and period. */
export async function planActions(t: TestApp, planId: number): Promise<SeedAction[]> {
  const plan = (await t.app.inject(`/api/plans/${planId}`)).json() as {
    schedule: { year: number; period: string; actions: { id: number; text: string; target: SeedAction['target'] }[] }[];
  };
  return plan.schedule.flatMap((e) => e.actions.map((a) => ({ id: a.id, text: a.text, target: a.target, year: e.year, period: e.period })));
}

/** The first action of the entry due in that year and period. */
export function actionAt(actions: SeedAction[], year: number, period: string, index = 0): SeedAction {
  const found = actions.filter((a) => a.year === year && a.period === period)[index];
  if (!found) throw new Error(`no action #${index} in ${year} ${period}`);
  return found;
}
