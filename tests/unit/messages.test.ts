/**
 * Message composition (registration/messages.ts, notifications/channels/compose.ts): the
 * registrant's language first with the other below, the offer's deadline in both, the HTML part
 * escaped, the contact line; phone numbers (E.164 abroad, SMS to mobiles only); SOLAPI's signature.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { contactLine, htmlBody, mailOptions, textWithContact } from '../../src/modules/notifications/channels/compose.ts';
import { solapiAuthorization, solapiRecipient } from '../../src/modules/notifications/channels/solapi.ts';
import { LINK_TOKEN } from '../../src/modules/notifications/service.ts';
import { registrationCalendar } from '../../src/modules/registration/calendar.ts';
import { linksFor, lookupMessage, registrantMessage, seoul, seoulEn, type PoolSubject } from '../../src/modules/registration/messages.ts';
import { isMobilePhone, normalizeInternationalPhone } from '../../src/modules/registration/phone.ts';

const subject: PoolSubject = {
  ownerId: 7,
  title: { ko: '금융 기초', en: 'Finance basics' },
  startsAt: new Date('2026-12-10T05:00:00Z'),
  endsAt: new Date('2026-12-10T07:00:00Z'),
  venue: '전주시청 강당',
};
const person = (language: 'ko' | 'en', over: object = {}) => ({ registrationId: 3, name: '홍길동', phone: '01012345678', email: 'hong@example.test', language, ...over });
const links = linksFor('https://finhub.jeonju.test', LINK_TOKEN);

describe('registrant messages', () => {
  it('lead with the registrant’s language and give the other below, subject too', () => {
    const ko = registrantMessage('confirmed', person('ko'), subject, { links, ownerKind: 'academy_session', linkToken: 't' })!;
    const en = registrantMessage('confirmed', person('en'), subject, { links, ownerKind: 'academy_session', linkToken: 't' })!;
    assert.match(ko.subject, /^\[금융 기초\] 신청이 확정되었습니다 \/ \[Finance basics\] Your registration is confirmed$/);
    assert.match(en.subject, /^\[Finance basics\] Your registration is confirmed \/ \[금융 기초\] 신청이 확정되었습니다$/);
    const [koFirst, koSecond] = ko.body.split('\n\n');
    const [enFirst, enSecond] = en.body.split('\n\n');
    assert.match(koFirst!, /^홍길동님, /);
    assert.match(koSecond!, /^Dear 홍길동, /);
    assert.match(enFirst!, /^Dear 홍길동, /);
    assert.match(enSecond!, /^홍길동님, /);
    assert.equal(en.meta!.language, 'en');
    assert.ok(enFirst!.includes(`When: ${seoulEn(subject.startsAt)}`));
    assert.ok(enFirst!.includes('https://finhub.jeonju.test/registrations/{{token}}'));
  });

  it('a confirmation by e-mail asks for the calendar (built when sent) and the QR code; by SMS neither', () => {
    const mail = registrantMessage('confirmed', person('ko'), subject, { links, ownerKind: 'academy_session', publicUrl: 'https://finhub.jeonju.test' })!;
    assert.equal(mail.meta!.attach, 'registration.calendar');
    assert.equal(mail.meta!.publicUrl, 'https://finhub.jeonju.test');
    assert.equal(mail.meta!.qr, true);
    const sms = registrantMessage('confirmed', person('ko', { email: null }), subject, { links, ownerKind: 'academy_session', publicUrl: 'https://finhub.jeonju.test' })!;
    assert.equal(sms.channel, 'sms');
    assert.equal(sms.meta!.attach, undefined);
    const waitlisted = registrantMessage('waitlisted', person('ko'), subject, { links, ownerKind: 'academy_session', publicUrl: 'https://finhub.jeonju.test' })!;
    assert.equal(waitlisted.meta!.attach, undefined);
  });

  it('the calendar written from the subject: escaped, its UID the session’s own', () => {
    const ics = registrationCalendar({ ...subject, title: { ko: '금융, 기초; 강좌\r\nX-EVIL:1', en: null } }, 'academy_session', 'https://finhub.jeonju.test');
    assert.match(ics, /UID:academy-session-7@finhub\.jeonju\.go\.kr/);
    assert.match(ics, /SUMMARY:금융\\, 기초\\; 강좌 X-EVIL:1/);
    assert.ok(!/^X-EVIL/m.test(ics));
  });

  it('an offer names its deadline in both languages, the registrant’s first, with its own accept link', () => {
    const until = new Date('2026-12-08T23:00:00Z'); // 08:00 on the 9th in Seoul
    const en = registrantMessage('offered', person('en'), subject, { links, offerExpiresAt: until, ownerKind: 'academy_session', linkToken: 'offer-token' })!;
    const [first, second] = en.body.split('\n\n');
    assert.ok(first!.includes(`Accept it by ${seoulEn(until)}`), first!);
    assert.ok(first!.includes('9 December 2026 at 08:00 (KST)'), first!);
    assert.ok(first!.includes('Accept here: https://finhub.jeonju.test/registrations/{{token}}'));
    assert.ok(second!.includes(`${seoul(until)}까지 수락하지 않으면`), second!);
    assert.equal(en.linkToken, 'offer-token');
    assert.match(en.subject, /^\[Finance basics\] A place is free for you — accept by 9 December 2026 at 08:00 \(KST\)/);
  });

  it('no SMS to a number that is not a mobile; none at all without e-mail or phone', () => {
    assert.equal(registrantMessage('confirmed', person('ko', { email: null, phone: '0632812114' }), subject, { ownerKind: 'x' }), null);
    assert.equal(registrantMessage('confirmed', person('ko', { email: null, phone: null }), subject, { ownerKind: 'x' }), null);
    assert.equal(registrantMessage('confirmed', person('ko', { email: null, phone: '+819012345678' }), subject, { ownerKind: 'x' })!.channel, 'sms');
  });

  it('the look-up message goes where it was asked, with its own link and its expiry', () => {
    const expires = new Date('2026-12-10T03:00:00Z');
    const m = lookupMessage({ channel: 'email', recipient: 'hong@example.test' }, { id: 3, status: 'waitlisted', language: 'en' }, subject, {
      publicUrl: 'https://finhub.jeonju.test',
      ownerKind: 'academy_session',
      linkToken: 'lookup-token',
      linkExpiresAt: expires,
    });
    assert.equal(m.recipient, 'hong@example.test');
    assert.equal(m.kind, 'registration.lookup');
    assert.match(m.body, /^Here is the link to your registration, as asked\. Finance basics · status: on the waiting list/);
    assert.ok(m.body.includes(`works until ${seoulEn(expires)}`));
    assert.ok(m.body.includes('확인·취소: https://finhub.jeonju.test/registrations/{{token}}'));
  });
});

describe('mail parts', () => {
  const contact = contactLine({ name: '전주시 금융중심지 사업 담당 부서', nameEn: 'Jeonju City financial hub', phone: '063-281-2114', email: 'hub@jeonju.test' })!;

  it('the contact line in both languages, the registrant’s first', () => {
    assert.deepEqual(contact, {
      ko: '문의: 전주시 금융중심지 사업 담당 부서 · 063-281-2114 · hub@jeonju.test',
      en: 'Contact: Jeonju City financial hub · 063-281-2114 · hub@jeonju.test',
    });
    assert.match(textWithContact('본문', 'en', contact), /^본문\n\n--\nContact: .*\n문의: /);
    assert.equal(contactLine({}), null);
  });

  it('HTML: every text escaped, links made links, each block in its language', () => {
    const html = htmlBody('제목 <b>', 'Dear <script>alert(1)</script> & co, see https://x.test/a?b=1&c=2\n\n안녕하세요 "따옴표"', 'en', contact);
    assert.ok(!html.includes('<script>'));
    assert.ok(html.includes('Dear &lt;script&gt;alert(1)&lt;/script&gt; &amp; co'));
    assert.ok(html.includes('<a href="https://x.test/a?b=1&amp;c=2">https://x.test/a?b=1&amp;c=2</a>'));
    assert.ok(html.includes('<div lang="en"><p>Dear'));
    assert.ok(html.includes('<div lang="ko"><p>안녕하세요 &quot;따옴표&quot;'));
    assert.ok(html.includes('<html lang="en">'));
    assert.ok(html.includes('<title>제목 &lt;b&gt;</title>'));
  });

  it('the sender is the programme’s name over MAIL_FROM’s address; Auto-Submitted is set', () => {
    const o = mailOptions(
      { id: 1, channel: 'email', recipient: 'a@b.test', subject: 's\r\nBcc: x@y', body: 'b', kind: 'k', language: 'ko' },
      { from: 'finhub <no-reply@jeonju.test>', fromName: '전주시 금융중심지 사업', contact },
      '<id@x>',
    );
    assert.deepEqual(o.from, { name: '전주시 금융중심지 사업', address: 'no-reply@jeonju.test' });
    assert.equal((o.headers as Record<string, string>)['Auto-Submitted'], 'auto-generated');
    assert.equal(o.subject, 's Bcc: x@y');
  });
});

describe('phones', () => {
  it('E.164 for a number of the chosen country; Korean numbers stay national digits', () => {
    assert.equal(normalizeInternationalPhone('090-1234-5678', 'JP'), '+819012345678');
    assert.equal(normalizeInternationalPhone('+81 90 1234 5678', 'US'), '+819012345678');
    assert.equal(normalizeInternationalPhone('(415) 555-2671', 'us'), '+14155552671');
    assert.equal(normalizeInternationalPhone('0912 345 678', 'VN'), '+84912345678');
    assert.equal(normalizeInternationalPhone('010-1234-5678', 'VN'), '01012345678', 'a guest from abroad with a Korean phone');
    assert.equal(normalizeInternationalPhone('+82 10 1234 5678', 'JP'), '01012345678');
    assert.equal(normalizeInternationalPhone('010-1234-5678'), '01012345678');
    assert.equal(normalizeInternationalPhone('12345', 'JP'), null);
    assert.equal(normalizeInternationalPhone('+999 1234', 'JP'), null);
    assert.equal(normalizeInternationalPhone('090-1234-5678', 'ZZ'), null);
  });

  it('SMS only to mobile numbers', () => {
    assert.equal(isMobilePhone('01012345678'), true);
    assert.equal(isMobilePhone('0632812114'), false);
    assert.equal(isMobilePhone('0212345678'), false);
    assert.equal(isMobilePhone('+819012345678'), true);
    assert.equal(isMobilePhone('+81312345678'), false, 'a Tokyo landline');
    assert.equal(isMobilePhone('+14155552671'), true, 'US numbers cannot be told apart: fixed line or mobile');
  });
});

describe('SOLAPI', () => {
  it('signs date + salt with HMAC-SHA256 under the secret; numbers abroad carry their calling code', () => {
    const header = solapiAuthorization('KEY', 'SECRET', '2026-12-03T05:00:00.000Z', 'abc123');
    const expected = createHmac('sha256', 'SECRET').update('2026-12-03T05:00:00.000Zabc123').digest('hex');
    assert.equal(header, `HMAC-SHA256 apiKey=KEY, date=2026-12-03T05:00:00.000Z, salt=abc123, signature=${expected}`);
    assert.deepEqual(solapiRecipient('01012345678'), { to: '01012345678' });
    assert.deepEqual(solapiRecipient('+819012345678'), { to: '9012345678', country: '81' });
    assert.deepEqual(solapiRecipient('+821012345678'), { to: '01012345678' });
  });
});
