/**
 * Event registration and the day of the event (src/modules/events/attendee-*.ts): categories as
 * engine pools, questions, invitation codes, approval, waiting list, check-in, badges, exports,
 * figures — on PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { events } from '../../src/modules/events/schema.ts';
import { purgePersonalData } from '../../src/modules/privacy/purge.ts';
import { EmailChannel } from '../../src/modules/notifications/channels/email.ts';
import { FileSmsSender, SmsChannel } from '../../src/modules/notifications/channels/file.ts';
import { drainOutbox } from '../../src/modules/notifications/worker.ts';
import { startSmtp } from '../support/smtp.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import { readCsv, readXlsx } from '../support/independent.ts';
import { asRegistrant } from '../support/registrant.ts';
import { renderBody } from '../../src/modules/notifications/service.ts';
import { countRows } from '../support/running.ts';
import { rows as queryRows } from '../../src/db/executor.ts';
import type { Json } from '../support/json.ts';

const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const TABLES = ['capacity_pools', 'registrations', 'event_registrations', 'outbox', 'audit_log'] as const;

let phoneSeq = 1000;
const nextPhone = () => `010-7777-${String(phoneSeq++).padStart(4, '0')}`;

/** The text of every page of a PDF, through pdf.js (legacy build, for Node). */
async function pdfText(buf: Buffer): Promise<{ pages: number; text: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buf), disableFontFace: true, useSystemFonts: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += `${content.items.map((it) => ('str' in it ? it.str : '')).join(' ')}\n`;
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, text };
}

