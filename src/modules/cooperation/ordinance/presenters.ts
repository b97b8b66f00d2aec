/** Turns the loaded ordinance into its public and staff answers. */
import type { z } from 'zod';
import type { OpinionSchema, PublicOrdinanceSchema, PublicRoundSchema, StaffDocumentSchema, StaffOrdinanceSchema, StaffRoundSchema } from './api-schema.ts';
import type { DocumentRow, LoadedOrdinance, LoadedRound, OpinionRow } from './read.ts';
import { ORDINANCE_STAGE_LABELS, ORDINANCE_STAGES, stageIndex } from './stages.ts';

type PublicRound = z.infer<typeof PublicRoundSchema>;
type StaffRound = z.infer<typeof StaffRoundSchema>;

const documentUrl = (id: number) => `/api/ordinance/documents/${id}/file`;

const publicDocument = (d: DocumentRow) => ({ id: d.id, stage: d.stage, title: d.title, fileName: d.fileName, sizeBytes: d.sizeBytes, url: documentUrl(d.id) });

export const staffDocumentView = (d: DocumentRow): z.infer<typeof StaffDocumentSchema> => ({
  ...publicDocument(d),
  mimeType: d.mimeType,
  published: d.published,
  createdAt: d.createdAt.toISOString(),
});

export const opinionView = (o: OpinionRow): z.infer<typeof OpinionSchema> => ({
  id: o.id,
  roundId: o.roundId,
  source: o.source,
  receivedOn: o.receivedOn,
  summary: o.summary,
  answer: o.answer,
  accepted: o.accepted,
  answeredOn: o.answeredOn,
});

function roundBase({ round, dates, opinions }: LoadedRound): Omit<PublicRound, 'documents'> {
  const reached = new Map(dates.map((d) => [d.stage, d.reachedOn]));
  return {
    id: round.id,
    round: round.round,
    kind: round.round === 1 ? 'enactment' : 'amendment',
    summary: round.summaryKo === null ? null : { ko: round.summaryKo, en: round.summaryEn },
    stage: round.stage,
    stageIndex: stageIndex(round.stage),
    stageLabel: ORDINANCE_STAGE_LABELS[round.stage],
    stages: ORDINANCE_STAGES.map((stage) => ({ stage, label: ORDINANCE_STAGE_LABELS[stage], reachedOn: reached.get(stage) ?? null })),
    notice: round.noticeStartsOn && round.noticeEndsOn ? { startsOn: round.noticeStartsOn, endsOn: round.noticeEndsOn } : null,
    opinionCounts: {
      received: opinions.length,
      answered: opinions.filter((o) => o.answer !== null).length,
      accepted: opinions.filter((o) => o.accepted === true).length,
    },
  };
}

const publicRound = (r: LoadedRound): PublicRound => ({ ...roundBase(r), documents: r.documents.filter((d) => d.published).map(publicDocument) });

const staffRound = (r: LoadedRound): StaffRound => ({ ...roundBase(r), documents: r.documents.map(staffDocumentView), opinions: r.opinions.map(opinionView) });

function header(o: LoadedOrdinance) {
  return {
    id: o.ordinance.id,
    title: { ko: o.ordinance.titleKo, en: o.ordinance.titleEn },
    planId: o.ordinance.planId,
    planLine: o.planLine,
    stageCount: ORDINANCE_STAGES.length,
  };
}

/** The public answer: stages and dates, notice period, opinion counts (not their text), published documents. */
export function publicOrdinanceView(o: LoadedOrdinance): z.infer<typeof PublicOrdinanceSchema> {
  const rounds = o.rounds.map(publicRound);
  return { ...header(o), current: rounds[rounds.length - 1]!, rounds };
}

export function staffOrdinanceView(o: LoadedOrdinance): z.infer<typeof StaffOrdinanceSchema> {
  const rounds = o.rounds.map(staffRound);
  const current = rounds[rounds.length - 1]!;
  const next = ORDINANCE_STAGES[current.stageIndex + 1] ?? null;
  return { ...header(o), current, rounds, nextStage: next };
}
