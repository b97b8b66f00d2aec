/**
 * The register of processing (개인정보 처리 현황): every way this platform handles personal
 * data, with its purpose, items, legal basis, retention, where it is stored and who else
 * receives it. One source of truth: the privacy policy (GET /api/privacy-policy, the /privacy
 * page) is generated from it, the retention periods are the very constants the purge and the
 * schemas use, and a test checks that every column the purge erases is named here.
 */
import type { Bilingual } from '../../server/errors.ts';
import { SCHOOL_RETENTION_DAYS } from '../education/schema.ts';
import { CONSENT_NOTICES } from '../registration/consent.ts';
import { REGISTRATION_RETENTION_DAYS } from '../registration/schema.ts';
import { TRAINING_RETENTION_DAYS } from '../training/schema.ts';
import { FEEDBACK_RETENTION_DAYS } from './purge.ts';

export interface Processing {
  id: 'academy' | 'event' | 'school' | 'training' | 'settlement' | 'messages' | 'meetings' | 'staff';
  name: Bilingual;
  purpose: Bilingual;
  items: Bilingual;
  basis: Bilingual;
  /** Days kept after `retentionFrom`, then erased by the purge; null: no automatic erasure (see `retention`). */
  retentionDays: number | null;
  retention: Bilingual;
  /** Where the data lives: table → personal-data columns (SQL names). */
  stores: Record<string, string[]>;
}

const CONSENT: Bilingual = { ko: '정보주체의 동의 (개인정보 보호법 제15조 제1항 제1호)', en: 'Your consent (Personal Information Protection Act, art. 15(1)1)' };
const DUTY: Bilingual = {
  ko: '법령에서 정한 소관 업무의 수행 (개인정보 보호법 제15조 제1항 제3호)',
  en: 'Carrying out the city’s duties under law (Personal Information Protection Act, art. 15(1)3)',
};

/** "1년" / "one year", "3년" / "3 years", otherwise days. */
function period(days: number): Bilingual {
  if (days % 365 === 0) {
    const years = days / 365;
    return { ko: `${years}년`, en: years === 1 ? 'one year' : `${years} years` };
  }
  return { ko: `${days}일`, en: `${days} days` };
}

function keptAfter(days: number, after: Bilingual, note: Bilingual = { ko: '', en: '' }): Bilingual {
  const p = period(days);
  return {
    ko: `${after.ko} ${p.ko}간 보관하고, 기간이 끝나면 지체 없이 파기(익명 처리)합니다.${note.ko ? ` ${note.ko}` : ''}`,
    en: `Kept for ${p.en} ${after.en}, then deleted (anonymised) without delay.${note.en ? ` ${note.en}` : ''}`,
  };
}

const PER_ITEM: Bilingual = { ko: '담당 부서가 강좌·행사마다 더 짧게 정할 수 있습니다.', en: 'Staff may set a shorter period for a session or event.' };

