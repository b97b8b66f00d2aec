/** Turns attraction rows into the staff answer. */
import type { z } from 'zod';
import type { SupportSchema, TargetSchema } from './api-schema.ts';
import type { attractionStageDates, attractionSupport, attractionTargets } from './schema.ts';
import { ATTRACTION_STAGES, attractionStageIndex } from './stages.ts';

export type TargetRow = typeof attractionTargets.$inferSelect;
export type StageDateRow = typeof attractionStageDates.$inferSelect;
export type SupportRow = typeof attractionSupport.$inferSelect;

export const supportView = (s: SupportRow): z.infer<typeof SupportSchema> => ({ id: s.id, kind: s.kind, amountWon: s.amountWon, note: s.note, offeredOn: s.offeredOn });

export function targetView(t: TargetRow, owner: { id: number; name: string } | null, dates: StageDateRow[], support: SupportRow[]): z.infer<typeof TargetSchema> {
  const reached = new Map(dates.map((d) => [d.stage, d.reachedOn]));
  return {
    id: t.id,
    name: { ko: t.nameKo, en: t.nameEn },
    kind: t.kind,
    stage: t.stage,
    stageIndex: attractionStageIndex(t.stage),
    nextStep: t.nextStep,
    nextStepDue: t.nextStepDue,
    owner,
    announce: t.announce,
    notes: t.notes,
    stages: ATTRACTION_STAGES.map((stage) => ({ stage, reachedOn: reached.get(stage) ?? null })),
    support: support.map(supportView),
    supportTotalWon: support.reduce((a, s) => a + (s.amountWon ?? 0), 0),
    updatedAt: t.updatedAt.toISOString(),
  };
}
