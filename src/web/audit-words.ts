/**
 * An audit row in words, in Korean and English: "김*동 님이 '제4회 지니포럼 개최'를 완료로
 * 변경했습니다" / "K*m changed '…' to Done". The person is masked by the server; Korean particles
 * are chosen by code (es-hangul through src/server/korean.ts), never "을(를)".
 */
import { ACTION_STATUS_LABELS, type ActionStatus } from '../modules/plan/types.ts';
import { josa } from '../server/korean.ts';
import type { Lang } from './i18n.ts';
import type { AuditRow } from './staff-api.ts';

type Words = { ko: string; en: string };

/** What each kind of record is called. */
export const ENTITY_WORDS: Record<string, Words> = {
  action: { ko: '추진계획', en: 'action' },
  plan: { ko: '실천계획', en: 'plan' },
  evidence: { ko: '증빙 자료', en: 'evidence' },
  execution: { ko: '예산 집행', en: 'budget execution' },
  quarter_report: { ko: '분기 보고', en: 'quarterly report' },
  user: { ko: '사용자', en: 'user' },
  department: { ko: '부서', en: 'department' },
  organisation: { ko: '협력기관', en: 'partner organisation' },
  registration: { ko: '신청', en: 'registration' },
  academy_session: { ko: '아카데미 강의', en: 'academy session' },
  academy_programme: { ko: '아카데미 계획', en: 'academy programme' },
  school_application: { ko: '학교 신청', en: 'school application' },
  school_class: { ko: '금융학교 수업', en: 'school class' },
  school_survey: { ko: '수요조사', en: 'demand survey' },
  event: { ko: '행사', en: 'event' },
  event_category: { ko: '참가 구분', en: 'attendee category' },
  event_programme: { ko: '행사 프로그램', en: 'programme item' },
  event_question: { ko: '신청 질문', en: 'registration question' },
  event_room: { ko: '행사장', en: 'room' },
  speaker: { ko: '연사', en: 'speaker' },
  meeting: { ko: '정례협의회', en: 'meeting' },
  meeting_series: { ko: '협의회', en: 'meeting series' },
  meeting_agenda_item: { ko: '안건', en: 'agenda item' },
  meeting_attendee: { ko: '참석자', en: 'attendee' },
  meeting_outcome: { ko: '조치사항', en: 'action item' },
  ordinance: { ko: '조례', en: 'ordinance' },
  ordinance_round: { ko: '조례 개정', en: 'ordinance round' },
  ordinance_opinion: { ko: '입법예고 의견', en: 'notice opinion' },
  ordinance_document: { ko: '조례 문서', en: 'ordinance document' },
  attraction_target: { ko: '유치 대상', en: 'attraction target' },
  facility: { ko: '시설', en: 'facility' },
  facility_inspection: { ko: '시설 점검', en: 'facility inspection' },
  facility_milestone: { ko: '시설 일정', en: 'facility milestone' },
  inspection_follow_up: { ko: '점검 후속 조치', en: 'inspection follow-up' },
  inspection_photo: { ko: '점검 사진', en: 'inspection photo' },
  settlement_feedback: { ko: '정주여건 의견', en: 'settlement feedback' },
  settlement_improvement: { ko: '개선 과제', en: 'improvement' },
  settlement_survey: { ko: '정주여건 조사', en: 'settlement survey' },
  training_application: { ko: '교육 신청', en: 'training application' },
  training_certificate: { ko: '수료증', en: 'certificate' },
  training_cohort: { ko: '교육 기수', en: 'cohort' },
  training_course: { ko: '교육 과정', en: 'course' },
  training_employer: { ko: '채용 기관', en: 'employer' },
  training_placement: { ko: '취업 연계', en: 'placement' },
  training_posting: { ko: '채용 공고', en: 'job posting' },
  training_referral: { ko: '추천', en: 'referral' },
  training_session: { ko: '교육 회차', en: 'training session' },
  outbox: { ko: '메시지', en: 'message' },
  outbox_file: { ko: '메시지 파일', en: 'message file' },
  backup: { ko: '백업', en: 'backup' },
};

