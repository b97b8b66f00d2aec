/** The redaction proposed before feedback is published (src/modules/settlement/feedback/redact.ts): names, phones, e-mails, car plates. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redact, redactText } from '../../src/modules/settlement/feedback/redact.ts';

const CASES: [string, string][] = [
  // e-mails
  ['메일 hong.gd@example.co.kr 로 주세요', '메일 [이메일] 로 주세요'],
  ['contact: a.b+c@mail.jeonju.go.kr please', 'contact: [이메일] please'],
  ['USER_1@Example.COM', '[이메일]'],
  // phones
  ['연락처 010-1234-5678', '연락처 [전화번호]'],
  ['01012345678로 문자', '[전화번호]로 문자'],
  ['010.9876.5432', '[전화번호]'],
  ['010 9876 5432', '[전화번호]'],
  ['+82 10 1234 5678', '[전화번호]'],
  ['+82-10-1234-5678', '[전화번호]'],
  ['서울 02-123-4567', '서울 [전화번호]'],
  ['02 1234 5678', '[전화번호]'],
  ['063-281-2114 (전주시청)', '[전화번호] (전주시청)'],
  ['063 222 1234', '[전화번호]'],
  ['070-1234-5678', '[전화번호]'],
  ['대표번호 1588-1234', '대표번호 [전화번호]'],
  // car plates
  ['12가3456 차량이 불법주차', '[차량번호] 차량이 불법주차'],
  ['123나 4567', '[차량번호]'],
  ['12 가 3456', '[차량번호]'],
  ['전북 12가 3456 차량', '[차량번호] 차량'],
  ['서울12가3456', '[차량번호]'],
  ['차 34라 5678이 막습니다', '차 [차량번호]이 막습니다'],
  // names
  ['김철수 씨가 늘 주차합니다', '[이름] 씨가 늘 주차합니다'],
  ['홍길동님 감사합니다', '[이름]님 감사합니다'],
  ['박지성님', '[이름]님'],
  ['박민 주무관에게', '[이름] 주무관에게'],
  ['남궁민수 과장님', '[이름] 과장님'],
  ['유재석 팀장', '[이름] 팀장'],
  ['혁신도시 주민센터 박영수 주무관님께 문의', '혁신도시 주민센터 [이름] 주무관님께 문의'],
  ['제 이름은 이영희입니다', '제 이름은 [이름]입니다'],
  ['저는 최지우입니다.', '저는 [이름]입니다.'],
  ['성명: 강감찬', '성명: [이름]'],
  ['Mr. John Smith called', 'Mr. [이름] called'],
  ['Ms Jane Doe', 'Ms [이름]'],
  // mixed
  ['강감찬 씨의 차 34라 5678, 전화 010-1111-2222, kang@x.kr', '[이름] 씨의 차 [차량번호], 전화 [전화번호], [이메일]'],
];

/** Text that must stay as it is: dates, times, bus numbers, addresses, common words before titles. */
const UNCHANGED = [
  '버스 노선이 부족합니다',
  '2024년 3월 12일 10시',
  '2024-03-12 09:30',
  '버스 123번이 30분 간격',
  '주소는 전주시 덕진구 123-45',
  '정류장 기사님이 친절합니다',
  '선생님께 감사',
  '고객님 안내',
  '전주시 과장님께',
  '김 과장이',
  '이번 주에',
  '김치 씨앗',
  '주민 여러분',
  '배차 간격 15분, 요금 1,500원',
  '우편번호 55101',
  '1층 101호',
  '',
];

describe('redaction of feedback before publishing', () => {
  for (const [input, expected] of CASES) {
    it(`${input} → ${expected}`, () => assert.equal(redactText(input), expected));
  }
  it('leaves text without personal data alone', () => {
    for (const s of UNCHANGED) assert.equal(redactText(s), s, s);
  });
  it('says which kinds it found', () => {
    assert.deepEqual(redact('김철수 씨 010-1234-5678 a@b.kr 12가3456').found.sort(), ['email', 'name', 'phone', 'plate']);
    assert.deepEqual(redact('버스가 부족합니다').found, []);
  });
  it('keeps line breaks and runs of text around what it replaces', () => {
    assert.equal(redactText('첫 줄\n연락: 010-1234-5678\n끝'), '첫 줄\n연락: [전화번호]\n끝');
  });
});
