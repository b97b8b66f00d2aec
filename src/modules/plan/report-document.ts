/**
 * A quarterly report as a document (Korean first, English after a slash): title, headings,
 * paragraphs and tables. The PDF (report-pdf.ts) and HWPX (report-hwpx.ts) writers lay out the
 * same blocks, so the two files say the same thing; the XLSX (report-xlsx.ts) has its own sheets.
 */
import { oneLine } from '../../server/text.ts';
import type { ReportResponse } from './report-api-schema.ts';
import { seoulDateTimeKo } from './seoul-time.ts';
import { ACTION_STATUS_LABELS, type Period } from './types.ts';

export type ReportBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; header: string[]; rows: string[][]; widths: number[] };

export const PERIOD_LABELS: Record<Period, string> = {
  Q1: '1분기 Q1',
  Q2: '2분기 Q2',
  Q3: '3분기 Q3',
  Q4: '4분기 Q4',
  H1: '상반기 H1',
  H2: '하반기 H2',
  FY: '연간 FY',
};

const rate = (r: number | null) => (r === null ? '–' : `${r.toFixed(1)}%`);
/** 억원 with one decimal, as the plan writes money. */
const eok = (won: number) => `${(won / 100_000_000).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}억원`;
const won = (n: number) => `${n.toLocaleString('en-US')}원`;

export function reportBlocks({ report: r, reported, reportedAt }: ReportResponse): ReportBlock[] {
  const blocks: ReportBlock[] = [
    { kind: 'title', text: oneLine(r.plan.title) },
    { kind: 'paragraph', text: `${r.year}년 ${r.quarter}분기 추진상황 보고 / ${r.year} Q${r.quarter} progress report` },
    { kind: 'paragraph', text: `공약 / Pledge: ${oneLine(r.plan.pledge)} (${oneLine(r.plan.category)} No. ${r.plan.number})` },
    {
      kind: 'paragraph',
      text:
        reported && reportedAt
          ? `기준일 / As of: ${seoulDateTimeKo(reportedAt)} (보고 확정 / reported)`
          : `기준일 / As of: ${seoulDateTimeKo(r.generatedAt)} (미보고 / not reported)`,
    },
    { kind: 'heading', text: '이행률·완료율 / Progress and completion' },
    {
      kind: 'table',
      header: ['구분 / Scope', '이행률 / Progress rate', '완료율 / Completion rate', '완료/대상 / Done of counted'],
      widths: [3, 2, 2, 2],
      rows: (
        [
          ['해당 분기 / This quarter', r.figures.quarter],
          ['누적 / Cumulative', r.figures.cumulative],
          ['전체 / Overall', r.figures.overall],
        ] as const
      ).map(([label, f]) => [label, rate(f.progressRate), rate(f.completionRate), `${f.done} / ${f.counted}`]),
    },
    { kind: 'paragraph', text: '폐기된 추진계획은 분모에서 제외합니다. / Dropped actions are not counted.' },
    { kind: 'heading', text: '예산 / Budget' },
    {
      kind: 'table',
      header: ['구분 / Item', '금액 / Amount'],
      widths: [5, 4],
      rows: [
        [`계획(~${r.year}년) / Planned (to ${r.year})`, eok(r.budget.plannedKrw)],
        ['집행(분기 말까지) / Executed (to quarter end)', eok(r.budget.executedKrw)],
        ['분기 중 집행 / Executed in the quarter', eok(r.budget.quarterExecutedKrw)],
        ['집행률 / Execution rate', rate(r.budget.executionRate)],
      ],
    },
    { kind: 'heading', text: '추진계획 / Actions' },
  ];
  if (r.entries.length === 0) blocks.push({ kind: 'paragraph', text: '이 분기에 예정된 추진계획이 없습니다. / Nothing is scheduled for this quarter.' });
  for (const e of r.entries) {
    blocks.push({ kind: 'paragraph', text: `${e.year}년 ${PERIOD_LABELS[e.period]}${e.goals.length ? ` — 목표 / Goals: ${e.goals.map(oneLine).join('; ')}` : ''}` });
    blocks.push({
      kind: 'table',
      header: ['추진계획 / Action', '목표치 / Target', '상태 / Status', '진척률 / Progress', '증빙 / Evidence'],
      widths: [5, 2, 2.4, 1.6, 3],
      rows: e.actions.map((a) => [
        oneLine(a.text),
        a.target ? `${a.target.count}${oneLine(a.target.unit)}` : '–',
        `${ACTION_STATUS_LABELS[a.status].ko} / ${ACTION_STATUS_LABELS[a.status].en}`,
        `${a.progress}%`,
        a.evidence.map((x) => oneLine(x.title)).join(', ') || '–',
      ]),
    });
  }
  if (r.budget.executions.length > 0) {
    blocks.push({ kind: 'heading', text: '분기 중 집행 내역 / Executions in the quarter' });
    blocks.push({
      kind: 'table',
      header: ['집행일 / Date', '재원 / Source', '금액 / Amount', '내용 / Description'],
      widths: [2, 1.5, 2.5, 5],
      rows: r.budget.executions.map((x) => [x.executedOn, oneLine(x.sourceLabel), won(x.amountKrw), oneLine(x.description)]),
    });
  }
  return blocks;
}

/** The document's title line, for file metadata. */
export const reportTitle = (r: ReportResponse['report']) => `${oneLine(r.plan.title)} — ${r.year}년 ${r.quarter}분기 보고 / ${r.year} Q${r.quarter} report`;
