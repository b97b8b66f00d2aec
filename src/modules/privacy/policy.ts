/**
 * The privacy policy (개인정보처리방침, PIPA art. 30), generated from the register of processing
 * and from how this deployment is set up: who sends text messages and e-mail for us (the
 * recipients are named only when that channel is really in use) and who the privacy officer is.
 */
import type { Config } from '../../config.ts';
import type { Bilingual } from '../../server/errors.ts';
import { PROCESSING_REGISTER } from './processing-register.ts';

/** Bump when the policy's fixed wording or the register changes: the page shows it as the policy's date. */
const POLICY_EFFECTIVE_DATE = '2026-12-03';

export interface PolicySettings {
  privacyOfficer: Config['privacyOfficer'];
  sms: Pick<Config['sms'], 'provider'>;
  smtpUrl?: string | undefined;
}

interface Recipient {
  kind: 'entrustment' | 'provision';
  name: Bilingual;
  task: Bilingual;
  items: Bilingual;
}

function recipients(settings: PolicySettings): Recipient[] {
  const list: Recipient[] = [];
  if (settings.sms.provider === 'solapi') {
    list.push({
      kind: 'entrustment',
      name: { ko: '(주)솔라피 (SOLAPI)', en: 'SOLAPI Inc.' },
      task: { ko: '안내 문자 메시지 발송', en: 'Sending text messages' },
      items: { ko: '휴대전화 번호, 문자 내용', en: 'Mobile phone number, message text' },
    });
  }
  if (settings.smtpUrl) {
    const host = new URL(settings.smtpUrl).hostname;
    list.push({
      kind: 'entrustment',
      name: { ko: `전자우편 발송 서버 (${host})`, en: `Mail server (${host})` },
      task: { ko: '안내 전자우편 발송', en: 'Sending e-mail' },
      items: { ko: '이메일 주소, 전자우편 내용', en: 'E-mail address, message text' },
    });
  }
  list.push({
    kind: 'provision',
    name: { ko: '채용 공고를 낸 기업 (취업 연계에 동의한 수료생만)', en: 'Employers with a posting (only graduates who agreed to referral)' },
    task: { ko: '채용 검토 (일자리 연계)', en: 'Considering the graduate for the job (job linkage)' },
    items: { ko: '이름, 연락처, 수료 사실', en: 'Name, contact details, completion of the course' },
  });
  return list;
}

export function privacyPolicy(settings: PolicySettings) {
  const o = settings.privacyOfficer;
  return {
    effectiveDate: POLICY_EFFECTIVE_DATE,
    controller: { ko: '전주시', en: 'Jeonju City' },
    processings: PROCESSING_REGISTER.map(({ id, name, purpose, items, basis, retention, retentionDays }) => ({ id, name, purpose, items, basis, retention, retentionDays })),
    recipients: recipients(settings),
    officer: {
      title: { ko: o.title, en: o.titleEn },
      name: o.name || null,
      department: { ko: o.department, en: o.departmentEn },
      phone: o.phone,
      email: o.email || null,
    },
  };
}
