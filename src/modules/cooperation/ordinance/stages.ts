/** The ordinance's stages in order, with their Korean and English names (the API, the pages and the measure share them). */
export const ORDINANCE_STAGES = ['drafting', 'legislative_notice', 'regulation_review', 'council_submission', 'committee', 'plenary', 'promulgation', 'in_force'] as const;
export type OrdinanceStage = (typeof ORDINANCE_STAGES)[number];

export const ORDINANCE_STAGE_LABELS: Record<OrdinanceStage, { ko: string; en: string }> = {
  drafting: { ko: '조례안 마련', en: 'Drafting' },
  legislative_notice: { ko: '입법예고', en: 'Legislative notice' },
  regulation_review: { ko: '조례·규칙심의회', en: 'Ordinance and regulation review board' },
  council_submission: { ko: '시의회 제출', en: 'Submitted to the city council' },
  committee: { ko: '상임위원회 심사', en: 'Standing committee review' },
  plenary: { ko: '본회의 의결', en: 'Plenary vote' },
  promulgation: { ko: '공포', en: 'Promulgation' },
  in_force: { ko: '시행', en: 'In force' },
};

export const OPINION_SOURCES = ['citizen', 'organisation', 'public_body', 'other'] as const;
export type OpinionSource = (typeof OPINION_SOURCES)[number];

/** 0 (drafting) … 7 (in force). */
export const stageIndex = (s: OrdinanceStage): number => ORDINANCE_STAGES.indexOf(s);

/** The ordinance the plan names (사업내용: "금융산업 육성 및 지원에 관한 조례 제정"). */
export const PLAN_ORDINANCE = {
  titleKo: '전주시 금융산업 육성 및 지원에 관한 조례',
  titleEn: 'Jeonju City Ordinance on Fostering and Supporting the Financial Industry',
  /** Text the plan line contains. */
  planText: '금융산업 육성 및 지원에 관한 조례',
} as const;
