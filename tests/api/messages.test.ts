/**
 * What registrants receive, end to end on PGlite and PostgreSQL: messages sent by the outbox
 * worker through a real SMTP server on loopback and read by two independent parsers — mailparser
 * (npm) and python3's own `email` package — with the attached calendar read by python3-icalendar;
 * waiting-list offers with their own accept link and a deadline out of the night; "find my
 * registration"; the day-before reminder.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { contactLine, EmailChannel, FileSmsSender, SmsChannel, type Channels } from '../../src/modules/notifications/channels/index.ts';
import { outbox } from '../../src/modules/notifications/schema.ts';
import { drainOutbox } from '../../src/modules/notifications/worker.ts';
import { sendReminders } from '../../src/modules/registration/engine/reminders.ts';
import { seoulEn } from '../../src/modules/registration/messages.ts';
import { events } from '../../src/modules/events/schema.ts';
import { registrationLinks, registrations } from '../../src/modules/registration/schema.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import type { Json } from '../support/json.ts';
import { registeredAs } from '../support/registrant.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';

const PYTHON = '/usr/bin/python3';
const HOUR = 3_600_000;
const PUBLIC_URL = 'https://finhub.jeonju.test';
const FROM_NAME = '전주시 금융중심지 사업';

/** Reads one RFC 5322 message with python's email package (policy.default) and its .ics parts with icalendar. */
const MAIL_READER = `
import json, sys, email, icalendar
from email import policy
from email.header import decode_header, make_header
from email.utils import parseaddr
raw = sys.stdin.buffer.read()
msg = email.message_from_bytes(raw, policy=policy.default)
# The From display name through python's RFC 2047 decoder (email.header): its header registry
# (policy.default) keeps the space between two adjacent encoded-words of a display name, which
# RFC 2047 section 6.2 says to drop (nodemailer splits a name of more than 30 bytes in two words).
name, addr = parseaddr(str(make_header(decode_header(email.message_from_bytes(raw)['From']))))
parts = []
for part in msg.walk():
    if part.is_multipart():
        continue
    parts.append({'type': part.get_content_type(), 'filename': part.get_filename(), 'disposition': part.get_content_disposition()})
body_text = msg.get_body(preferencelist=('plain',))
body_html = msg.get_body(preferencelist=('html',))
events = []
for part in msg.walk():
    if part.get_content_type() == 'text/calendar':
        cal = icalendar.Calendar.from_ical(part.get_payload(decode=True))
        events.append({'method': str(cal.get('METHOD')), 'vevents': [
            {'uid': str(e.get('UID')), 'summary': str(e.get('SUMMARY')), 'location': str(e.get('LOCATION')),
             'start': e.decoded('DTSTART').isoformat(), 'end': e.decoded('DTEND').isoformat()} for e in cal.walk('VEVENT')]})
print(json.dumps({
  'fromName': name, 'fromAddress': addr, 'fromAddressRegistry': msg['From'].addresses[0].addr_spec, 'subject': str(msg['Subject']),
  'autoSubmitted': msg['Auto-Submitted'], 'topType': msg.get_content_type(),
  'parts': parts, 'text': body_text.get_content() if body_text else None, 'html': body_html.get_content() if body_html else None,
  'calendars': events,
}))
`;

interface PyMail {
  fromName: string;
  fromAddress: string;
  fromAddressRegistry: string;
  subject: string;
  autoSubmitted: string | null;
  topType: string;
  parts: { type: string; filename: string | null; disposition: string | null }[];
  text: string | null;
  html: string | null;
  calendars: { method: string; vevents: { uid: string; summary: string; location: string; start: string; end: string }[] }[];
}

const readWithPython = (raw: Buffer): PyMail => JSON.parse(execFileSync(PYTHON, ['-c', MAIL_READER], { input: raw, encoding: 'utf8' })) as PyMail;
/** An instant as python's isoformat() of an iCalendar UTC time (whole seconds). */
const toSecond = (iso: string) => new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString().replace('.000Z', '+00:00');
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
let seq = 3000;
const nextPhone = () => `010-5555-${String(seq++).padStart(4, '0')}`;

