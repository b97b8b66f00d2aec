/** Labels of the settlement pages' enumerations (stages, categories, statuses, kinds, funding sources). */
import type { MessageKey } from '../../i18n.ts';
import type { FacilityStage, FeedbackCategory, FeedbackTracking, Improvement } from '../../settlement-api.ts';

export const STAGE_LABELS: Record<FacilityStage, MessageKey> = {
  planning: 'stagePlanning',
  design: 'stageDesign',
  construction: 'stageConstruction',
  completion: 'stageCompletion',
  opening: 'stageOpening',
};

export const CATEGORY_LABELS: Record<FeedbackCategory, MessageKey> = {
  transport: 'catTransport',
  housing: 'catHousing',
  education: 'catEducation',
  childcare: 'catChildcare',
  medical: 'catMedical',
  culture: 'catCulture',
  other: 'catOther',
};

export const FEEDBACK_STATUS_LABELS: Record<FeedbackTracking['status'], MessageKey> = {
  received: 'feedbackReceived',
  assigned: 'feedbackAssigned',
  answered: 'feedbackAnswered',
  closed: 'feedbackClosed',
};

export const KIND_LABELS: Record<Improvement['kind'], MessageKey> = {
  transport_route: 'kindTransportRoute',
  commuter_bus: 'kindCommuterBus',
  housing_support: 'kindHousingSupport',
  other: 'kindOther',
};

export const IMPROVEMENT_STATUS_LABELS: Record<Improvement['status'], MessageKey> = {
  planned: 'improvementPlanned',
  in_progress: 'improvementInProgress',
  done: 'improvementDone',
  on_hold: 'improvementOnHold',
};

export const SOURCE_LABELS: Record<'national' | 'province' | 'city' | 'other', MessageKey> = {
  national: 'sourceNational',
  province: 'sourceProvince',
  city: 'sourceCity',
  other: 'sourceOther',
};