export const PROCESSING_REGISTER: readonly Processing[] = [
  {
    id: 'academy',
    name: { ko: '금융아카데미 수강 신청', en: 'Financial academy registration' },
    purpose: CONSENT_NOTICES.academy.purposeText,
    items: CONSENT_NOTICES.academy.items,
    basis: CONSENT,
    retentionDays: REGISTRATION_RETENTION_DAYS,
    retention: keptAfter(REGISTRATION_RETENTION_DAYS, { ko: '강좌 종료 후', en: 'after the session ends' }, PER_ITEM),
    stores: { registrations: ['name', 'phone', 'email', 'answers'], registration_links: ['token_hash'] },
  },
  {
    id: 'event',
    name: { ko: '지니포럼·금융세미나 참가 신청', en: 'GENIE Forum and seminar registration' },
    purpose: CONSENT_NOTICES.event.purposeText,
    items: CONSENT_NOTICES.event.items,
    basis: CONSENT,
    retentionDays: REGISTRATION_RETENTION_DAYS,
    retention: keptAfter(REGISTRATION_RETENTION_DAYS, { ko: '행사 종료 후', en: 'after the event' }, PER_ITEM),
    stores: { registrations: ['name', 'phone', 'email', 'answers'], event_registrations: ['name_en', 'affiliation', 'answers'], registration_links: ['token_hash'] },
  },
  {
    id: 'school',
    name: { ko: '찾아가는 금융학교 신청', en: 'Visiting financial school application' },
    purpose: CONSENT_NOTICES.school.purposeText,
    items: CONSENT_NOTICES.school.items,
    basis: CONSENT,
    retentionDays: SCHOOL_RETENTION_DAYS,
    retention: keptAfter(SCHOOL_RETENTION_DAYS, { ko: '신청 연도 종료 후', en: 'after the application year ends' }),
    stores: { school_applications: ['teacher_name', 'teacher_phone', 'teacher_email'] },
  },
  {
    id: 'training',
    name: { ko: '금융전문인력 양성과정 지원', en: 'Professional finance training application' },
    purpose: CONSENT_NOTICES.training.purposeText,
    items: {
      ko: `${CONSENT_NOTICES.training.items.ko} / (담당 부서 기록) 평가 의견, 기업 추천·취업 후속 관리 메모`,
      en: `${CONSENT_NOTICES.training.items.en} / (kept by staff) assessment comments, referral and follow-up notes`,
    },
    basis: CONSENT,
    retentionDays: TRAINING_RETENTION_DAYS,
    retention: keptAfter(
      TRAINING_RETENTION_DAYS,
      { ko: '과정 종료 후', en: 'after the course ends' },
      { ko: '수료증 진위 확인에는 가린 이름(홍*동)만 남습니다.', en: 'Certificate verification keeps only the masked name (홍*동).' },
    ),
    stores: {
      training_applications: ['name', 'phone', 'email', 'statement', 'documents'],
      training_evaluations: ['comment'],
      training_referrals: ['note'],
      training_placements: ['follow_up_note'],
    },
  },
  {
    id: 'settlement',
    name: { ko: '정주여건 의견 접수', en: 'Settlement feedback' },
    purpose: CONSENT_NOTICES.settlement.purposeText,
    items: { ko: `${CONSENT_NOTICES.settlement.items.ko} / (선택) 사진`, en: `${CONSENT_NOTICES.settlement.items.en} / (optional) a photo` },
    basis: CONSENT,
    retentionDays: FEEDBACK_RETENTION_DAYS,
    retention: keptAfter(FEEDBACK_RETENTION_DAYS, { ko: '답변(또는 종결) 후', en: 'after the answer (or closing)' }),
    stores: { settlement_feedback: ['contact_name', 'contact_phone', 'contact_email', 'photo_sha256', 'photo_mime_type'] },
  },
  {
    id: 'messages',
    name: { ko: '안내 문자·전자우편 발송', en: 'Text messages and e-mail' },
    purpose: {
      ko: '위 신청·의견에 대한 접수, 확정, 변경, 결과 안내를 보냅니다.',
      en: 'Sending the notices about the registrations, applications and feedback above (received, confirmed, changed, results).',
    },
    items: { ko: '휴대전화 번호 또는 이메일 주소, 안내 내용(이름과 확인 링크 포함)', en: 'Mobile phone number or e-mail address, the message (with your name and a status link)' },
    basis: CONSENT,
    retentionDays: null,
    retention: {
      ko: '안내의 바탕이 된 신청·의견의 보유 기간이 끝날 때 함께 파기합니다.',
      en: 'Deleted together with the registration, application or feedback it belongs to, when that one’s period ends.',
    },
    stores: { outbox: ['recipient', 'body', 'link_token'] },
  },
  {
    id: 'meetings',
    name: { ko: '협력기관 회의 참석자 관리', en: 'Partner meeting attendees' },
    purpose: { ko: '협력기관 회의 초대, 회의록 공유와 참석 기록', en: 'Inviting partner organisations to meetings, sharing minutes and recording attendance' },
    items: { ko: '참석자 이름, 직위, 업무용 이메일 주소, 기관 담당자 연락처', en: 'Attendees’ names, titles and work e-mail addresses; organisations’ contact persons' },
    basis: DUTY,
    retentionDays: null,
    retention: {
      ko: '회의 기록(공공기록물)과 함께 「공공기록물 관리에 관한 법률」에 따른 보존 기간 동안 보관합니다.',
      en: 'Kept with the meeting record (a public record) for the period the Public Records Management Act sets.',
    },
    stores: { meeting_attendees: ['name', 'title', 'email'], organisations: ['contacts'] },
  },
  {
    id: 'staff',
    name: { ko: '업무 담당자 계정', en: 'Staff accounts' },
    purpose: {
      ko: '담당자 로그인, 권한 관리, 변경 이력(감사 기록) 관리',
      en: 'Staff sign-in, access rights, and the record of who changed what (audit log)',
    },
    items: {
      ko: '이름, 업무용 이메일 주소, 소속 부서·기관, 비밀번호(암호화), 접속 기록',
      en: 'Name, work e-mail address, department or organisation, password (hashed), sign-in records',
    },
    basis: DUTY,
    retentionDays: null,
    retention: {
      ko: '계정을 쓰는 동안 보관합니다. 사용을 멈춘 계정은 비활성화하고, 감사 기록은 변경 이력 확인을 위해 보관합니다.',
      en: 'Kept while the account is in use. An account no longer used is disabled; the audit log is kept as the record of changes.',
    },
    stores: { users: ['name', 'email', 'password_hash'], sessions: ['ip', 'user_agent'] },
  },
];