/** Milliseconds from now to the next 23:00 in Seoul at least a day away. */
function toSeoulEleven(): number {
  const now = Date.now();
  const seoulNow = new Date(now + 9 * HOUR);
  let target = Date.UTC(seoulNow.getUTCFullYear(), seoulNow.getUTCMonth(), seoulNow.getUTCDate(), 23) - 9 * HOUR;
  while (target < now + 24 * HOUR) target += 24 * HOUR;
  return target - now;
}

for (const kind of DB_KINDS) {
  describe(`messages to registrants on ${kind}`, () => {
    let t: TestApp;
    let manager: Session;
    let smtp: TestSmtp;
    let channels: Channels;

    const call = (method: 'GET' | 'POST', url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });
    const newSession = async (over: Json = {}) => {
      const res = await call('POST', '/api/academy/sessions', manager, {
        title: { ko: '금융 기초', en: 'Finance basics' },
        startsAt: at(48 * HOUR),
        endsAt: at(50 * HOUR),
        venue: '전주시청 강당',
        capacity: 2,
        registrationOpensAt: at(-HOUR),
        registrationClosesAt: at(24 * HOUR),
        ...over,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as Json;
    };
    const register = async (sessionId: number, body: Json) => {
      const payload = { name: '홍길동', phone: nextPhone(), consent: true, waitlist: true, ...body };
      const res = await call('POST', `/api/academy/sessions/${sessionId}/registrations`, null, payload);
      assert.equal(res.statusCode, 201, res.body);
      return registeredAs(t.database.db, payload.phone as string);
    };
    const deliver = async () => {
      smtp.received.length = 0;
      smtp.raw.length = 0;
      // A little ahead: next_attempt_at is the database server's clock, which may run a few ms ahead of ours.
      await drainOutbox(t.database.db, channels, { now: () => new Date(Date.now() + 1000) });
    };
    const messagesOf = (registrationId: number) =>
      t.database.db
        .select()
        .from(outbox)
        .where(sql`${outbox.meta}->>'registrationId' = ${String(registrationId)}`)
        .orderBy(outbox.id);

    before(async () => {
      t = await openTestApp(kind, { publicUrl: PUBLIC_URL });
      manager = await staffSession(t, 'manager');
      smtp = await startSmtp();
      const contact = contactLine({ name: '전주시 금융중심지 사업 담당 부서', nameEn: 'Jeonju City financial hub', phone: '063-281-2114' });
      channels = {
        email: new EmailChannel({ smtpUrl: smtp.url, from: 'finhub <no-reply@jeonju.test>', fromName: FROM_NAME, contact, timeoutMs: 5000 }),
        sms: new SmsChannel(new FileSmsSender(t.dataDir), contact),
      };
      await drainOutbox(t.database.db, channels);
    });
    after(async () => {
      await channels.email.close?.();
      await smtp.close();
      await t.close();
    });

    it('a confirmation in the registrant’s language (the other below): text and HTML, the programme as sender, a contact line, Auto-Submitted, QR and .ics — read by mailparser, python email and icalendar', async () => {
      const s = await newSession();
      const r = await register(s.id, { email: 'guest@example.test', language: 'en', name: 'Jane <b>Doe</b>' });
      const [row] = await t.database.db.select({ language: registrations.language }).from(registrations).where(eq(registrations.id, r.id));
      assert.equal(row!.language, 'en');
      await deliver();
      assert.equal(smtp.received.length, 1);
      const mail = smtp.received[0]!;
      // mailparser
      assert.deepEqual(mail.from?.value[0], { name: FROM_NAME, address: 'no-reply@jeonju.test' });
      assert.equal(mail.headers.get('auto-submitted'), 'auto-generated');
      assert.match(mail.subject!, /^\[Finance basics\] Your registration is confirmed \/ \[금융 기초\] 신청이 확정되었습니다$/);
      assert.match(mail.text!, /^Dear Jane <b>Doe<\/b>, Your place is confirmed\./);
      const [english, korean] = mail.text!.split('\n\n');
      assert.ok(english!.includes(`When: ${seoulEn(new Date(s.startsAt))}`));
      assert.ok(english!.includes(`Status and cancellation: ${PUBLIC_URL}/registrations/${r.token}`));
      assert.match(korean!, /^Jane <b>Doe<\/b>님, 신청이 확정되었습니다/);
      assert.match(mail.text!, /--\nContact: Jeonju City financial hub · 063-281-2114\n문의: 전주시 금융중심지 사업 담당 부서 · 063-281-2114$/);
      assert.ok(mail.html, 'an HTML part');
      assert.match(mail.html as string, /<html lang="en">/);
      assert.ok((mail.html as string).includes('Dear Jane &lt;b&gt;Doe&lt;/b&gt;'), 'the name escaped in HTML');
      assert.ok((mail.html as string).includes(`<a href="${PUBLIC_URL}/registrations/${r.token}">`));
      assert.deepEqual(
        mail.attachments.map((a) => [a.filename, a.contentType]),
        [
          ['invitation.ics', 'text/calendar'],
          ['check-in-qr.png', 'image/png'],
        ],
      );
      // python's email package, on the same bytes
      const py = readWithPython(smtp.raw[0]!);
      assert.equal(py.fromName, FROM_NAME);
      assert.equal(py.fromAddress, 'no-reply@jeonju.test');
      assert.equal(py.fromAddressRegistry, 'no-reply@jeonju.test');
      assert.equal(py.autoSubmitted, 'auto-generated');
      assert.equal(py.subject, mail.subject);
      assert.equal(py.topType, 'multipart/mixed');
      assert.deepEqual(
        py.parts.map((p) => p.type),
        ['text/plain', 'text/html', 'text/calendar', 'image/png'],
      );
      assert.equal(py.text!.replace(/\r\n/g, '\n').trim(), mail.text!.trim());
      assert.ok(py.html!.includes('<div lang="ko">'));
      // python icalendar, on the attached calendar
      assert.equal(py.calendars.length, 1);
      assert.equal(py.calendars[0]!.method, 'PUBLISH');
      assert.deepEqual(py.calendars[0]!.vevents, [
        {
          uid: `academy-session-${s.id}@finhub.jeonju.go.kr`,
          summary: '금융 기초 / Finance basics',
          location: '전주시청 강당',
          start: toSecond(s.startsAt as string),
          end: toSecond(s.endsAt as string),
        },
      ]);
    });

    it('without a language the message is Korean first; SMS (no e-mail) carries no attachment and ends with the contact line', async () => {
      const s = await newSession();
      const r = await register(s.id, {});
      const [m] = await messagesOf(r.id);
      assert.equal(m!.channel, 'sms');
      assert.match(m!.subject, /^\[금융 기초\] 신청이 확정되었습니다 \/ \[Finance basics\]/);
      assert.match(m!.body, /^홍길동님, /);
      assert.equal((m!.meta as Json).attach, undefined);
    });

    it('a waiting-list offer has its own accept link and a deadline out of the night, in the registrant’s language; accepting by it confirms and sends the calendar', async () => {
      // The offer time ends at 23:00 Seoul: the deadline moves to 08:00 the next morning.
      const ttl = Math.ceil(toSeoulEleven() / 60_000);
      const s = await newSession({ capacity: 1, offerTtlMinutes: ttl, startsAt: at(ttl * 60_000 + 72 * HOUR), endsAt: at(ttl * 60_000 + 74 * HOUR) });
      const a = await register(s.id, { email: 'first@example.test' });
      const b = await register(s.id, { email: 'second@example.test', language: 'en' });
      assert.equal(b.status, 'waitlisted');
      await deliver();
      const cancelled = await call('POST', `/api/registrations/${a.token}/cancel`, null);
      assert.equal(cancelled.statusCode, 200, cancelled.body);
      const offer = (await messagesOf(b.id)).find((m) => m.kind === 'registration.offered')!;
      assert.ok(offer.linkToken && offer.linkToken !== b.token, 'a link of its own');
      const [stored] = await t.database.db.select().from(registrations).where(eq(registrations.id, b.id));
      const deadline = stored!.offerExpiresAt!;
      const seoulClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Seoul', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(deadline);
      assert.equal(seoulClock, '08:00');
      assert.ok(deadline.getTime() - Date.now() > ttl * 60_000 && deadline.getTime() - Date.now() <= ttl * 60_000 + 9 * HOUR + 60_000);
      const links = await t.database.db
        .select()
        .from(registrationLinks)
        .where(and(eq(registrationLinks.registrationId, b.id), eq(registrationLinks.purpose, 'offer')));
      assert.equal(links.length, 1);
      await deliver();
      const mail = smtp.received.find((m) => m.to && JSON.stringify(m.to).includes('second@example.test'))!;
      assert.ok(mail, 'the offer mail');
      const first = mail.text!.split('\n\n')[0]!;
      assert.ok(first.includes(`Accept it by ${seoulEn(deadline)}`), first);
      assert.match(first, /at 08:00 \(KST\)/);
      const acceptUrl = /Accept here: (\S+)/.exec(first)![1]!;
      const offerToken = acceptUrl.split('/').at(-1)!;
      assert.notEqual(offerToken, b.token);
      // The offer's link shows the registration and accepts it.
      assert.equal((await call('GET', `/api/registrations/${offerToken}`, null)).json().status, 'offered');
      const accepted = await call('POST', `/api/registrations/${offerToken}/accept`, null);
      assert.equal(accepted.statusCode, 200, accepted.body);
      assert.equal((await call('GET', `/api/registrations/${b.token}`, null)).json().status, 'confirmed');
      await deliver();
      const confirmation = smtp.received.find((m) => m.subject?.startsWith('[Finance basics] Your registration is confirmed'))!;
      assert.ok(confirmation);
      assert.deepEqual(
        confirmation.attachments.map((x) => x.filename),
        ['invitation.ics'],
      );
      const py = readWithPython(smtp.raw[smtp.received.indexOf(confirmation)]!);
      assert.equal(py.calendars[0]!.vevents[0]!.uid, `academy-session-${s.id}@finhub.jeonju.go.kr`);
    });

    it('find my registration: the same 202 whatever exists; the link goes only to the phone or e-mail given, once per 10 minutes; it opens the registration', async () => {
      const s = await newSession();
      const phone = nextPhone();
      const r = await register(s.id, { email: 'Lost@Example.test', phone, language: 'en' });
      const before = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(outbox);
      const unknown = await call('POST', '/api/registrations/lookup', null, { email: 'nobody@example.test' });
      const unknownPhone = await call('POST', '/api/registrations/lookup', null, { phone: '010-9999-0000' });
      assert.equal(unknown.statusCode, 202);
      assert.equal(unknownPhone.statusCode, 202);
      const after1 = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(outbox);
      assert.equal(Number(after1[0]!.n), Number(before[0]!.n), 'nothing sent for nobody');
      const known = await call('POST', '/api/registrations/lookup', null, { email: 'lost@example.test' });
      assert.equal(known.statusCode, 202);
      assert.equal(known.body, unknown.body, 'the same answer');
      assert.equal(known.headers['cache-control'], 'no-store');
      const lookups = (await messagesOf(r.id)).filter((m) => m.kind === 'registration.lookup');
      assert.equal(lookups.length, 1);
      assert.equal(lookups[0]!.recipient, 'lost@example.test', 'sent to the address given');
      assert.equal(lookups[0]!.channel, 'email');
      const token = lookups[0]!.linkToken!;
      assert.notEqual(token, r.token);
      assert.equal((await call('GET', `/api/registrations/${token}`, null)).json().status, 'confirmed');
      // Again within ten minutes: nothing more is sent.
      await call('POST', '/api/registrations/lookup', null, { email: 'lost@example.test' });
      assert.equal((await messagesOf(r.id)).filter((m) => m.kind === 'registration.lookup').length, 1);
      // By phone: a text to that phone.
      const byPhone = await call('POST', '/api/registrations/lookup', null, { phone });
      assert.equal(byPhone.statusCode, 202);
      const sms = (await messagesOf(r.id)).filter((m) => m.kind === 'registration.lookup' && m.channel === 'sms');
      assert.equal(sms.length, 1);
      assert.equal(sms[0]!.recipient, phone.replace(/-/g, ''));
      await deliver();
      const mail = smtp.received.find((m) => m.subject?.startsWith('[Finance basics] The link to your registration'))!;
      assert.ok(mail.text!.includes(`${PUBLIC_URL}/registrations/${token}`));
      // Neither or both: 400 naming the field, nothing sent.
      const neither = await call('POST', '/api/registrations/lookup', null, {});
      assert.equal(neither.statusCode, 400);
      const both = await call('POST', '/api/registrations/lookup', null, { phone, email: 'lost@example.test' });
      assert.equal(both.statusCode, 400);
      const badPhone = await call('POST', '/api/registrations/lookup', null, { phone: '12' });
      assert.equal(badPhone.statusCode, 400);
      assert.equal(badPhone.json().error.fields[0].field, 'phone');
    });

    it('the day-before reminder: once per confirmed registration, in its language, remembered', async () => {
      const s = await newSession();
      const r = await register(s.id, { email: 'remind@example.test', language: 'en' });
      const w = await register(s.id, { email: 'remind2@example.test' });
      assert.equal(w.status, 'confirmed');
      const early = await sendReminders(t.database.db, new Date(Date.now() + 20 * HOUR));
      assert.equal((await messagesOf(r.id)).filter((m) => m.kind === 'registration.reminder').length, 0, `not before the day (${early})`);
      const dayBefore = new Date(Date.now() + 25 * HOUR);
      assert.ok((await sendReminders(t.database.db, dayBefore)) >= 2);
      await sendReminders(t.database.db, new Date(Date.now() + 26 * HOUR));
      const reminders = (await messagesOf(r.id)).filter((m) => m.kind === 'registration.reminder');
      assert.equal(reminders.length, 1, 'once');
      assert.match(reminders[0]!.subject, /^\[Finance basics\] See you tomorrow \/ \[금융 기초\] 내일 뵙겠습니다$/);
      const [row] = await t.database.db.select({ remindedAt: registrations.remindedAt }).from(registrations).where(eq(registrations.id, r.id));
      assert.equal(row!.remindedAt!.getTime(), dayBefore.getTime());
    });

    it('the forum takes a phone of the guest’s country in E.164; a landline is never texted', async () => {
      const [e] = await t.database.db
        .insert(events)
        .values({
          kind: 'forum',
          titleKo: '지니포럼',
          titleEn: 'GENIE Forum',
          startsAt: new Date(Date.now() + 72 * HOUR),
          endsAt: new Date(Date.now() + 74 * HOUR),
          published: true,
        })
        .returning();
      const cat = await call('POST', `/api/events/${e!.id}/categories`, manager, { category: 'general', capacity: 10, opensAt: at(-HOUR), closesAt: at(48 * HOUR) });
      assert.equal(cat.statusCode, 201, cat.body);
      const guest = (phone: string, country: string, email: string) =>
        call('POST', `/api/events/${e!.id}/registrations`, null, { category: 'general', name: 'Tanaka Yuki', phone, email, country, consent: true, language: 'en' });
      assert.equal((await guest('090-1234-5678', 'JP', 'tanaka@example.jp')).statusCode, 201);
      assert.equal((await guest('03-1234-5678', 'JP', 'office@example.jp')).statusCode, 201);
      assert.equal((await guest('+1 415 555 2671', 'JP', 'us@example.com')).statusCode, 201, 'a number written with + keeps its country');
      const bad = await guest('12-34', 'JP', 'bad@example.jp');
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.fields[0].field, 'phone');
      const stored = await t.database.db
        .select({ phone: registrations.phone, language: registrations.language })
        .from(registrations)
        .where(sql`${registrations.email} like '%@example.jp' or ${registrations.email} = 'us@example.com'`)
        .orderBy(registrations.id);
      assert.deepEqual(stored, [
        { phone: '+819012345678', language: 'en' },
        { phone: '+81312345678', language: 'en' },
        { phone: '+14155552671', language: 'en' },
      ]);
      // Registering again with the same numbers: the mobile's owner is texted, the landline's is not.
      const countDuplicates = async (recipient: string) =>
        Number(
          (
            await t.database.db
              .select({ n: sql<number>`count(*)::int` })
              .from(outbox)
              .where(and(eq(outbox.kind, 'registration.duplicate_attempt'), eq(outbox.recipient, recipient)))
          )[0]!.n,
        );
      assert.equal((await guest('+81 90 1234 5678', 'KR', 'again@example.jp')).statusCode, 201);
      assert.equal((await guest('03-1234-5678', 'JP', 'again2@example.jp')).statusCode, 201);
      assert.equal(await countDuplicates('+819012345678'), 1);
      assert.equal(await countDuplicates('+81312345678'), 0);
      // The confirmation, in English first, names the forum.
      const [m] = await t.database.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.recipient, 'tanaka@example.jp'), eq(outbox.kind, 'registration.confirmed')));
      assert.match(m!.subject, /^\[GENIE Forum \(General\)\] Your registration is confirmed/);
      assert.equal((m!.meta as { attach?: string }).attach, 'registration.calendar');
      await deliver();
      const mail = smtp.received.find((x) => JSON.stringify(x.to).includes('tanaka@example.jp'))!;
      const ics = readWithPython(smtp.raw[smtp.received.indexOf(mail)]!).calendars[0]!.vevents[0]!;
      // The event's own calendar: the same UID as its public .ics, so a calendar keeps one entry.
      const exported = await call('GET', `/api/events/${e!.id}/calendar.ics`, null);
      assert.equal(exported.statusCode, 200);
      const uid = /^UID:(.+)\r?$/m.exec(exported.body)![1]!.trim();
      assert.equal(ics.uid, uid);
      assert.match(uid, new RegExp(`^event-${e!.id}@`));
      assert.equal(ics.summary, '지니포럼 / GENIE Forum');
    });

    it('a forum registration that needs approval: the confirmation sent on approval carries the event’s calendar (same UID and times as its .ics export)', async () => {
      const startsAt = new Date(Date.now() + 96 * HOUR);
      const endsAt = new Date(Date.now() + 99 * HOUR);
      const [e] = await t.database.db
        .insert(events)
        .values({ kind: 'forum', titleKo: '승인 포럼', titleEn: 'Approval Forum', startsAt, endsAt, venueKo: '전북대학교 진수당', published: true })
        .returning();
      const cat = await call('POST', `/api/events/${e!.id}/categories`, manager, {
        category: 'vip',
        capacity: 5,
        requiresApproval: true,
        opensAt: at(-HOUR),
        closesAt: at(48 * HOUR),
      });
      assert.equal(cat.statusCode, 201, cat.body);
      const phone = nextPhone();
      const res = await call('POST', `/api/events/${e!.id}/registrations`, null, {
        category: 'vip',
        name: 'Kim Approved',
        phone,
        email: 'approved@example.test',
        consent: true,
        language: 'en',
      });
      assert.equal(res.statusCode, 201, res.body);
      const r = await registeredAs(t.database.db, phone);
      assert.equal(r.status, 'pending');
      // While it waits: a message saying so, without a calendar.
      await deliver();
      assert.equal(smtp.received.length, 1);
      assert.equal(String(smtp.received[0]!.headers.get('x-finhub-kind')), 'registration.pending');
      assert.equal(readWithPython(smtp.raw[0]!).calendars.length, 0);

      const decided = await call('POST', `/api/events/${e!.id}/attendees/${r.id}/approval`, manager, { approve: true });
      assert.equal(decided.statusCode, 200, decided.body);
      assert.equal(decided.json().status, 'confirmed');
      const [queued] = (await messagesOf(r.id)).filter((m) => m.kind === 'registration.confirmed');
      assert.deepEqual({ attach: (queued!.meta as Json).attach, publicUrl: (queued!.meta as Json).publicUrl }, { attach: 'registration.calendar', publicUrl: PUBLIC_URL });
      await deliver();
      assert.equal(smtp.received.length, 1);
      const mail = smtp.received[0]!;
      assert.equal(String(mail.headers.get('x-finhub-kind')), 'registration.confirmed');
      assert.deepEqual(
        mail.attachments.filter((a) => a.contentType.startsWith('text/calendar')).map((a) => a.filename),
        ['invitation.ics'],
      );
      const py = readWithPython(smtp.raw[0]!);
      assert.equal(py.calendars.length, 1);
      assert.equal(py.calendars[0]!.method, 'PUBLISH');
      assert.equal(py.calendars[0]!.vevents.length, 1);
      const ics = py.calendars[0]!.vevents[0]!;
      const exported = await call('GET', `/api/events/${e!.id}/calendar.ics`, null);
      assert.equal(exported.statusCode, 200);
      const uid = /^UID:(.+)\r?$/m.exec(exported.body)![1]!.trim();
      assert.equal(ics.uid, uid, 'the same UID as the event’s calendar export');
      assert.match(uid, new RegExp(`^event-${e!.id}@`));
      assert.equal(ics.start, toSecond(startsAt.toISOString()));
      assert.equal(ics.end, toSecond(endsAt.toISOString()));
      assert.equal(ics.summary, '승인 포럼 / Approval Forum');
      assert.equal(ics.location, '전북대학교 진수당');
    });
  });
}
