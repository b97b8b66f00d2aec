/**
 * Professional training (금융전문인력 양성) through the API, on both databases: application →
 * selection (capacity, waiting list, promotion) → attendance (the room's rotating code; an expired
 * code refused) → assessment → evaluation → certificate (PDF read back by pdf.js and pdftotext) →
 * public verification → revocation; and job linkage: referral (consent), interview, placement,
 * six-month follow-up, figures; the retention purge of trainees' personal data.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { auditLog } from '../../src/modules/audit/schema.ts';
import { outbox } from '../../src/modules/notifications/schema.ts';
import { quarterOf, seoulDate } from '../../src/modules/plan/seoul-time.ts';
import { purgePersonalData } from '../../src/modules/privacy/purge.ts';
import { checkInCode, stepOf } from '../../src/modules/training/check-in-code.ts';
import { trainingApplications, trainingAttendance, trainingSessions } from '../../src/modules/training/schema.ts';
import { RECEIVED } from '../../src/server/api-schema.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';

const DAY = 86_400_000;
const MIN = 60_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const today = seoulDate(new Date());
const YEAR = quarterOf(new Date()).year;

async function pdfText(buf: Buffer): Promise<{ text: string; pages: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buf), disableFontFace: true, useSystemFonts: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += `${content.items.map((it) => ('str' in it ? it.str : '')).join('')}\n`;
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { text, pages };
}

const applicant = (name: string, phone: string, over: Record<string, unknown> = {}) => ({
  name,
  phone,
  email: `${phone.replace(/\D/g, '')}@example.com`,
  statement: '연기금 분야에서 일하고 싶습니다.\n경영학 전공.',
  documents: ['이력서', '자기소개서'],
  consent: true,
  ...over,
});

for (const kind of DB_KINDS) {
  describe(`professional training (${kind})`, () => {
    let t: TestApp;
    let manager: Session;
    let officer: Session;
    let viewer: Session;
    let cohortId: number;
    const ids: Record<string, number> = {};
    const tokens: Record<string, string> = {};
    const sessions: number[] = [];
    let certificate: { id: number; code: string };

    const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });
    const count = async (table: typeof trainingApplications | typeof trainingAttendance | typeof outbox | typeof auditLog) => {
      const [r] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(table);
      return Number(r!.n);
    };
    /** The link token of the latest message of this kind to this application. */
    const tokenOf = async (id: number, kind: string) => {
      const rows = await t.database.db
        .select({ token: outbox.linkToken })
        .from(outbox)
        .where(and(eq(outbox.kind, kind), sql`${outbox.meta}->>'trainingApplicationId' = ${String(id)}`))
        .orderBy(sql`${outbox.id} desc`);
      assert.ok(rows[0]?.token, `message ${kind} to ${id} carries a token`);
      return rows[0].token;
    };
    const idOf = async (phone: string) => {
      const [a] = await t.database.db
        .select({ id: trainingApplications.id })
        .from(trainingApplications)
        .where(eq(trainingApplications.phone, phone.replace(/\D/g, '')));
      return a!.id;
    };

    before(async () => {
      t = await openTestApp(kind);
      manager = await staffSession(t, 'manager');
      officer = await staffSession(t, 'officer');
      viewer = await staffSession(t, 'viewer');
    });
    after(() => t.close());

    it('a manager creates a course with its completion rule and a cohort with its application form', async () => {
      const course = await call('POST', '/api/training/courses', manager, {
        track: 'pension_fund',
        title: { ko: '연기금 운용 실무', en: 'Pension fund management in practice' },
        hours: 12,
        minAttendancePct: 75,
        minScore: 60,
      });
      assert.equal(course.statusCode, 201, course.body);
      assert.deepEqual(course.json().rule, { minAttendancePct: 75, minScore: 60 });
      const body = {
        courseId: course.json().id,
        name: `${YEAR}년 1기`,
        startsOn: today,
        endsOn: seoulDate(new Date(Date.now() + 2 * DAY)),
        capacity: 3,
        applyOpensAt: at(-DAY),
        applyClosesAt: at(DAY),
        criteria: { ko: '전북 연고 청년 우선', en: 'Young people from Jeonbuk first' },
        documents: { ko: '이력서\n자기소개서', en: 'CV\nCover letter' },
      };
      const backwards = await call('POST', '/api/training/cohorts', manager, { ...body, endsOn: seoulDate(new Date(Date.now() - 2 * DAY)) });
      assert.equal(backwards.statusCode, 400);
      assert.equal(backwards.json().error.fields[0].field, 'endsOn');
      const officerTry = await call('POST', '/api/training/cohorts', officer, body);
      assert.equal(officerTry.statusCode, 403);
      const res = await call('POST', '/api/training/cohorts', manager, body);
      assert.equal(res.statusCode, 201, res.body);
      cohortId = res.json().id;
      const pub = await call('GET', `/api/training/cohorts/${cohortId}`, null);
      assert.equal(pub.statusCode, 200);
      assert.equal(pub.json().open, true);
      assert.equal(pub.json().course.title.en, 'Pension fund management in practice');
      assert.deepEqual(pub.json().criteria, body.criteria);
      const consent = await call('GET', '/api/privacy/consent?purpose=training', null);
      assert.equal(consent.statusCode, 200);
      assert.match(consent.json().retention.ko, /3년/);
    });

    it('applicants apply with the public form; a second application from the same phone gets the same answer and stores nothing', async () => {
      for (const [key, name, phone, extra] of [
        ['A', '홍길동', '010-3000-0001', { referralConsent: true }],
        ['B', '김영희', '010-3000-0002', {}],
        ['C', '이철수', '010-3000-0003', { referralConsent: true }],
        ['D', '박민지', '010-3000-0004', {}],
        ['E', '최준호', '010-3000-0005', { email: undefined }],
      ] as const) {
        const res = await call('POST', `/api/training/cohorts/${cohortId}/applications`, null, applicant(name, phone, extra));
        assert.equal(res.statusCode, 201, res.body);
        assert.deepEqual(res.json(), RECEIVED);
        ids[key] = await idOf(phone);
        tokens[key] = await tokenOf(ids[key]!, 'training.received');
      }
      const [apps, messages] = [await count(trainingApplications), await count(outbox)];
      const again = await call('POST', `/api/training/cohorts/${cohortId}/applications`, null, applicant('홍길동', '+82 10 3000 0001'));
      assert.equal(again.statusCode, 201);
      assert.deepEqual(again.json(), RECEIVED, 'the same answer');
      assert.equal(await count(trainingApplications), apps, 'nothing stored');
      assert.equal(await count(outbox), messages + 1, 'the owner of the phone is told once');
      await call('POST', `/api/training/cohorts/${cohortId}/applications`, null, applicant('홍길동', '010-3000-0001'));
      assert.equal(await count(outbox), messages + 1, 'at most once an hour');

      const noConsent = await call('POST', `/api/training/cohorts/${cohortId}/applications`, null, { ...applicant('무동의', '010-3000-0009'), consent: false });
      assert.equal(noConsent.statusCode, 400);
      const badPhone = await call('POST', `/api/training/cohorts/${cohortId}/applications`, null, applicant('전화오류', '12345'));
      assert.equal(badPhone.statusCode, 400);
      assert.equal(badPhone.json().error.fields[0].field, 'phone');
      assert.equal(await count(trainingApplications), apps);

      const [received] = await t.database.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.kind, 'training.received'), eq(outbox.recipient, '01030000005')));
      assert.equal(received!.channel, 'sms', 'without an e-mail address, by SMS');
      assert.match(received!.body, /\/training\/status\/\{\{token\}\}/, 'the stored body holds the link as a template');
      const status = await call('GET', `/api/training/applications/${tokens.A}`, null);
      assert.equal(status.statusCode, 200, status.body);
      assert.equal(status.json().name, '홍*동');
      assert.equal(status.json().status, 'submitted');
      assert.equal(status.json().referralConsent, true);
      assert.ok(!status.body.includes('010-3000-0001') && !status.body.includes('01030000001'));
    });

    it('a status link shows only its own application; altered or foreign tokens get the unknown token’s 404', async () => {
      const unknown = await call('GET', `/api/training/applications/${'A'.repeat(43)}`, null);
      assert.equal(unknown.statusCode, 404);
      const own = tokens.A!;
      const flip = (i: number) => own.slice(0, i) + (own[i] === 'A' ? 'B' : 'A') + own.slice(i + 1);
      const [row] = await t.database.db.select({ hash: trainingApplications.tokenHash }).from(trainingApplications).where(eq(trainingApplications.id, ids.B!));
      for (const tampered of [flip(0), flip(21), flip(42), own.slice(0, 42), `${own}A`, own.toUpperCase(), row!.hash, String(ids.B)]) {
        for (const url of [`/api/training/applications/${tampered}`, `/api/training/applications/${tampered}/certificate.pdf`]) {
          const res = await call('GET', url, null);
          assert.equal(res.statusCode, 404, `${url}: ${res.statusCode}`);
          assert.equal(res.body, url.endsWith('.pdf') ? res.body : unknown.body);
          assert.ok(!res.body.includes('김영희') && !res.body.includes('3000-0002'));
        }
        const checkIn = await call('POST', `/api/training/applications/${tampered}/check-in`, null, { sessionId: 1, code: '123456' });
        assert.equal(checkIn.statusCode, 404);
      }
      const mine = await call('GET', `/api/training/applications/${own}`, null);
      for (const secret of ['김영희', '010-3000-0002', '01030000002', tokens.B!]) assert.ok(!mine.body.includes(secret));
    });

    it('staff select up to the capacity with reasons, waitlist and reject; a withdrawal promotes the first on the waiting list', async () => {
      const decide = (key: string, decision: string, reason = '선발 기준 충족') => call('POST', `/api/training/applications/${ids[key]}/decision`, manager, { decision, reason });
      for (const key of ['A', 'B', 'E']) {
        const res = await decide(key, 'selected');
        assert.equal(res.statusCode, 200, res.body);
      }
      const full = await decide('C', 'selected');
      assert.equal(full.statusCode, 409);
      assert.equal(full.json().error.code, 'COHORT_FULL');
      assert.equal((await decide('C', 'waitlisted', '정원 초과')).statusCode, 200);
      const rejected = await decide('D', 'rejected', '지원 자격 미충족');
      assert.equal(rejected.json().status, 'rejected');
      assert.equal(rejected.json().decisionReason, '지원 자격 미충족');
      assert.equal((await call('GET', `/api/training/applications/${tokens.C}`, null)).json().waitlistPosition, 1);
      const dStatus = (await call('GET', `/api/training/applications/${tokens.D}`, null)).json();
      assert.deepEqual([dStatus.status, dStatus.decisionReason], ['rejected', '지원 자격 미충족']);
      const [rejectMessage] = await t.database.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.kind, 'training.rejected'), sql`${outbox.meta}->>'trainingApplicationId' = ${String(ids.D)}`));
      assert.match(rejectMessage!.body, /사유: 지원 자격 미충족/);

      const withdraw = await decide('B', 'withdrawn', '개인 사정');
      assert.equal(withdraw.statusCode, 200, withdraw.body);
      const list = await call('GET', `/api/training/cohorts/${cohortId}/applications`, viewer);
      assert.equal(list.statusCode, 200);
      assert.deepEqual(list.json().cohort.counts, { submitted: 0, selected: 3, waitlisted: 0, rejected: 1, withdrawn: 1 });
      const c = list.json().items.find((a: { id: number }) => a.id === ids.C);
      assert.equal(c.status, 'selected', 'C moved up from the waiting list');
      assert.equal(c.phoneMasked, '010-****-0003');
      assert.equal(c.emailMasked, '0***@example.com');
      const promoted = await t.database.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.kind, 'training.selected'), sql`${outbox.meta}->>'trainingApplicationId' = ${String(ids.C)}`));
      assert.equal(promoted.length, 1);
      const again = await decide('B', 'selected');
      assert.equal(again.json().error.code, 'TRAINING_APPLICATION_STATE');
      const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'training.application.decide'));
      assert.equal(audits.length, 7);
    });

    it('trainees check in with the rotating code shown in the room; an old code is refused as expired and writes nothing', async () => {
      for (const [i, offset] of [-5 * MIN, 90 * MIN].entries()) {
        const res = await call('POST', `/api/training/cohorts/${cohortId}/sessions`, manager, {
          title: { ko: `${i + 1}회차`, en: `Session ${i + 1}` },
          startsAt: at(offset),
          endsAt: at(offset + 3 * 60 * MIN),
          room: '전주시청 4층 교육장',
        });
        assert.equal(res.statusCode, 201, res.body);
        assert.ok(!res.body.includes('secret') && !res.body.includes('Secret'));
        sessions.push(res.json().id);
      }
      const display = await call('GET', `/api/training/sessions/${sessions[0]}/check-in-code`, officer);
      assert.equal(display.statusCode, 200, display.body);
      const { code, url, svg, validUntil, stepSeconds } = display.json();
      assert.match(code, /^\d{6}$/);
      assert.equal(stepSeconds, 30);
      assert.equal(url, `http://finhub.test/training/check-in?session=${sessions[0]}&code=${code}`);
      assert.match(svg, /^<svg/);
      assert.ok(Date.parse(validUntil) > Date.now() - 1000);
      assert.equal((await call('GET', `/api/training/sessions/${sessions[0]}/check-in-code`, viewer)).statusCode, 403);

      const checkIn = (key: string, body: object) => call('POST', `/api/training/applications/${tokens[key]}/check-in`, null, body);
      const [row] = await t.database.db.select().from(trainingSessions).where(eq(trainingSessions.id, sessions[0]!));
      const step = stepOf(new Date());
      const before = [await count(trainingAttendance), await count(auditLog)];
      const expired = await checkIn('A', { sessionId: sessions[0], code: checkInCode(row!.checkInSecret, row!.id, step - 3) });
      assert.equal(expired.statusCode, 409);
      assert.equal(expired.json().error.code, 'CHECK_IN_CODE_EXPIRED');
      assert.match(expired.json().error.message.ko, /QR 코드를 다시/);
      const wrongCode = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
      const wrong = await checkIn('A', { sessionId: sessions[0], code: wrongCode === checkInCode(row!.checkInSecret, row!.id, step - 1) ? '000000' : wrongCode });
      assert.equal(wrong.json().error.code, 'CHECK_IN_CODE_INVALID');
      const otherSession = await checkIn('A', { sessionId: sessions[0], code: checkInCode(`${row!.checkInSecret}x`, row!.id, step) });
      assert.equal(otherSession.statusCode, 409);
      const notYet = await checkIn('A', { sessionId: sessions[1], code: '123456' });
      assert.equal(notYet.json().error.code, 'CHECK_IN_CLOSED');
      const rejectedOne = await checkIn('D', { sessionId: sessions[0], code });
      assert.equal(rejectedOne.json().error.code, 'TRAINING_APPLICATION_STATE');
      assert.deepEqual([await count(trainingAttendance), await count(auditLog)], before, 'refusals write nothing');

      const ok = await checkIn('A', { sessionId: sessions[0], code: checkInCode(row!.checkInSecret, row!.id, stepOf(new Date())) });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(ok.json(), { sessionId: sessions[0], status: 'present', alreadyCheckedIn: false });
      const previous = await checkIn('E', { sessionId: sessions[0], code: checkInCode(row!.checkInSecret, row!.id, stepOf(new Date()) - 1) });
      assert.equal(previous.statusCode, 200, 'the previous 30-second code still works');
      const twice = await checkIn('A', { sessionId: sessions[0], code: checkInCode(row!.checkInSecret, row!.id, stepOf(new Date())) });
      assert.equal(twice.json().alreadyCheckedIn, true);
      const status = (await call('GET', `/api/training/applications/${tokens.A}`, null)).json();
      assert.deepEqual(
        status.sessions.map((s: { attendance: string | null }) => s.attendance),
        ['present', null],
      );
    });

    it('staff mark attendance, absences with reasons; only selected trainees of the cohort', async () => {
      const mark = (sessionId: number, items: object[]) => call('PUT', `/api/training/sessions/${sessionId}/attendance`, officer, { items });
      const stranger = await mark(sessions[0]!, [{ applicationId: ids.D, status: 'present' }]);
      assert.equal(stranger.statusCode, 400);
      assert.equal(stranger.json().error.fields[0].field, 'items.0.applicationId');
      assert.equal((await mark(sessions[0]!, [{ applicationId: ids.C, status: 'present' }])).statusCode, 200);
      const res = await mark(sessions[1]!, [
        { applicationId: ids.A, status: 'present' },
        { applicationId: ids.E, status: 'present' },
        { applicationId: ids.C, status: 'absent', reason: '병가' },
      ]);
      assert.equal(res.statusCode, 200, res.body);
      const c = res.json().items.find((i: { applicationId: number }) => i.applicationId === ids.C);
      assert.deepEqual([c.status, c.method, c.reason], ['absent', 'staff', '병가']);
      const sheet = await call('GET', `/api/training/sessions/${sessions[0]}/attendance`, viewer);
      assert.deepEqual(
        sheet.json().items.map((i: { name: string; method: string }) => [i.name, i.method]),
        [
          ['홍길동', 'qr'],
          ['이철수', 'staff'],
          ['최준호', 'qr'],
        ],
      );
    });

    it('pre/post scores are recorded; the course evaluation opens once, on a fresh link, and is summed up per cohort', async () => {
      const scores = await call('PUT', `/api/training/cohorts/${cohortId}/scores`, officer, {
        items: [
          { applicationId: ids.A, pre: 45, post: 82 },
          { applicationId: ids.C, pre: 50, post: 90 },
          { applicationId: ids.E, pre: 55, post: 70 },
        ],
      });
      assert.equal(scores.statusCode, 200, scores.body);
      const byId = new Map(scores.json().items.map((a: { id: number }) => [a.id, a]));
      assert.deepEqual(
        [ids.A, ids.C, ids.E].map((id) => {
          const a = byId.get(id) as { attendancePct: number; meetsRule: boolean; postScore: number };
          return [a.attendancePct, a.postScore, a.meetsRule];
        }),
        [
          [100, 82, true],
          [50, 90, false],
          [100, 70, true],
        ],
      );
      const outOfRange = await call('PUT', `/api/training/cohorts/${cohortId}/scores`, officer, { items: [{ applicationId: ids.A, post: 101 }] });
      assert.equal(outOfRange.statusCode, 400);

      const early = await call('POST', `/api/training/applications/${tokens.A}/evaluation`, null, { overall: 5, content: 5, instructor: 5, jobRelevance: 4 });
      assert.equal(early.json().error.code, 'EVALUATION_NOT_OPEN');
      const send = await call('POST', `/api/training/cohorts/${cohortId}/evaluation`, manager);
      assert.equal(send.statusCode, 200, send.body);
      assert.equal(send.json().queued, 3);
      assert.equal((await call('POST', `/api/training/cohorts/${cohortId}/evaluation`, manager)).json().error.code, 'SURVEY_ALREADY_SENT');
      assert.equal((await call('GET', `/api/training/applications/${tokens.A}`, null)).statusCode, 404, 'the old link stops working');
      for (const key of ['A', 'C', 'E']) tokens[key] = await tokenOf(ids[key]!, 'training.evaluation');
      assert.equal((await call('GET', `/api/training/applications/${tokens.A}`, null)).json().evaluation, 'open');
      const answer = await call('POST', `/api/training/applications/${tokens.A}/evaluation`, null, {
        overall: 5,
        content: 4,
        instructor: 5,
        jobRelevance: 4,
        comment: '실무 중심이라 좋았습니다.',
      });
      assert.equal(answer.statusCode, 201, answer.body);
      const twice = await call('POST', `/api/training/applications/${tokens.A}/evaluation`, null, { overall: 1, content: 1, instructor: 1, jobRelevance: 1 });
      assert.equal(twice.json().error.code, 'EVALUATION_ALREADY_ANSWERED');
      assert.equal((await call('POST', `/api/training/applications/${tokens.C}/evaluation`, null, { overall: 3, content: 3, instructor: 4, jobRelevance: 2 })).statusCode, 201);
      const results = await call('GET', `/api/training/cohorts/${cohortId}/evaluation`, viewer);
      assert.deepEqual(results.json(), {
        cohortId,
        invited: 3,
        responses: 2,
        responseRate: 66.7,
        averages: { overall: 4, content: 3.5, instructor: 4.5, jobRelevance: 3 },
        distribution: [
          { rating: 1, count: 0 },
          { rating: 2, count: 0 },
          { rating: 3, count: 1 },
          { rating: 4, count: 0 },
          { rating: 5, count: 1 },
        ],
        comments: ['실무 중심이라 좋았습니다.'],
      });
    });

    it('certificates go to those who meet the rule, as a PDF with the name, course, code and QR code', async () => {
      const issue = await call('POST', `/api/training/cohorts/${cohortId}/certificates`, manager);
      assert.equal(issue.statusCode, 200, issue.body);
      assert.deepEqual(
        issue.json().issued.map((c: { applicationId: number }) => c.applicationId),
        [ids.A, ids.E],
      );
      assert.deepEqual(issue.json().notMeetingRule, [{ applicationId: ids.C, attendancePct: 50, score: 90 }]);
      const a = issue.json().issued[0];
      assert.match(a.code, /^JJFC-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
      assert.equal(a.holder, '홍*동');
      certificate = { id: a.id, code: a.code };
      const second = await call('POST', `/api/training/cohorts/${cohortId}/certificates`, manager);
      assert.deepEqual(second.json().issued, [], 'issued once');
      const [message] = await t.database.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.kind, 'training.certificate'), sql`${outbox.meta}->>'trainingApplicationId' = ${String(ids.A)}`));
      assert.ok(message!.body.includes(`http://finhub.test/certificates/${a.code}`));
      assert.match(message!.body, /1기를 수료하셨습니다/, 'the particle follows the last syllable');

      const pdf = await call('GET', `/api/training/certificates/${a.id}/pdf`, viewer);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      const buf = pdf.rawPayload;
      assert.equal(buf.subarray(0, 5).toString(), '%PDF-');
      const { text, pages } = await pdfText(buf);
      assert.equal(pages, 1);
      for (const s of [
        '홍길동',
        '연기금 운용 실무',
        'Pension fund management in practice',
        a.code,
        `${YEAR}년 1기`,
        'Certificate of Completion',
        `http://finhub.test/certificates/${a.code}`,
      ]) {
        assert.ok(text.includes(s), `pdf.js reads ${s} in ${text}`);
      }
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-cert-'));
      const file = path.join(dir, 'c.pdf');
      fs.writeFileSync(file, buf);
      const poppler = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      assert.match(poppler, /홍길동/);
      assert.ok(poppler.includes(a.code));
      const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
      assert.equal(images.split('\n').filter((l) => /^\s*\d+\s+\d+\s+image\s/.test(l)).length, 1, `one image (the QR code): ${images}`);
      // The QR code, extracted by poppler (PPM), encodes the verification link: every module's centre is dark exactly where the link's QR matrix is.
      execFileSync('pdfimages', [file, path.join(dir, 'img')]);
      const ppm = fs.readFileSync(path.join(dir, 'img-000.ppm'));
      const [, w, h, headerLength] = (() => {
        const m = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
        return [m[0], Number(m[1]), Number(m[2]), m[0].length];
      })();
      assert.equal(w, h);
      const mismatchesWith = (url: string) => {
        const qr = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules;
        const scale = w / (qr.size + 2);
        let n = 0;
        for (let r = 0; r < qr.size; r++) {
          for (let c = 0; c < qr.size; c++) {
            const dark = ppm[headerLength + (Math.floor((r + 1.5) * scale) * w + Math.floor((c + 1.5) * scale)) * 3]! < 128;
            if (dark !== Boolean(qr.get(r, c))) n++;
          }
        }
        return n;
      };
      assert.ok(mismatchesWith(`http://finhub.test/certificates/${a.code.slice(0, -1)}${a.code.endsWith('2') ? '3' : '2'}`) > 20, 'another link’s matrix differs');
      const mismatches = mismatchesWith(`http://finhub.test/certificates/${a.code}`);
      assert.equal(mismatches, 0, 'the PDF’s QR code is the verification link’s');
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
      assert.match(fonts, /PretendardGOV/);
      fs.rmSync(dir, { recursive: true, force: true });
      const own = await call('GET', `/api/training/applications/${tokens.A}/certificate.pdf`, null);
      assert.equal(own.statusCode, 200);
      assert.ok((await pdfText(own.rawPayload)).text.includes(a.code));
      assert.equal((await call('GET', `/api/training/applications/${tokens.C}/certificate.pdf`, null)).statusCode, 404);
    });

    it('anyone verifies a certificate by its code; any other code is 404', async () => {
      const res = await call('GET', `/api/certificates/${certificate.code}`, null);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), {
        valid: true,
        course: { ko: '연기금 운용 실무', en: 'Pension fund management in practice' },
        cohort: `${YEAR}년 1기`,
        completedOn: seoulDate(new Date(Date.now() + 2 * DAY)),
        holder: '홍*동',
      });
      for (const other of [certificate.code.toLowerCase(), `${certificate.code}X`, 'JJFC-2222-2222-2222', String(certificate.id), '%20']) {
        const miss = await call('GET', `/api/certificates/${other}`, null);
        assert.equal(miss.statusCode, 404, other);
        assert.ok(!miss.body.includes('홍'));
      }
    });

    it('job linkage: referral only for consenting graduates, interview, placement, six-month follow-up and figures', async () => {
      const employer = await call('POST', '/api/training/employers', manager, {
        name: { ko: '국민연금공단 기금운용본부', en: 'NPS Investment Management' },
        kind: 'innovation_city',
      });
      assert.equal(employer.statusCode, 201, employer.body);
      const posting = await call('POST', '/api/training/postings', officer, {
        employerId: employer.json().id,
        title: { ko: '기금운용 지원', en: 'Fund management assistant' },
        track: 'pension_fund',
        openings: 2,
        closesOn: seoulDate(new Date(Date.now() + 30 * DAY)),
      });
      assert.equal(posting.statusCode, 201, posting.body);
      const refer = (key: string) => call('POST', `/api/training/postings/${posting.json().id}/referrals`, officer, { applicationId: ids[key] });
      assert.equal((await refer('C')).json().error.code, 'NOT_A_GRADUATE');
      assert.equal((await refer('E')).json().error.code, 'REFERRAL_CONSENT_MISSING');
      const referral = await refer('A');
      assert.equal(referral.statusCode, 201, referral.body);
      assert.equal((await refer('A')).json().error.code, 'REFERRAL_EXISTS');
      const interview = await call('PATCH', `/api/training/referrals/${referral.json().id}`, officer, { status: 'interview', interviewAt: at(2 * DAY) });
      assert.equal(interview.json().status, 'interview');
      const started = seoulDate(new Date(Date.now() - 200 * DAY));
      const placement = await call('POST', '/api/training/placements', officer, {
        applicationId: ids.A,
        employerId: employer.json().id,
        referralId: referral.json().id,
        jobTitle: '기금운용 지원',
        startedOn: started,
      });
      assert.equal(placement.statusCode, 201, placement.body);
      assert.equal((await call('GET', `/api/training/postings/${posting.json().id}/referrals`, viewer)).json().items[0].status, 'hired');
      const due = placement.json().followUpDueOn;
      assert.ok(due > started && due <= today, due);
      const early = await call('POST', `/api/training/placements/${placement.json().id}/follow-up`, officer, { followUpOn: started, retained: true });
      assert.equal(early.json().error.code, 'FOLLOW_UP_TOO_EARLY');
      const follow = await call('POST', `/api/training/placements/${placement.json().id}/follow-up`, officer, { followUpOn: today, retained: true, note: '정규직 전환' });
      assert.equal(follow.statusCode, 200, follow.body);
      assert.equal(follow.json().retained, true);
      const again = await call('POST', '/api/training/placements', officer, { applicationId: ids.A, employerId: employer.json().id, jobTitle: 'x', startedOn: today });
      assert.equal(again.json().error.code, 'PLACEMENT_EXISTS');

      const figures = await call('GET', '/api/training/figures', viewer);
      assert.equal(figures.statusCode, 200, figures.body);
      const c = figures.json().byCohort[0];
      assert.deepEqual([c.selected, c.completed, c.completionRate, c.placed, c.placementRate, c.followedUp, c.retained, c.retentionRate], [3, 2, 66.7, 1, 50, 1, 1, 100]);
      assert.deepEqual(
        figures.json().byTrack.map((r: { track: string }) => r.track),
        ['pension_fund'],
      );
      assert.deepEqual(
        figures.json().byYear.map((r: { year: number }) => r.year),
        [YEAR],
      );
      const measures = await call('GET', '/api/measures', viewer);
      const keys = measures.json().items.map((m: { key: string }) => m.key);
      assert.ok(keys.includes('training.completions') && keys.includes('training.placements'), keys.join());
    });

    it('a revoked certificate verifies as not valid, has no PDF and leaves the figures', async () => {
      const revoke = await call('POST', `/api/training/certificates/${certificate.id}/revoke`, manager, { reason: '출석 기록 오류 확인' });
      assert.equal(revoke.statusCode, 200, revoke.body);
      assert.equal(revoke.json().revokedReason, '출석 기록 오류 확인');
      assert.equal((await call('POST', `/api/training/certificates/${certificate.id}/revoke`, manager, { reason: 'again' })).json().error.code, 'CERTIFICATE_REVOKED');
      const res = await call('GET', `/api/certificates/${certificate.code}`, null);
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().valid, false);
      assert.equal((await call('GET', `/api/training/certificates/${certificate.id}/pdf`, viewer)).json().error.code, 'CERTIFICATE_REVOKED');
      const figures = (await call('GET', '/api/training/figures', viewer)).json();
      assert.equal(figures.total.completed, 1);
      const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'training.certificate.revoke'));
      assert.equal(audit.length, 1);
    });

    it('the retention purge anonymises trainees and blanks their messages; certificates stay verifiable by the masked name', async () => {
      const early = await purgePersonalData(t.database.db, new Date(Date.now() + 365 * DAY));
      assert.equal(early.trainingApplications, 0);
      const late = await purgePersonalData(t.database.db, new Date(Date.now() + 4 * 365 * DAY));
      assert.equal(late.trainingApplications, 5);
      const rows = await t.database.db.select().from(trainingApplications);
      for (const r of rows) {
        assert.deepEqual([r.name, r.phone, r.email, r.statement, r.documents], ['(삭제됨)', null, null, null, []]);
        assert.ok(r.anonymizedAt);
      }
      const left = await t.database.db.select().from(outbox).where(sql`${outbox.meta} ? 'trainingApplicationId' and ${outbox.recipient} <> ''`);
      assert.deepEqual(left, []);
      const res = await call('GET', `/api/certificates/${certificate.code}`, null);
      assert.equal(res.json().holder, '홍*동');
      const list = await call('GET', `/api/training/cohorts/${cohortId}/applications`, manager);
      assert.ok(!list.body.includes('홍길동') && !list.body.includes('연기금 분야에서 일하고'));
    });
  });
}
