/**
 * Consent notices (개인정보 수집·이용 동의, PIPA art. 15): purpose, items, retention and the right
 * to refuse, shown by every form that collects personal data. Each registration records the
 * version of the notice it agreed to; change the version when the text changes.
 */
import type { Bilingual } from '../../server/errors.ts';

export const CONSENT_PURPOSES = ['academy', 'school', 'event', 'training', 'settlement'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export interface ConsentNotice {
  purpose: ConsentPurpose;
  version: string;
  title: Bilingual;
  purposeText: Bilingual;
  items: Bilingual;
  retention: Bilingual;
  refusal: Bilingual;
}

export const CONSENT_NOTICES: Record<ConsentPurpose, ConsentNotice> = {
  academy: {
    purpose: 'academy',
    version: 'academy-2026-1',
    title: { ko: '개인정보 수집·이용 동의 (전주시 금융아카데미)', en: 'Consent to the collection and use of personal data (Jeonju Financial Academy)' },
    purposeText: {
      ko: '금융아카데미 수강 신청 접수, 신청 확정·대기·취소 안내, 당일 입장 확인, 만족도 조사 안내',
      en: 'Taking your registration for the financial academy; telling you it is confirmed, waiting-listed or cancelled; checking you in on the day; inviting you to the satisfaction survey',
    },
    items: { ko: '(필수) 이름, 휴대전화 번호 / (선택) 이메일 주소', en: '(required) name, mobile phone number / (optional) e-mail address' },
    retention: {
      ko: '강좌 종료 후 1년간 보관하고, 기간이 끝나면 지체 없이 파기(익명 처리)합니다.',
      en: 'Kept for one year after the session ends, then deleted (anonymised) without delay.',
    },
    refusal: {
      ko: '동의를 거부할 권리가 있습니다. 다만 동의하지 않으면 수강 신청을 할 수 없습니다.',
      en: 'You may refuse to consent; without consent, however, we cannot take your registration.',
    },
  },
  school: {
    purpose: 'school',
    version: 'school-2026-1',
    title: { ko: '개인정보 수집·이용 동의 (찾아가는 금융학교)', en: 'Consent to the collection and use of personal data (Visiting Financial School)' },
    purposeText: {
      ko: '찾아가는 금융학교 신청 접수, 선정 결과 및 수업 일정 안내',
      en: 'Taking the school’s application for the visiting financial school; telling you the decision and the class schedule',
    },
    items: { ko: '(필수) 담당 교사 이름, 연락처 / (선택) 이메일 주소', en: '(required) contact teacher’s name and phone number / (optional) e-mail address' },
    retention: {
      ko: '신청 연도 종료 후 3년간 보관하고, 기간이 끝나면 지체 없이 파기(익명 처리)합니다.',
      en: 'Kept for three years after the application year ends, then deleted (anonymised) without delay.',
    },
    refusal: {
      ko: '동의를 거부할 권리가 있습니다. 다만 동의하지 않으면 신청할 수 없습니다.',
      en: 'You may refuse to consent; without consent, however, the application cannot be taken.',
    },
  },
  training: {
    purpose: 'training',
    version: 'training-2026-1',
    title: { ko: '개인정보 수집·이용 동의 (금융전문인력 양성과정)', en: 'Consent to the collection and use of personal data (professional finance training)' },
    purposeText: {
      ko: '금융전문인력 양성과정 지원서 접수와 선발, 선발·대기·탈락 안내, 출석과 평가 관리, 수료증 발급, 교육평가 안내',
      en: 'Taking and selecting your application for the professional training course; telling you whether you were selected, waiting-listed or not; recording attendance and assessments; issuing your certificate; inviting you to the course evaluation',
    },
    items: {
      ko: '(필수) 이름, 휴대전화 번호, 지원 동기 / (선택) 이메일 주소, 제출 서류 목록',
      en: '(required) name, mobile phone number, statement / (optional) e-mail address, list of documents',
    },
    retention: {
      ko: '과정 종료 후 3년간 보관하고, 기간이 끝나면 지체 없이 파기(익명 처리)합니다. 수료증 진위 확인에는 가린 이름(홍*동)만 남습니다.',
      en: 'Kept for three years after the course ends, then deleted (anonymised) without delay. Certificate verification keeps only the masked name (홍*동).',
    },
    refusal: {
      ko: '동의를 거부할 권리가 있습니다. 다만 동의하지 않으면 지원할 수 없습니다. 취업 연계(기업 추천) 동의는 선택이며, 동의하지 않아도 수강에는 불이익이 없습니다.',
      en: 'You may refuse to consent; without consent, however, we cannot take your application. Consent to referral to employers is optional and refusing it does not affect your training.',
    },
  },
  event: {
    purpose: 'event',
    version: 'event-2026-1',
    title: { ko: '개인정보 수집·이용 동의 (지니포럼·금융세미나)', en: 'Consent to the collection and use of personal data (GENIE Forum and seminars)' },
    purposeText: {
      ko: '행사 참가 신청 접수, 신청 확정·대기·취소 안내, 당일 입장 확인과 명찰 발급, 만족도 조사 안내',
      en: 'Taking your registration for the event; telling you it is confirmed, waiting-listed or cancelled; checking you in and printing your badge on the day; inviting you to the survey',
    },
    items: {
      ko: '(필수) 이름, 휴대전화 번호, 이메일 주소 / (선택) 영문 이름, 소속, 국가, 행사별 질문 답변',
      en: '(required) name, mobile phone number, e-mail address / (optional) name in English, affiliation, country, answers to the event’s questions',
    },
    retention: {
      ko: '행사 종료 후 1년간 보관하고, 기간이 끝나면 지체 없이 파기(익명 처리)합니다.',
      en: 'Kept for one year after the event, then deleted (anonymised) without delay.',
    },
    refusal: {
      ko: '동의를 거부할 권리가 있습니다. 다만 동의하지 않으면 참가 신청을 할 수 없습니다.',
      en: 'You may refuse to consent; without consent, however, we cannot take your registration.',
    },
  },
  settlement: {
    purpose: 'settlement',
    version: 'settlement-2026-1',
    title: { ko: '개인정보 수집·이용 동의 (정주여건 의견)', en: 'Consent to the collection and use of personal data (settlement feedback)' },
    purposeText: {
      ko: '정주여건 의견에 대한 처리 상황과 답변 안내',
      en: 'Telling you how your settlement feedback is handled and what the answer is',
    },
    items: { ko: '(선택) 이름 / 휴대전화 번호 또는 이메일 주소 중 하나 이상', en: '(optional) name / a mobile phone number or an e-mail address, at least one' },
    retention: {
      ko: '답변(또는 종결) 후 1년간 보관하고, 기간이 끝나면 지체 없이 파기(익명 처리)합니다.',
      en: 'Kept for one year after the answer (or closing), then deleted (anonymised) without delay.',
    },
    refusal: {
      ko: '동의를 거부할 권리가 있습니다. 동의하지 않으면 연락처 없이(익명으로) 의견을 남길 수 있고, 답변은 추적 링크에서 확인할 수 있습니다.',
      en: 'You may refuse to consent; you can then leave your feedback without a contact (anonymously) and read the answer through the tracking link.',
    },
  },
};
