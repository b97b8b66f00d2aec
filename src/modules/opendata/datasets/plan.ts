/** The pledge plans as open data: each action's schedule and progress, the quarterly figures and the budget ledger. */
import type { Executor } from '../../../db/executor.ts';
import { entryQuarter, ledgerOf } from '../../plan/figures.ts';
import { loadPlanData, type PlanData } from '../../plan/plan-read.ts';
import { toPublicPlan } from '../../plan/presenters.ts';
import { listPlans } from '../../plan/service.ts';
import { ACTION_STATUS_LABELS, FUNDING_SOURCE_LABELS } from '../../plan/types.ts';
import { latest, type Dataset, type Field } from '../dataset.ts';

const planFields: Field[] = [
  { id: 'plan_id', title: { ko: '실천계획 번호', en: 'Plan id' }, type: 'integer' },
  { id: 'plan_title', title: { ko: '실천계획', en: 'Plan' }, type: 'string' },
];

/** Every plan's data, read in turn (there are a handful of plans, each a few hundred rows). */
async function allPlans(db: Executor): Promise<PlanData[]> {
  const summaries = await listPlans(db);
  const out: PlanData[] = [];
  for (const s of summaries) out.push(await loadPlanData(db, s.id));
  return out;
}

/** When a plan last changed: the plan row, an action, an execution. */
const planUpdatedAt = (d: PlanData) => latest(d.row.updatedAt, ...d.actions.map((a) => a.updatedAt), ...d.executions.map((x) => x.createdAt));

/** A dataset's content from every plan: the records each plan gives, last changed when the latest plan did. */
async function fromPlans(db: Executor, recordsOf: (d: PlanData) => Record<string, string | number | null>[]) {
  const plans = await allPlans(db);
  return { updatedAt: latest(...plans.map(planUpdatedAt)), records: plans.flatMap(recordsOf) };
}

export const planActions: Dataset = {
  id: 'plan-actions',
  title: { ko: '공약 실천계획 추진 일정과 추진상황', en: 'Pledge plan: schedule and progress of each action' },
  description: {
    ko: '실천계획의 분기별 추진 과제마다 목표, 추진상황과 진척률을 담았습니다.',
    en: 'Each action of the plan by year and quarter, with its target, status and progress.',
  },
  fields: [
    ...planFields,
    { id: 'year', title: { ko: '연도', en: 'Year' }, type: 'integer' },
    { id: 'period', title: { ko: '시기', en: 'Period' }, type: 'string' },
    { id: 'quarter', title: { ko: '분기', en: 'Quarter' }, type: 'integer' },
    { id: 'action_id', title: { ko: '과제 번호', en: 'Action id' }, type: 'integer' },
    { id: 'action', title: { ko: '추진 과제', en: 'Action' }, type: 'string' },
    { id: 'target_count', title: { ko: '목표량', en: 'Target' }, type: 'integer' },
    { id: 'target_unit', title: { ko: '목표 단위', en: 'Target unit' }, type: 'string' },
    { id: 'status', title: { ko: '추진상황 코드', en: 'Status code' }, type: 'string' },
    { id: 'status_name', title: { ko: '추진상황', en: 'Status' }, type: 'string' },
    { id: 'progress', title: { ko: '진척률(%)', en: 'Progress (%)' }, type: 'integer' },
  ],
  read(db) {
    return fromPlans(db, (d) => {
      const pub = toPublicPlan(d);
      return pub.schedule.flatMap((entry) =>
        entry.actions.map((a) => ({
          plan_id: pub.id,
          plan_title: pub.title,
          year: entry.year,
          period: entry.period,
          quarter: entryQuarter(entry.period),
          action_id: a.id,
          action: a.text,
          target_count: a.target?.count ?? null,
          target_unit: a.target?.unit ?? null,
          status: a.status,
          status_name: `${ACTION_STATUS_LABELS[a.status].ko} ${ACTION_STATUS_LABELS[a.status].en}`,
          progress: a.progress,
        })),
      );
    });
  },
};

