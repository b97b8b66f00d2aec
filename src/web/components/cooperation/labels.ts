/** Labels of the ordinance and attraction words (stages come with their labels from the server). */
import type { MessageKey } from '../../i18n.ts';

export { ATTRACTION_STAGE_LABELS } from '../../../modules/cooperation/attraction/stages.ts';

export const OPINION_SOURCE_LABELS: Record<string, MessageKey> = {
  citizen: 'opinionSourceCitizen',
  organisation: 'opinionSourceOrganisation',
  public_body: 'opinionSourcePublicBody',
  other: 'opinionSourceOther',
};

export const INSTITUTION_KIND_LABELS: Record<string, MessageKey> = {
  asset_manager: 'instAssetManager',
  custodian: 'instCustodian',
  securities: 'instSecurities',
  fintech: 'instFintech',
  back_office: 'instBackOffice',
  other: 'instOther',
};

export const SUPPORT_KIND_LABELS: Record<string, MessageKey> = {
  rent: 'attSupportRent',
  hiring_subsidy: 'attSupportHiringSubsidy',
  training_link: 'attSupportTrainingLink',
  other: 'attSupportOther',
};
