/**
 * The normalized pledge plan (실천계획). Field names are a contract shared by the importer's
 * `--json` output, the database mapping and `GET /api/plans/:id`; add fields, never rename.
 */

/** 재원: 시비 city, 도비 province, 국비 national, 기타 other. */
export const FUNDING_SOURCES = ['national', 'province', 'city', 'other'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const FUNDING_SOURCE_LABELS: Record<FundingSource, { ko: string; en: string }> = {
  national: { ko: '국비', en: 'National' },
  province: { ko: '도비', en: 'Province' },
  city: { ko: '시비', en: 'City' },
  other: { ko: '기타', en: 'Other' },
};

/** 분기 Q1–Q4, 상반기/하반기 H1/H2, 연간 FY. */
export const PERIODS = ['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2', 'FY'] as const;
export type Period = (typeof PERIODS)[number];

export interface PlanContent {
  area: string;
  text: string;
}

export interface BudgetRow {
  source: FundingSource;
  /** The label as written in the document (시비, 도비, …). */
  sourceLabel: string;
  /** 기투자: money spent before the term. */
  priorKrw: number;
  /** 임기 내: planned money per year within the term, keyed by year ("2022"). */
  yearsKrw: Record<string, number>;
  /** '27~: money planned after the term, or null when the plan has none. */
  afterKrw: number | null;
  /** 총투자 규모 = prior + within-term years + after. */
  totalKrw: number;
}

export interface Budget {
  /** The unit the document used (억원, 백만원, 천원, 원); amounts here are always won. */
  unit: string;
  /** Years within the term, in column order. */
  years: number[];
  rows: BudgetRow[];
}

export interface PhaseItem {
  text: string;
  children: PhaseItem[];
}

export interface Phase {
  name: string;
  /** "YYYY-MM" */
  start: string | null;
  end: string | null;
  items: PhaseItem[];
  notes: string[];
}

export interface ActionTarget {
  count: number;
  unit: string;
}

export interface PlanAction {
  text: string;
  target: ActionTarget | null;
}

export interface ScheduleEntry {
  year: number;
  period: Period;
  goals: string[];
  actions: PlanAction[];
}

export interface NormalizedPlan {
  category: string;
  number: number;
  pledge: string;
  title: string;
  period: { start: number; end: number };
  totalBudgetKrw: number;
  contents: PlanContent[];
  budget: Budget;
  phases: Phase[];
  effects: string[];
  schedule: ScheduleEntry[];
  warnings: string[];
}

/** 추진상황: planned, 정상추진, 일부추진, 완료, 이행 후 계속추진, 보류, 폐기. */
export const ACTION_STATUSES = ['planned', 'on_track', 'partly', 'done', 'done_continuing', 'on_hold', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, { ko: string; en: string }> = {
  planned: { ko: '추진예정', en: 'Planned' },
  on_track: { ko: '정상추진', en: 'On track' },
  partly: { ko: '일부추진', en: 'Partly' },
  done: { ko: '완료', en: 'Done' },
  done_continuing: { ko: '이행 후 계속추진', en: 'Done, continuing' },
  on_hold: { ko: '보류', en: 'On hold' },
  dropped: { ko: '폐기', en: 'Dropped' },
};