for (const kind of DB_KINDS) {
  describe(`event registration and the day on ${kind}`, () => {
    let t: TestApp;
    let manager: Session;
    let officer: Session;
    let viewer: Session;
    let eventId: number;
    const cats: Record<string, Json> = {};
    const q: Record<string, number> = {};
    let vipCodes: string[] = [];

    const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });
    const counts = () => countRows(t, TABLES);
    const validAnswers = () => ({ [q.text!]: '핀테크', [q.choice!]: 'lunch', [q.country!]: 'kr' });
    /** A registration; json() gives what the registrant's message tells them (the answer itself is RECEIVED). */
    const registerAs = async (body: Json) => {
      const payload = { name: '홍길동', phone: nextPhone(), email: `p${phoneSeq}@example.com`, consent: true, answers: validAnswers(), ...body };
      return asRegistrant(t.database.db, await call('POST', `/api/events/${eventId}/registrations`, null, payload), payload.phone);
    };

    before(async () => {
      t = await openTestApp(kind);
      manager = await staffSession(t, 'manager');
      officer = await staffSession(t, 'officer');
      viewer = await staffSession(t, 'viewer');
      const [e] = await t.database.db
        .insert(events)
        .values({
          kind: 'forum',
          edition: 7,
          titleKo: '제7회 지니포럼',
          titleEn: '7th GENIE Forum',
          startsAt: new Date(Date.now() + 72 * HOUR),
          endsAt: new Date(Date.now() + 80 * HOUR),
          venueKo: '전주 그랜드힐스턴',
          published: true,
        })
        .returning();
      eventId = e!.id;
      const window = { opensAt: at(-HOUR), closesAt: at(48 * HOUR) };
      for (const [category, extra] of [
        ['general', { capacity: 2 }],
        ['student', { capacity: 5 }],
        ['press', { capacity: 5, waitlist: false }],
        ['vip', { capacity: 5, requiresInvitation: true }],
        ['online', { capacity: 1, requiresApproval: true }],
      ] as const) {
        const res = await call('POST', `/api/events/${eventId}/categories`, manager, { category, ...window, ...extra });
        assert.equal(res.statusCode, 201, res.body);
        cats[category] = res.json();
      }
      const dup = await call('POST', `/api/events/${eventId}/categories`, manager, { category: 'general', capacity: 3, ...window });
      assert.equal(dup.statusCode, 409);
      assert.equal(dup.json().error.code, 'CATEGORY_EXISTS');
      for (const [key, body] of [
        ['text', { kind: 'text', label: { ko: '관심 분야', en: 'Field of interest' }, required: true, maxLength: 20 }],
        [
          'choice',
          {
            kind: 'choice',
            label: { ko: '오찬', en: 'Lunch' },
            options: [
              { value: 'lunch', ko: '참석', en: 'Yes' },
              { value: 'none', ko: '불참', en: 'No' },
            ],
          },
        ],
        ['country', { kind: 'country', label: { ko: '국적', en: 'Nationality' } }],
        ['affiliation', { kind: 'affiliation', label: { ko: '소속 기관', en: 'Organisation' }, maxLength: 50 }],
      ] as const) {
        const res = await call('POST', `/api/events/${eventId}/questions`, manager, body);
        assert.equal(res.statusCode, 201, res.body);
        q[key] = res.json().id;
      }
      const bad = await call('POST', `/api/events/${eventId}/questions`, manager, { kind: 'choice', label: { ko: '보기 없음' } });
      assert.equal(bad.statusCode, 400);
      const codes = await call('POST', `/api/events/${eventId}/categories/${cats.vip!.id}/codes`, manager, { count: 3, maxUses: 1, label: '해외 연사' });
      assert.equal(codes.statusCode, 201, codes.body);
      vipCodes = codes.json().codes;
      assert.equal(vipCodes.length, 3);
      const stored = await queryRows<{ code_hash: string }>(t.database.db, sql`select code_hash from invitation_codes`);
      assert.ok(
        stored.every((r) => /^[0-9a-f]{64}$/.test(r.code_hash) && !vipCodes.includes(r.code_hash)),
        'only hashes are stored',
      );
    });
    after(() => t.close());

    it('shows an unpublished event’s categories and questions to staff only', async () => {
      await t.database.db.update(events).set({ published: false }).where(eq(events.id, eventId));
      try {
        for (const part of ['categories', 'questions']) {
          assert.equal((await call('GET', `/api/events/${eventId}/${part}`, null)).statusCode, 404, part);
          const staff = await call('GET', `/api/events/${eventId}/${part}`, viewer);
          assert.equal(staff.statusCode, 200, part);
          assert.ok(staff.json().items.length >= 4, part);
        }
      } finally {
        await t.database.db.update(events).set({ published: true }).where(eq(events.id, eventId));
      }
    });

    it('registers in each category, with a confirmation e-mail linking to the QR code', async () => {
      const general = await registerAs({ category: 'general', name: '김지니', nameEn: 'Kim Genie', affiliation: '국민연금공단', country: 'KR' });
      assert.equal(general.statusCode, 201, general.body);
      assert.equal(general.json().status, 'confirmed');
      assert.match(general.json().statusUrl, /^http:\/\/finhub\.test\/registrations\//);
      for (const category of ['student', 'press']) {
        const res = await registerAs({ category, name: `${category} 참가자`, country: 'US' });
        assert.equal(res.statusCode, 201, res.body);
        assert.equal(res.json().status, 'confirmed');
      }
      const vip = await registerAs({ category: 'vip', name: 'Jane Doe', nameEn: 'Jane Doe', affiliation: 'Fund Ltd', country: 'GB', invitationCode: vipCodes[0]!.toLowerCase() });
      assert.equal(vip.statusCode, 201, vip.body);
      assert.equal(vip.json().status, 'confirmed');
      const online = await registerAs({ category: 'online', name: '온라인 참가자' });
      assert.equal(online.statusCode, 201, online.body);
      assert.equal(online.json().status, 'pending');

      const mail = await queryRows<Json>(
        t.database.db,
        sql`select recipient, subject, body, meta, link_token from outbox where kind = 'registration.confirmed' order by id limit 1`,
      );
      const m = mail[0]!;
      assert.match(m.subject, /제7회 지니포럼 \(일반\)/);
      assert.match(m.body, /QR/);
      assert.ok(!m.body.includes(general.json().token), 'no token in the stored body');
      assert.ok(renderBody(m.body, m.link_token).includes(general.json().statusUrl));
      const qr = await t.app.inject(`/api/registrations/${general.json().token}/qr.svg`);
      assert.equal(qr.statusCode, 200);
      const status = await t.app.inject(`/api/registrations/${online.json().token}`);
      assert.equal(status.statusCode, 200, status.body);
      assert.equal(status.json().status, 'pending');

      const list = await call('GET', `/api/events/${eventId}/attendees?category=general`, viewer);
      assert.equal(list.statusCode, 200);
      const row = list.json().items[0];
      assert.equal(row.name, '김지니');
      assert.match(row.phoneMasked, /\*/);
      assert.match(row.email, /\*/);
    });

    it('the confirmation e-mail, sent through SMTP, carries the check-in QR code', async () => {
      const smtp = await startSmtp();
      const email = new EmailChannel({ smtpUrl: smtp.url, from: 'finhub <no-reply@jeonju.test>', timeoutMs: 5000 });
      try {
        await drainOutbox(t.database.db, { email, sms: new SmsChannel(new FileSmsSender(t.dataDir)) });
        const confirmed = smtp.received.filter((m) => String(m.headers.get('x-finhub-kind')) === 'registration.confirmed');
        assert.ok(confirmed.length >= 4, `${confirmed.length} confirmations`);
        for (const m of confirmed) {
          const qr = m.attachments.find((a) => a.contentType === 'image/png');
          assert.ok(qr, 'a QR code is attached');
          assert.deepEqual([...qr.content.subarray(1, 4)].map((c) => String.fromCharCode(c)).join(''), 'PNG');
        }
        const pending = smtp.received.find((m) => String(m.headers.get('x-finhub-kind')) === 'registration.pending')!;
        assert.equal(pending.attachments.length, 0, 'no QR before approval');
      } finally {
        await email.close?.();
        await smtp.close();
      }
    });

    it('invitation codes: missing, wrong and used-up codes are 400 naming invitationCode and write nothing', async () => {
      const before = await counts();
      for (const invitationCode of [undefined, 'WRONG-CODE1', vipCodes[0]]) {
        const res = await registerAs({ category: 'vip', ...(invitationCode ? { invitationCode } : {}) });
        assert.equal(res.statusCode, 400, res.body);
        assert.deepEqual(
          res.json().error.fields.map((f: Json) => f.field),
          ['invitationCode'],
        );
      }
      assert.deepEqual(await counts(), before);
      // a code of another category does not open this one
      const ok = await registerAs({ category: 'vip', invitationCode: vipCodes[1] });
      assert.equal(ok.statusCode, 201);
    });

    it('approval: pending holds no seat; approval confirms within capacity, else the waiting list; refusal cancels', async () => {
      const second = await registerAs({ category: 'online', name: '두번째' });
      const third = await registerAs({ category: 'online', name: '세번째' });
      const pending = (await call('GET', `/api/events/${eventId}/attendees?category=online`, viewer)).json().items as Json[];
      assert.deepEqual(
        pending.map((p) => p.status),
        ['pending_approval', 'pending_approval', 'pending_approval'],
      );
      assert.equal((await call('POST', `/api/events/${eventId}/attendees/${pending[0]!.id}/approval`, officer, { approve: true })).statusCode, 403);
      const a = await call('POST', `/api/events/${eventId}/attendees/${pending[0]!.id}/approval`, manager, { approve: true });
      assert.equal(a.statusCode, 200, a.body);
      assert.equal(a.json().status, 'confirmed');
      const b = await call('POST', `/api/events/${eventId}/attendees/${second.json().id}/approval`, manager, { approve: true });
      assert.equal(b.json().status, 'waitlisted');
      const c = await call('POST', `/api/events/${eventId}/attendees/${third.json().id}/approval`, manager, { approve: false });
      assert.equal(c.json().status, 'cancelled');
      const decided = (await call('GET', `/api/events/${eventId}/attendees?category=online`, viewer)).json().items as Json[];
      assert.deepEqual(
        decided.map((p) => p.approval),
        ['approved', 'approved', 'rejected'],
      );
      const again = await call('POST', `/api/events/${eventId}/attendees/${third.json().id}/approval`, manager, { approve: true });
      assert.equal(again.statusCode, 409);
      const told = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from outbox where kind in ('registration.pending', 'registration.rejected')`);
      assert.equal(Number(told[0]!.n), 4); // three received, one refused
    });

    it('duplicate phone → the same answer, nothing registered, its owner texted; full → 409 or waiting list → offered on a cancellation', async () => {
      const phone = nextPhone();
      const first = await registerAs({ category: 'general', phone });
      assert.equal(first.statusCode, 201);
      const again = (over: Json) =>
        call('POST', `/api/events/${eventId}/registrations`, null, {
          category: 'general',
          name: '남',
          phone,
          email: 'other@example.com',
          consent: true,
          answers: validAnswers(),
          ...over,
        });
      const full = await registerAs({ category: 'general' });
      assert.equal(full.statusCode, 409);
      assert.equal(full.json().error.code, 'REGISTRATION_FULL');
      const fullAgain = await again({});
      assert.deepEqual([fullAgain.statusCode, fullAgain.body], [409, full.body], 'full: the same refusal for the phone that has a seat');
      const waiting = await registerAs({ category: 'general', waitlist: true });
      assert.equal(waiting.statusCode, 201);
      assert.equal(waiting.json().status, 'waitlisted');
      const dup = await again({ waitlist: true });
      assert.deepEqual([dup.statusCode, dup.body], [201, waiting.body], 'the same answer as a newcomer on the waiting list');
      const rows = await queryRows<Json>(t.database.db, sql`select count(*)::int as n from registrations where phone = ${phone.replace(/-/g, '')}`);
      assert.equal(rows[0]!.n, 1);
      const told = await queryRows<Json>(
        t.database.db,
        sql`select channel::text as channel from outbox where kind = 'registration.duplicate_attempt' and recipient = ${phone.replace(/-/g, '')}`,
      );
      assert.deepEqual(told, [{ channel: 'sms' }]);
      assert.equal((await registerAs({ category: 'press', waitlist: true })).statusCode, 201);
      const cancel = await t.app.inject({ method: 'POST', url: `/api/registrations/${first.json().token}/cancel`, headers: { origin: ORIGIN } });
      assert.equal(cancel.statusCode, 200, cancel.body);
      const status = await t.app.inject(`/api/registrations/${waiting.json().token}`);
      assert.equal(status.json().status, 'offered');
      const accept = await t.app.inject({ method: 'POST', url: `/api/registrations/${waiting.json().token}/accept`, headers: { origin: ORIGIN } });
      assert.equal(accept.statusCode, 200, accept.body);
      const cats2 = (await t.app.inject(`/api/events/${eventId}/categories`)).json().items as Json[];
      assert.equal(cats2.find((c) => c.category === 'general')!.seatsLeft, 0);
      assert.equal(cats2.find((c) => c.category === 'general')!.registrationState, 'full');
      assert.equal(cats2.find((c) => c.category === 'student')!.registrationState, 'open');
      // more capacity offers the seat to the next in line; less than taken is refused
      const next = await registerAs({ category: 'general', waitlist: true });
      assert.equal(next.json().status, 'waitlisted');
      const general = cats.general!;
      assert.equal((await call('PATCH', `/api/events/${eventId}/categories/${general.id}`, manager, { capacity: 1 })).statusCode, 409);
      const more = await call('PATCH', `/api/events/${eventId}/categories/${general.id}`, manager, { capacity: 3 });
      assert.equal(more.statusCode, 200, more.body);
      assert.equal(more.json().capacity, 3);
      assert.equal((await t.app.inject(`/api/registrations/${next.json().token}`)).json().status, 'offered');
      await t.app.inject({ method: 'POST', url: `/api/registrations/${next.json().token}/accept`, headers: { origin: ORIGIN } });
    });

    it('bad input is 400 naming every field and writes nothing', async () => {
      const before = await counts();
      const res = await registerAs({
        category: 'student',
        country: 'XX',
        answers: { [q.text!]: '가'.repeat(21), [q.choice!]: 'dinner', [q.country!]: 'Korea', 999999: 'who?' },
      });
      assert.equal(res.statusCode, 400, res.body);
      assert.deepEqual(
        res
          .json()
          .error.fields.map((f: Json) => f.field)
          .sort(),
        ['answers.999999', `answers.${q.choice}`, `answers.${q.country}`, `answers.${q.text}`, 'country'].sort(),
      );
      const missing = await registerAs({ category: 'student', answers: { [q.choice!]: 'none' } });
      assert.equal(missing.statusCode, 400);
      assert.deepEqual(
        missing.json().error.fields.map((f: Json) => f.field),
        [`answers.${q.text}`],
      );
      const schema = await registerAs({ category: 'student', consent: false });
      assert.equal(schema.statusCode, 400);
      const noCategory = await call('POST', `/api/events/${eventId + 1000}/registrations`, null, {
        category: 'general',
        name: 'x',
        phone: nextPhone(),
        email: 'x@example.com',
        consent: true,
      });
      assert.equal(noCategory.statusCode, 404);
      assert.deepEqual(await counts(), before);
    });

    it('checks in idempotently, also 20 staff scanning one ticket at once', async () => {
      const r = await registerAs({ category: 'student', name: '이입장', nameEn: 'Lee Entry' });
      const token = r.json().token;
      assert.equal((await call('POST', `/api/events/${eventId}/check-in`, viewer, { token })).statusCode, 403);
      const results = await Promise.all(Array.from({ length: 20 }, () => call('POST', `/api/events/${eventId}/check-in`, officer, { token })));
      assert.ok(
        results.every((x) => x.statusCode === 200),
        results.map((x) => x.body).join('\n'),
      );
      assert.equal(results.filter((x) => !x.json().alreadyCheckedIn).length, 1);
      const twice = await call('POST', `/api/events/${eventId}/check-in`, officer, { registrationId: r.json().id });
      assert.equal(twice.json().alreadyCheckedIn, true);
      assert.equal(twice.json().registration.name, '이입장');
      const audits = await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from audit_log where action = 'registration.check_in' and entity_id = ${String(r.json().id)}`,
      );
      assert.equal(Number(audits[0]!.n), 1);
      assert.equal((await call('POST', `/api/events/${eventId}/check-in`, officer, { token: 'x'.repeat(43) })).statusCode, 404);
      const pendingOne = await registerAs({ category: 'online', name: '대기 승인' });
      assert.equal((await call('POST', `/api/events/${eventId}/check-in`, officer, { registrationId: pendingOne.json().id })).statusCode, 409);
    });

    it('badges: the PDF opens and holds Korean and Latin names, 1 or 8 per sheet', async () => {
      const one = await call('GET', `/api/events/${eventId}/badges.pdf`, viewer);
      assert.equal(one.statusCode, 200, one.body);
      assert.equal(one.headers['content-type'], 'application/pdf');
      const body = one.rawPayload;
      assert.equal(body.subarray(0, 5).toString(), '%PDF-');
      assert.match(body.toString('latin1'), /PretendardGOV/);
      const { pages, text } = await pdfText(body);
      const confirmed = (await call('GET', `/api/events/${eventId}/attendees`, viewer)).json().items.filter((a: Json) => a.status === 'confirmed');
      assert.equal(pages, confirmed.length);
      for (const name of ['김지니', 'Kim Genie', 'Jane Doe', '국민연금공단', '이입장', 'Lee Entry']) assert.ok(text.includes(name), `${name} in ${text}`);
      assert.ok(text.includes('초청'));
      const eight = await call('GET', `/api/events/${eventId}/badges.pdf?perSheet=8`, viewer);
      assert.equal((await pdfText(eight.rawPayload)).pages, Math.ceil(confirmed.length / 8));
      const picked = await call('GET', `/api/events/${eventId}/badges.pdf?perSheet=4&registrationIds=${confirmed[0].id}`, viewer);
      const p = await pdfText(picked.rawPayload);
      assert.equal(p.pages, 1);
      assert.ok(p.text.includes('김지니'));
      assert.equal((await call('GET', `/api/events/${eventId}/badges.pdf?perSheet=3`, viewer)).statusCode, 400);
    });

    it('exports XLSX and CSV (BOM, formula cells neutralised)', async () => {
      await registerAs({ category: 'student', name: '=cmd|calc', nameEn: '+SUM(A1)' });
      const x = await call('GET', `/api/events/${eventId}/attendees.xlsx`, viewer);
      assert.equal(x.statusCode, 200);
      // Read by openpyxl (tests/support/independent.ts), not by exceljs that wrote it.
      const sheet = Object.values(readXlsx(x.rawPayload))[0]!;
      const names = sheet.slice(1).map((r) => r[3]!.value);
      assert.ok(names.includes('김지니'));
      assert.ok(names.includes('=cmd|calc'), 'stored as text');
      const all = (await call('GET', `/api/events/${eventId}/attendees?limit=500`, viewer)).json().items as Json[];
      assert.equal(sheet.length, all.length + 1);
      assert.equal(sheet[0]![9]!.value, '신청 registered at (KST)');
      for (const row of sheet.slice(1)) {
        assert.equal(row[0]!.type, 'int', 'the id is a number');
        assert.equal(row[9]!.type, 'datetime', 'registered at: a date cell');
        assert.equal(row[9]!.format, 'yyyy-mm-dd hh:mm:ss');
        assert.ok(['datetime', 'NoneType'].includes(row[10]!.type), 'checked in at: a date cell or empty');
        for (const c of row) assert.notEqual(c.value, '', 'empty cells are empty, not empty strings');
        const a = all.find((i) => i.id === row[0]!.value)!;
        const seoul = new Date(new Date(String(a.createdAt)).getTime() + 9 * 3_600_000).toISOString().slice(0, 19);
        assert.equal(String(row[9]!.value).slice(0, 19), seoul, 'Seoul wall clock');
      }
      assert.ok(
        sheet.slice(1).some((r) => r[10]!.type === 'datetime'),
        'someone checked in',
      );

      const c = await call('GET', `/api/events/${eventId}/attendees.csv`, viewer);
      assert.equal(c.statusCode, 200);
      assert.match(String(c.headers['content-type']), /^text\/csv/);
      assert.deepEqual([...c.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const text = c.rawPayload.toString('utf8');
      const csv = readCsv(c.rawPayload);
      assert.ok(csv.bom && csv.crlf && !csv.bareLf, 'BOM, and every record ends with CR LF (RFC 4180)');
      assert.equal(csv.rows.length, all.length + 1);
      assert.ok(csv.rows.some((r) => r[3] === "'=cmd|calc"));
      assert.ok(
        csv.rows.slice(1).every((r) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(r[9]!)),
        'registered at in Seoul time',
      );
      assert.ok(text.includes("'=cmd|calc"));
      assert.ok(text.includes("'+SUM(A1)"));
      assert.ok(!/(^|,)=cmd/m.test(text));
      assert.ok(text.includes('김지니'));
      assert.ok(!text.includes('010-7777'), 'phones are masked');
    });

    it('pages the attendee list by id (?after=&limit=) with category and q filters', async () => {
      const all = (await call('GET', `/api/events/${eventId}/attendees?limit=500`, viewer)).json();
      assert.equal(all.total, all.items.length);
      assert.equal(all.nextAfter, null);
      const ids = all.items.map((a: Json) => a.id);
      assert.deepEqual(
        ids,
        [...ids].sort((a: number, b: number) => a - b),
        'in id order',
      );
      assert.ok(ids.length >= 3, `${ids.length} attendees to page through`);
      const seen: number[] = [];
      let after: number | null = null;
      let pages = 0;
      do {
        const res = await call('GET', `/api/events/${eventId}/attendees?limit=2${after === null ? '' : `&after=${after}`}`, viewer);
        assert.equal(res.statusCode, 200, res.body);
        const page = res.json();
        assert.equal(page.total, after === null ? ids.length : null);
        seen.push(...page.items.map((a: Json) => a.id));
        after = page.nextAfter;
        pages++;
      } while (after !== null);
      assert.deepEqual(seen, ids);
      assert.equal(pages, Math.ceil(ids.length / 2));
      const general = (await call('GET', `/api/events/${eventId}/attendees?category=general&limit=1`, viewer)).json();
      assert.equal(general.items.length, 1);
      assert.equal(general.items[0].category, 'general');
      assert.equal(general.total, all.items.filter((a: Json) => a.category === 'general').length);
      const byEnglish = (await call('GET', `/api/events/${eventId}/attendees?q=${encodeURIComponent('kim genie')}`, viewer)).json();
      assert.deepEqual(
        byEnglish.items.map((a: Json) => a.name),
        ['김지니'],
      );
      assert.equal(byEnglish.total, 1);
      for (const bad of ['?limit=0', '?limit=501', '?after=-5']) assert.equal((await call('GET', `/api/events/${eventId}/attendees${bad}`, viewer)).statusCode, 400, bad);
    });

    it('figures: registered vs attended by category and country, no-show rate', async () => {
      const res = await call('GET', `/api/events/${eventId}/figures`, viewer);
      assert.equal(res.statusCode, 200, res.body);
      const f = res.json();
      const confirmed = (await call('GET', `/api/events/${eventId}/attendees`, viewer)).json().items.filter((a: Json) => a.status === 'confirmed');
      assert.equal(f.total.registered, confirmed.length);
      assert.equal(f.total.attended, 1);
      assert.equal(f.total.noShow, confirmed.length - 1);
      assert.equal(f.total.noShowRate, Math.round(((confirmed.length - 1) / confirmed.length) * 1000) / 10);
      assert.deepEqual(
        f.byCategory.map((c: Json) => c.category),
        ['general', 'student', 'press', 'vip', 'online'],
      );
      const student = f.byCategory.find((c: Json) => c.category === 'student');
      assert.equal(student.attended, 1);
      assert.equal(
        f.byCountry.reduce((a: number, c: Json) => a + c.registered, 0),
        confirmed.length,
      );
      assert.ok(f.byCountry.some((c: Json) => c.country === 'GB' && c.registered === 1));
    });

    it('survey: only after the event, to attendees, once', async () => {
      assert.equal((await call('POST', `/api/events/${eventId}/survey`, manager)).statusCode, 409);
      await t.database.db.execute(sql`update events set starts_at = now() - interval '3 days', ends_at = now() - interval '2 days' where id = ${eventId}`);
      const res = await call('POST', `/api/events/${eventId}/survey`, manager);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().queued, 1);
      assert.equal((await call('POST', `/api/events/${eventId}/survey`, manager)).statusCode, 409);
      // The invitation's link works with the academy's survey routes (same mechanism).
      const mail = await queryRows<{ body: string; link_token: string }>(t.database.db, sql`select body, link_token from outbox where kind = 'survey.invitation'`);
      assert.equal(mail.length, 1);
      assert.ok(mail[0]!.body.includes('/surveys/{{token}}'));
      const token = mail[0]!.link_token;
      const info = await t.app.inject(`/api/surveys/${token}`);
      assert.equal(info.statusCode, 200, info.body);
      assert.equal(info.json().session.id, eventId);
      assert.match(info.json().session.title.ko, /제7회 지니포럼/);
      const answer = await t.app.inject({ method: 'POST', url: `/api/surveys/${token}`, headers: { origin: ORIGIN }, payload: { rating: 5, comment: '좋았습니다' } });
      assert.equal(answer.statusCode, 201, answer.body);
      const again = await t.app.inject({ method: 'POST', url: `/api/surveys/${token}`, headers: { origin: ORIGIN }, payload: { rating: 4 } });
      assert.equal(again.statusCode, 409);
    });

    it('the retention purge erases the event details too, keeping category and country for the figures', async () => {
      const before = (await call('GET', `/api/events/${eventId}/figures`, viewer)).json();
      const r = await purgePersonalData(t.database.db, new Date(Date.now() + 400 * 24 * HOUR));
      assert.ok(r.registrations > 0);
      const rows = await queryRows<Json>(t.database.db, sql`select name_en, affiliation, answers::text as answers, country from event_registrations`);
      assert.ok(rows.every((x) => x.name_en === null && x.affiliation === null && x.answers === '{}'));
      assert.ok(rows.some((x) => x.country === 'GB'));
      assert.deepEqual((await call('GET', `/api/events/${eventId}/figures`, viewer)).json(), before);
    });
  });
}
