/** The attraction pipeline's stages, institution kinds and support kinds, in order; the stages with their names. */
export const ATTRACTION_STAGES = ['identified', 'contacted', 'interested', 'negotiating', 'mou', 'office_opened'] as const;
export type AttractionStage = (typeof ATTRACTION_STAGES)[number];

export const ATTRACTION_STAGE_LABELS: Record<AttractionStage, { ko: string; en: string }> = {
  identified: { ko: '발굴', en: 'Identified' },
  contacted: { ko: '접촉', en: 'Contacted' },
  interested: { ko: '관심 표명', en: 'Interested' },
  negotiating: { ko: '협상', en: 'Negotiating' },
  mou: { ko: '업무협약(MOU) 체결', en: 'MOU signed' },
  office_opened: { ko: '사무소 개소', en: 'Office opened' },
};

export const INSTITUTION_KINDS = ['asset_manager', 'custodian', 'securities', 'fintech', 'back_office', 'other'] as const;

export const SUPPORT_KINDS = ['rent', 'hiring_subsidy', 'training_link', 'other'] as const;

export const attractionStageIndex = (s: AttractionStage): number => ATTRACTION_STAGES.indexOf(s);