export const planQuarterlyFigures: Dataset = {
  id: 'plan-figures',
  title: { ko: '공약 실천계획 분기별 이행률·완료율', en: 'Pledge plan: implementation and completion rates by quarter' },
  description: {
    ko: '분기마다 계획된 과제 수, 완료한 과제 수, 이행률(진척률 평균)과 완료율입니다. 폐기한 과제는 세지 않습니다.',
    en: 'Per quarter: actions counted and done, the implementation rate (mean progress) and the completion rate. Dropped actions are not counted.',
  },
  fields: [
    ...planFields,
    { id: 'year', title: { ko: '연도', en: 'Year' }, type: 'integer' },
    { id: 'quarter', title: { ko: '분기', en: 'Quarter' }, type: 'integer' },
    { id: 'counted', title: { ko: '과제 수', en: 'Actions counted' }, type: 'integer' },
    { id: 'done', title: { ko: '완료 과제 수', en: 'Actions done' }, type: 'integer' },
    { id: 'progress_rate', title: { ko: '이행률(%)', en: 'Implementation rate (%)' }, type: 'number' },
    { id: 'completion_rate', title: { ko: '완료율(%)', en: 'Completion rate (%)' }, type: 'number' },
  ],
  read(db) {
    return fromPlans(db, (d) => {
      const pub = toPublicPlan(d);
      return pub.figures.byQuarter.map((q) => ({
        plan_id: pub.id,
        plan_title: pub.title,
        year: q.year,
        quarter: q.quarter,
        counted: q.counted,
        done: q.done,
        progress_rate: q.progressRate,
        completion_rate: q.completionRate,
      }));
    });
  },
};

export const planBudget: Dataset = {
  id: 'plan-budget',
  title: { ko: '공약가계부: 재원별·연도별 계획·확보·집행액', en: 'Pledge budget: planned, secured and executed by source and year' },
  description: {
    ko: '실천계획 임기 내 예산을 재원(국비·도비·시비·기타)과 연도별로 합계했습니다. 금액 단위는 원입니다.',
    en: "The plan's within-term budget summed by funding source and year, in won.",
  },
  fields: [
    ...planFields,
    { id: 'source', title: { ko: '재원 코드', en: 'Source code' }, type: 'string' },
    { id: 'source_name', title: { ko: '재원', en: 'Source' }, type: 'string' },
    { id: 'year', title: { ko: '연도', en: 'Year' }, type: 'integer' },
    { id: 'planned_krw', title: { ko: '계획액(원)', en: 'Planned (KRW)' }, type: 'integer' },
    { id: 'secured_krw', title: { ko: '확보액(원)', en: 'Secured (KRW)' }, type: 'integer' },
    { id: 'executed_krw', title: { ko: '집행액(원)', en: 'Executed (KRW)' }, type: 'integer' },
    { id: 'execution_rate', title: { ko: '집행률(%)', en: 'Execution rate (%)' }, type: 'number' },
  ],
  read(db) {
    return fromPlans(db, (d) => {
      const yearLines = d.lines.filter((l) => l.kind === 'year');
      const { rows } = ledgerOf(
        yearLines.map((l) => ({ sourceLabel: l.sourceLabel, year: l.year!, plannedKrw: l.plannedKrw, securedKrw: l.securedKrw })),
        d.executions,
      );
      return rows.map((r, i) => {
        const source = yearLines[i]!.source;
        return {
          plan_id: d.row.id,
          plan_title: d.row.title,
          source,
          source_name: `${r.sourceLabel} ${FUNDING_SOURCE_LABELS[source].en}`,
          year: r.year,
          planned_krw: r.plannedKrw,
          secured_krw: r.securedKrw,
          executed_krw: r.executedKrw,
          execution_rate: r.executionRate,
        };
      });
    });
  },
};