/** What was done, by the last word of the action code ("action.update" → update). */
const VERBS: Record<string, Words> = {
  create: { ko: '등록했습니다', en: 'created' },
  add: { ko: '추가했습니다', en: 'added' },
  update: { ko: '수정했습니다', en: 'changed' },
  delete: { ko: '삭제했습니다', en: 'deleted' },
  remove: { ko: '삭제했습니다', en: 'removed' },
  assign: { ko: '배정했습니다', en: 'assigned' },
  decide: { ko: '결정했습니다', en: 'decided on' },
  unmask: { ko: '연락처를 열람했습니다', en: 'revealed the contact of' },
  retry: { ko: '다시 보냈습니다', en: 'sent again' },
  cancel: { ko: '취소했습니다', en: 'cancelled' },
  accept: { ko: '수락했습니다', en: 'accepted' },
  check_in: { ko: '출석 처리했습니다', en: 'checked in' },
  answer: { ko: '답변했습니다', en: 'answered' },
  send: { ko: '발송했습니다', en: 'sent' },
  publish: { ko: '공개했습니다', en: 'published' },
  draft: { ko: '초안을 저장했습니다', en: 'saved a draft of' },
  discard: { ko: '초안을 삭제했습니다', en: 'discarded the draft of' },
  approve: { ko: '승인했습니다', en: 'approved' },
  minutes_approve: { ko: '회의록을 승인했습니다', en: 'approved the minutes of' },
  revoke: { ko: '취소했습니다', en: 'revoked' },
  issue: { ko: '발급했습니다', en: 'issued' },
  record: { ko: '기록했습니다', en: 'recorded' },
  schedule: { ko: '일정을 정했습니다', en: 'scheduled' },
  stage: { ko: '단계를 바꿨습니다', en: 'moved the stage of' },
  import: { ko: '가져왔습니다', en: 'imported' },
  restore: { ko: '복원했습니다', en: 'restored' },
  purge: { ko: '개인정보를 파기했습니다', en: 'purged personal data of' },
  login: { ko: '로그인했습니다', en: 'signed in' },
  logout: { ko: '로그아웃했습니다', en: 'signed out' },
  login_failed: { ko: '로그인에 실패했습니다', en: 'failed to sign in' },
  password_change: { ko: '비밀번호를 바꿨습니다', en: 'changed the password' },
};
const DONE: Words = { ko: '처리했습니다', en: 'acted on' };

function actorWords(row: AuditRow): Words {
  if (row.actorName) return { ko: `${row.actorName} 님이`, en: row.actorName };
  if (row.actorEmail === 'system') return { ko: '시스템이', en: 'The system' };
  if (row.actorEmail?.startsWith('cli:')) return { ko: '관리 명령이', en: 'A command-line tool' };
  if (row.actorEmail) return { ko: `${row.actorEmail} 님이`, en: row.actorEmail };
  return { ko: '시민이', en: 'A citizen' };
}

const statusOf = (v: unknown): ActionStatus | null => {
  const s = v && typeof v === 'object' ? (v as Record<string, unknown>).status : undefined;
  return typeof s === 'string' && s in ACTION_STATUS_LABELS ? (s as ActionStatus) : null;
};

/** The row as one sentence in `lang`. */
export function auditSentence(row: AuditRow, lang: Lang): string {
  const who = actorWords(row)[lang];
  const kind = ENTITY_WORDS[row.entity] ?? { ko: '기록', en: 'record' };
  // The record: its title in quotes, else its kind and number ("추진계획 12").
  const what = row.subject ? `'${row.subject}'` : row.entityId ? `${kind.ko} ${row.entityId}` : kind.ko;
  const whatEn = row.subject ? `${kind.en} '${row.subject}'` : row.entityId ? `${kind.en} ${row.entityId}` : kind.en;
  const verb = row.action.split('.').at(-1) ?? '';
  const before = statusOf(row.before);
  const after = statusOf(row.after);
  // A draft changes nothing yet: it reads as a draft saved, not as the status changed.
  if (row.entity === 'action' && verb !== 'draft' && after && after !== before) {
    const label = ACTION_STATUS_LABELS[after];
    return lang === 'ko' ? `${who} ${what}${josa(what, '을/를')} ${label.ko}${josa(label.ko, '으로/로')} 변경했습니다` : `${who} changed ${whatEn} to ${label.en}`;
  }
  const words = VERBS[verb] ?? DONE;
  if (!row.entityId && !row.subject && (verb.startsWith('log') || verb === 'password_change')) return lang === 'ko' ? `${who} ${words.ko}` : `${who} ${words.en}`;
  if (lang === 'en') return `${who} ${words.en} ${whatEn}`;
  // A phrase with its own object ("연락처를 열람했습니다") takes the record as its owner: "'…'의 연락처를".
  return /[을를] /.test(words.ko) ? `${who} ${what}의 ${words.ko}` : `${who} ${what}${josa(what, '을/를')} ${words.ko}`;
}

/** A kind of change for the filter: "사용자: 수정했습니다" / "user: changed". */
export function actionLabel(action: string, lang: Lang): string {
  const [first = ''] = action.split('.');
  const kind = ENTITY_WORDS[first]?.[lang] ?? first;
  const verb = VERBS[action.split('.').at(-1) ?? '']?.[lang] ?? DONE[lang];
  return `${kind}: ${verb}`;
}
