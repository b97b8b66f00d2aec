/** Loads the ordinance with its rounds, stage dates, opinions and documents (one loader for both views). */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/executor.ts';
import { notFound } from '../../../server/errors.ts';
import { planContents } from '../../plan/schema.ts';
import { ordinanceDocuments, ordinanceOpinions, ordinanceRounds, ordinances, ordinanceStageDates } from './schema.ts';

type OrdinanceRow = typeof ordinances.$inferSelect;
export type RoundRow = typeof ordinanceRounds.$inferSelect;
type StageDateRow = typeof ordinanceStageDates.$inferSelect;
export type OpinionRow = typeof ordinanceOpinions.$inferSelect;
export type DocumentRow = typeof ordinanceDocuments.$inferSelect;

export interface LoadedRound {
  round: RoundRow;
  dates: StageDateRow[];
  opinions: OpinionRow[];
  documents: DocumentRow[];
}

export interface LoadedOrdinance {
  ordinance: OrdinanceRow;
  planLine: string | null;
  rounds: LoadedRound[];
}

/** The ordinance (there is one: the plan's); 404 before it is seeded. */
export async function loadOrdinance(db: Executor): Promise<LoadedOrdinance> {
  const [ordinance] = await db.select().from(ordinances).orderBy(asc(ordinances.id)).limit(1);
  if (!ordinance) throw notFound({ ko: '조례', en: 'The ordinance' });
  const planLine = ordinance.planContentId
    ? ((await db.select({ area: planContents.area, text: planContents.text }).from(planContents).where(eq(planContents.id, ordinance.planContentId)))[0] ?? null)
    : null;
  const rounds = await db.select().from(ordinanceRounds).where(eq(ordinanceRounds.ordinanceId, ordinance.id)).orderBy(asc(ordinanceRounds.round));
  const ids = rounds.map((r) => r.id);
  const [dates, opinions, documents] = ids.length
    ? await Promise.all([
        db.select().from(ordinanceStageDates).where(inArray(ordinanceStageDates.roundId, ids)),
        db.select().from(ordinanceOpinions).where(inArray(ordinanceOpinions.roundId, ids)).orderBy(asc(ordinanceOpinions.id)),
        db.select().from(ordinanceDocuments).where(inArray(ordinanceDocuments.roundId, ids)).orderBy(asc(ordinanceDocuments.id)),
      ])
    : [[], [], []];
  return {
    ordinance,
    planLine: planLine ? (planLine.area ? `(${planLine.area}) ${planLine.text}` : planLine.text) : null,
    rounds: rounds.map((round) => ({
      round,
      dates: dates.filter((d) => d.roundId === round.id),
      opinions: opinions.filter((o) => o.roundId === round.id),
      documents: documents.filter((d) => d.roundId === round.id),
    })),
  };
}

/** A round, locked for a change; 404 when absent. */
export async function lockRound(tx: Executor, id: number): Promise<RoundRow> {
  const [row] = await tx.select().from(ordinanceRounds).where(eq(ordinanceRounds.id, id)).for('update');
  if (!row) throw notFound({ ko: `조례 추진 차수 ${id}`, en: `Ordinance round ${id}` });
  return row;
}
