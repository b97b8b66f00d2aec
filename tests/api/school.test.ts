/** The visiting financial school (찾아가는 금융학교): survey, public applications, decisions, classes, figures. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../src/modules/audit/schema.ts';
import { schoolApplications } from '../../src/modules/education/schema.ts';
import { EmailChannel, FileSmsSender, SmsChannel } from '../../src/modules/notifications/channels/index.ts';
import { outbox } from '../../src/modules/notifications/schema.ts';
import { drainOutbox } from '../../src/modules/notifications/worker.ts';
import { getMeasure } from '../../src/modules/plan/measures.ts';
import { quarterOf, quarterRange, periodRange } from '../../src/modules/plan/seoul-time.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import { startSmtp } from '../support/smtp.ts';
import { RECEIVED } from '../../src/server/api-schema.ts';
import { renderBody } from '../../src/modules/notifications/service.ts';

const YEAR = quarterOf(new Date()).year;
const DAY = 86_400_000;

const application = (over: Record<string, unknown> = {}) => ({
  schoolName: '전주 완산초등학교',
  level: 'elementary',
  teacherName: '김교사',
  teacherPhone: '010-1234-5678',
  teacherEmail: 'teacher@wansan.test',
  grade: '5학년',
  students: 52,
  preferredDates: [`${YEAR}-05-20`, `${YEAR}-05-27`],
  topics: '용돈 관리, 저축과 투자',
  consent: true,
  ...over,
});

for (const kind of DB_KINDS) {
  describe(`visiting financial school (${kind})`, () => {
    let t: TestApp;
    let manager: Session;
    let officer: Session;
    let viewer: Session;
    let surveyId: number;
    const tokens: Record<string, string> = {};
    const ids: Record<string, number> = {};

    const apply = (body: unknown) => t.app.inject({ method: 'POST', url: '/api/school/applications', headers: { origin: ORIGIN }, payload: body as object });
    /** The token of the status link in the school's "received" message (the answer itself is RECEIVED). */
    const tokenOf = async (schoolName: string) => {
      const [row] = await t.database.db
        .select({ token: outbox.linkToken })
        .from(outbox)
        .innerJoin(schoolApplications, sql`${schoolApplications.id}::text = ${outbox.meta}->>'applicationId'`)
        .where(and(eq(outbox.kind, 'school.received'), eq(schoolApplications.schoolName, schoolName)));
      assert.ok(row?.token, `the received message of ${schoolName} carries its token`);
      return row.token;
    };
    const counts = async () => {
      const [a] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(schoolApplications);
      const [o] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(outbox);
      return { applications: a!.n, outbox: o!.n };
    };

    before(async () => {
      t = await openTestApp(kind);
      manager = await staffSession(t, 'manager');
      officer = await staffSession(t, 'officer');
      viewer = await staffSession(t, 'viewer');
    });
    after(() => t.close());

    it('refuses applications while no survey is open (409), and has no current survey (404)', async () => {
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/school/surveys/current' })).statusCode, 404);
      const res = await apply(application());
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().error.code, 'APPLICATIONS_CLOSED');
      assert.match(res.json().error.message.ko, /신청 기간이 아닙니다/);
      assert.deepEqual(await counts(), { applications: 0, outbox: 0 });
    });

    it('a manager opens the year’s demand survey with its target', async () => {
      const body = { year: YEAR, opensAt: new Date(Date.now() - DAY).toISOString(), closesAt: new Date(Date.now() + 30 * DAY).toISOString(), targetSchools: 2 };
      const res = await t.app.inject({ method: 'POST', url: '/api/school/surveys', headers: manager.headers, payload: body });
      assert.equal(res.statusCode, 201, res.body);
      surveyId = res.json().id;
      assert.equal(res.json().open, true);
      const again = await t.app.inject({ method: 'POST', url: '/api/school/surveys', headers: manager.headers, payload: body });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'SCHOOL_SURVEY_EXISTS');
      const backwards = await t.app.inject({
        method: 'POST',
        url: '/api/school/surveys',
        headers: manager.headers,
        payload: { ...body, year: YEAR + 1, closesAt: body.opensAt, opensAt: body.closesAt },
      });
      assert.equal(backwards.statusCode, 400);
      assert.equal(backwards.json().error.fields[0].field, 'closesAt');
      const current = await t.app.inject({ method: 'GET', url: '/api/school/surveys/current' });
      assert.equal(current.statusCode, 200);
      assert.deepEqual({ id: current.json().id, year: current.json().year, open: current.json().open }, { id: surveyId, year: YEAR, open: true });
      const list = await t.app.inject({ method: 'GET', url: '/api/school/surveys', headers: viewer.headers });
      assert.equal(list.json().items.length, 1);
    });

    it('schools apply with the public form and get a status link', async () => {
      const a = await apply(application());
      assert.equal(a.statusCode, 201, a.body);
      assert.deepEqual(a.json(), RECEIVED, 'no status, id or link in the answer');
      tokens.a = await tokenOf(application().schoolName as string);
      const b = await apply(
        application({
          schoolName: '전주 효자중학교',
          level: 'middle',
          teacherName: '이교사',
          teacherPhone: '+82 10 2222 3333',
          teacherEmail: undefined,
          preferredDates: [`${YEAR}-06-10`],
        }),
      );
      assert.equal(b.statusCode, 201, b.body);
      tokens.b = await tokenOf('전주 효자중학교');
      const c = await apply(application({ schoolName: '전주 덕진고등학교', level: 'high', teacherName: '박교사', teacherPhone: '01044445555', teacherEmail: 'park@deokjin.test' }));
      assert.equal(c.statusCode, 201, c.body);
      tokens.c = await tokenOf('전주 덕진고등학교');
      const rows = await t.database.db.select().from(schoolApplications).orderBy(schoolApplications.id);
      ids.a = rows[0]!.id;
      ids.b = rows[1]!.id;
      ids.c = rows[2]!.id;
      assert.equal(rows[1]!.teacherPhone, '01022223333', 'the phone is stored normalised');
      const notice = await t.app.inject({ method: 'GET', url: '/api/privacy/consent?purpose=school' });
      assert.equal(notice.statusCode, 200);
      assert.equal(rows[0]!.consentVersion, notice.json().version, 'the application records the notice it agreed to');
      assert.ok(rows[0]!.consentAt);
      assert.notEqual(rows[0]!.tokenHash, tokens.a, 'only the hash of the token is kept');
      // each school is told its application was received: e-mail when given, else SMS
      const received = await t.database.db.select().from(outbox).where(eq(outbox.kind, 'school.received')).orderBy(outbox.id);
      assert.deepEqual(
        received.map((m) => [m.channel, m.recipient, (m.meta as { applicationId: number }).applicationId]),
        [
          ['email', 'teacher@wansan.test', ids.a],
          ['sms', '01022223333', ids.b],
          ['email', 'park@deokjin.test', ids.c],
        ],
      );
      const statusUrl = `http://finhub.test/school/applications/${tokens.a}`;
      assert.ok(!received[0]!.body.includes(tokens.a!) && received[0]!.body.includes('/school/applications/{{token}}'), 'the stored body holds the link without its token');
      assert.ok(renderBody(received[0]!.body, received[0]!.linkToken).includes(statusUrl), 'the message carries the status link when sent');
    });

    it("the same school twice in a year → the same answer, nothing stored; the school's contact and the second teacher are told", async () => {
      const before = await counts();
      const res = await apply(application({ teacherName: '최교사', teacherPhone: '01099998888', teacherEmail: undefined }));
      assert.equal(res.statusCode, 201);
      assert.deepEqual(res.json(), RECEIVED);
      const after = await counts();
      assert.deepEqual({ ...after, outbox: before.outbox }, before, 'no application stored');
      const told = await t.database.db.select().from(outbox).where(sql`${outbox.kind} in ('school.duplicate_attempt', 'school.duplicate_application')`).orderBy(outbox.id);
      assert.deepEqual(
        told.map((m) => [m.kind, m.recipient, (m.meta as { applicationId: number }).applicationId]),
        [
          ['school.duplicate_attempt', 'teacher@wansan.test', ids.a],
          ['school.duplicate_application', '01099998888', ids.a],
        ],
      );
      assert.ok(
        told.every((m) => !m.linkToken),
        'no link to the existing application',
      );
    });

    it('bad input → 400 naming the fields, nothing written', async () => {
      const before = await counts();
      const cases: [Record<string, unknown>, string[]][] = [
        [{ schoolName: '가'.repeat(101) }, ['schoolName']],
        [{ preferredDates: [`${YEAR}-05-01`, `${YEAR}-05-02`, `${YEAR}-05-03`, `${YEAR}-05-04`] }, ['preferredDates']],
        [{ preferredDates: [] }, ['preferredDates']],
        [{ preferredDates: [`${YEAR}-02-30`] }, ['preferredDates.0']],
        [{ consent: undefined }, ['consent']],
        [{ consent: false }, ['consent']],
        [{ students: 0 }, ['students']],
        [{ students: 12.5 }, ['students']],
        [{ teacherPhone: '12345' }, ['teacherPhone']],
        [{ teacherPhone: '02-abc-defg-hij' }, ['teacherPhone']],
        [{ teacherEmail: 'not-an-email' }, ['teacherEmail']],
        [{ level: 'university' }, ['level']],
        [{ topics: 'x'.repeat(2001), schoolName: ' ' }, ['schoolName', 'topics']],
        [{ extra: 'field' }, []],
      ];
      for (const [over, fields] of cases) {
        const res = await apply(application({ schoolName: `학교 ${randomBytes(3).toString('hex')}`, ...over }));
        assert.equal(res.statusCode, 400, `${JSON.stringify(over).slice(0, 80)}: ${res.body}`);
        const named = (res.json().error.fields ?? []).map((f: { field: string }) => f.field);
        for (const f of fields) assert.ok(named.includes(f), `${JSON.stringify(over).slice(0, 80)} should name ${f}: ${named.join(', ')}`);
        assert.ok(res.json().error.message.ko && res.json().error.message.en);
      }
      assert.deepEqual(await counts(), before);
    });

    it('script-laden text is stored and returned verbatim (escaping is the page’s job)', async () => {
      const nasty = '<script>alert("x")</script> 학교 & <img src=x onerror=alert(1)>';
      const res = await apply(application({ schoolName: nasty, teacherPhone: '01077776666', topics: '"; drop table school_applications; --' }));
      assert.equal(res.statusCode, 201, res.body);
      const status = await t.app.inject({ method: 'GET', url: `/api/school/applications/${await tokenOf(nasty)}` });
      assert.equal(status.json().schoolName, nasty);
      const [row] = await t.database.db.select().from(schoolApplications).where(eq(schoolApplications.schoolName, nasty));
      assert.equal(row!.topics, '"; drop table school_applications; --');
      ids.nasty = row!.id;
    });

    it('the status link works; a guessed or random token is a 404', async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/school/applications/${tokens.a}` });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { status: 'submitted', schoolName: '전주 완산초등학교', year: YEAR, decisionReason: null, classes: [] });
      for (const guess of [randomBytes(32).toString('base64url'), tokens.a!.slice(0, -1) + (tokens.a!.endsWith('A') ? 'B' : 'A'), String(ids.a), 'x']) {
        const r = await t.app.inject({ method: 'GET', url: `/api/school/applications/${encodeURIComponent(guess)}` });
        assert.equal(r.statusCode, 404, guess);
        assert.equal(r.json().error.code, 'NOT_FOUND');
      }
    });

    it('staff review the applications with masked phones and e-mails', async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/school/surveys/${surveyId}/applications`, headers: viewer.headers });
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.equal(body.target, 2);
      assert.equal(body.selected, 0);
      assert.equal(body.items.length, 4);
      const a = body.items.find((i: { id: number }) => i.id === ids.a);
      assert.equal(a.teacherPhoneMasked, '010-****-5678');
      assert.equal(a.teacherEmailMasked, 't***@wansan.test');
      assert.deepEqual(a.preferredDates, [`${YEAR}-05-20`, `${YEAR}-05-27`]);
      assert.ok(!res.body.includes('01012345678') && !res.body.includes('teacher@wansan.test'), 'no raw contact in the staff list');
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/school/surveys/999999/applications', headers: viewer.headers })).statusCode, 404);
      // a manager may see the full contact; the look is audited
      const unmask = await t.app.inject({ method: 'POST', url: `/api/school/applications/${ids.a}/unmask`, headers: manager.headers, payload: {} });
      assert.equal(unmask.statusCode, 200, unmask.body);
      assert.deepEqual(unmask.json(), { teacherName: '김교사', teacherPhone: '01012345678', teacherEmail: 'teacher@wansan.test' });
      const looks = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'school.application.unmask'));
      assert.deepEqual(
        looks.map((l) => [l.entityId, l.actorId]),
        [[String(ids.a), manager.userId]],
      );
    });

    it('decisions with a reason up to the target; beyond it → 409; the school is told', async () => {
      const decide = (id: number, decision: string, reason: string, who = manager) =>
        t.app.inject({ method: 'POST', url: `/api/school/applications/${id}/decision`, headers: who.headers, payload: { decision, reason } });
      const noReason = await decide(ids.a!, 'selected', '');
      assert.equal(noReason.statusCode, 400);
      assert.equal(noReason.json().error.fields[0].field, 'reason');
      const a = await decide(ids.a!, 'selected', '수요조사 1순위, 학생 수 많음');
      assert.equal(a.statusCode, 200, a.body);
      assert.equal(a.json().status, 'selected');
      assert.equal((await decide(ids.b!, 'selected', '중학교 배정')).statusCode, 200);
      const c = await decide(ids.c!, 'selected', '추가 선정');
      assert.equal(c.statusCode, 409);
      assert.equal(c.json().error.code, 'SCHOOL_TARGET_REACHED');
      assert.match(c.json().error.message.ko, /목표\(2개교\)/);
      assert.equal((await decide(ids.c!, 'rejected', '목표 학교 수 초과')).statusCode, 200);
      // selecting the same school again is not a second place
      assert.equal((await decide(ids.a!, 'selected', '재확인')).statusCode, 200);
      assert.equal((await decide(999999, 'rejected', 'x')).statusCode, 404);

      const told = await t.database.db.select().from(outbox).where(sql`${outbox.kind} in ('school.selected', 'school.rejected')`).orderBy(outbox.id);
      const byApp = (id: number) => told.filter((m) => (m.meta as { applicationId: number }).applicationId === id);
      assert.equal(byApp(ids.a!)[0]!.channel, 'email');
      assert.equal(byApp(ids.a!)[0]!.recipient, 'teacher@wansan.test');
      assert.ok(byApp(ids.a!)[0]!.body.includes('수요조사 1순위'));
      assert.deepEqual([byApp(ids.b!)[0]!.channel, byApp(ids.b!)[0]!.recipient], ['sms', '01022223333']);
      assert.equal(byApp(ids.c!)[0]!.kind, 'school.rejected');
      assert.ok(byApp(ids.c!)[0]!.body.includes('목표 학교 수 초과'));

      const status = await t.app.inject({ method: 'GET', url: `/api/school/applications/${tokens.c}` });
      assert.deepEqual([status.json().status, status.json().decisionReason], ['rejected', '목표 학교 수 초과']);
      const audits = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'school.application.decide'), eq(auditLog.entityId, String(ids.c))));
      assert.equal(audits.length, 1);
      assert.equal(audits[0]!.actorId, manager.userId);
    });

    it('two managers selecting at once cannot pass the target', async () => {
      // the nasty one and c compete for no place left: both refused
      const [x, y] = await Promise.all(
        [ids.nasty!, ids.c!].map((id) =>
          t.app.inject({ method: 'POST', url: `/api/school/applications/${id}/decision`, headers: manager.headers, payload: { decision: 'selected', reason: '동시' } }),
        ),
      );
      assert.deepEqual([x!.statusCode, y!.statusCode], [409, 409]);
      const [{ n }] = (await t.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(schoolApplications)
        .where(sql`${schoolApplications.status} in ('selected', 'scheduled', 'completed')`)) as [{ n: number }];
      assert.equal(n, 2);
    });

    it('classes are scheduled for selected schools (the school is told) and their results recorded', async () => {
      const schedule = (id: number, body: unknown) =>
        t.app.inject({ method: 'POST', url: `/api/school/applications/${id}/classes`, headers: manager.headers, payload: body as object });
      assert.equal((await schedule(ids.c!, { heldOn: `${YEAR}-05-20`, lecturer: '금융감독원 강사', classes: 2 })).statusCode, 409);
      assert.equal((await schedule(ids.a!, { heldOn: `${YEAR}-02-30`, lecturer: '강사', classes: 2 })).statusCode, 400);
      assert.equal((await schedule(ids.a!, { heldOn: `${YEAR}-05-20`, lecturer: '강사', classes: 0 })).statusCode, 400);
      const res = await schedule(ids.a!, { heldOn: `${YEAR}-05-20`, lecturer: '금융감독원 강사', classes: 2 });
      assert.equal(res.statusCode, 201, res.body);
      const cls = res.json();
      assert.equal(cls.studentsReached, null);
      const msg = await t.database.db.select().from(outbox).where(eq(outbox.kind, 'school.class_scheduled'));
      assert.equal(msg.length, 1);
      assert.equal(msg[0]!.recipient, 'teacher@wansan.test');
      assert.ok(msg[0]!.body.includes(`${YEAR}년 5월 20일`) && msg[0]!.body.includes('금융감독원 강사'));
      const status = await t.app.inject({ method: 'GET', url: `/api/school/applications/${tokens.a}` });
      assert.equal(status.json().status, 'scheduled');
      assert.deepEqual(status.json().classes, [{ heldOn: `${YEAR}-05-20`, lecturer: '금융감독원 강사', classes: 2 }]);
      // a scheduled school's decision can no longer change
      const change = await t.app.inject({
        method: 'POST',
        url: `/api/school/applications/${ids.a}/decision`,
        headers: manager.headers,
        payload: { decision: 'rejected', reason: '변경' },
      });
      assert.equal(change.statusCode, 409);

      const record = (id: number, body: unknown, who = officer) =>
        t.app.inject({ method: 'PATCH', url: `/api/school/classes/${id}`, headers: who.headers, payload: body as object });
      assert.equal((await record(cls.id, { studentsReached: -1 })).statusCode, 400);
      assert.equal((await record(cls.id, { studentsReached: 10, evidenceUrl: 'javascript:alert(1)' })).statusCode, 400);
      assert.equal((await record(999999, { studentsReached: 10 })).statusCode, 404);
      const done = await record(cls.id, { studentsReached: 48, notes: '5학년 2개 반', evidenceUrl: 'https://www.jeonju.go.kr/news/1' });
      assert.equal(done.statusCode, 200, done.body);
      assert.equal(done.json().studentsReached, 48);
      assert.ok(done.json().recordedAt);
      const [app] = await t.database.db.select().from(schoolApplications).where(eq(schoolApplications.id, ids.a!));
      assert.equal(app!.status, 'completed');
      const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'school.class.record'));
      assert.equal(audits.length, 1);
      assert.deepEqual((audits[0]!.after as { studentsReached: number }).studentsReached, 48);
      // B is scheduled but not yet held: it does not count
      assert.equal((await schedule(ids.b!, { heldOn: `${YEAR}-12-10`, lecturer: '강사', classes: 1 })).statusCode, 201);
    });

    it('figures: schools and students reached per quarter and year against the target; the plan measure', async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/school/figures?year=${YEAR}`, headers: viewer.headers });
      assert.equal(res.statusCode, 200, res.body);
      const f = res.json();
      assert.equal(f.year, YEAR);
      assert.equal(f.target, 2);
      assert.deepEqual(
        f.byQuarter.map((q: { quarter: number; schools: number; students: number }) => [q.quarter, q.schools, q.students]),
        [
          [1, 0, 0],
          [2, 1, 48],
          [3, 0, 0],
          [4, 0, 0],
        ],
      );
      assert.deepEqual(f.total, { schools: 1, students: 48, classes: 2, target: 2, rate: 50 });
      const empty = await t.app.inject({ method: 'GET', url: `/api/school/figures?year=${YEAR - 5}`, headers: viewer.headers });
      assert.deepEqual(empty.json().total, { schools: 0, students: 0, classes: 0, target: null, rate: null });

      const m = getMeasure('education.schools_visited');
      assert.ok(m);
      assert.equal(m.unit, '개교');
      const ctx = (r: { from: Date; to: Date }) => ({ planId: 1, actionId: 1, ...r });
      assert.equal(await m.measure(t.database.db, ctx(periodRange(YEAR, 'FY'))), 1);
      assert.equal(await m.measure(t.database.db, ctx(quarterRange(YEAR, 2))), 1);
      assert.equal(await m.measure(t.database.db, ctx(quarterRange(YEAR, 3))), 0);
    });

    it('the outbox delivers the school’s messages: e-mail through SMTP, SMS through the sender', async () => {
      const smtp = await startSmtp();
      const email = new EmailChannel({ smtpUrl: smtp.url, from: 'finhub <no-reply@jeonju.test>' });
      try {
        const r = await drainOutbox(t.database.db, { email, sms: new SmsChannel(new FileSmsSender(t.dataDir)) });
        assert.equal(r.retrying + r.failed, 0);
        const selected = smtp.received.find((m) => m.subject === '[찾아가는 금융학교] 전주 완산초등학교 선정 안내');
        assert.ok(selected, smtp.received.map((m) => m.subject).join(' | '));
        assert.ok(selected.text?.includes('수요조사 1순위'));
      } finally {
        email.close();
        await smtp.close();
      }
    });

    it('two managers racing for the last place: exactly one is selected', async () => {
      // next year's survey, open now, with one place
      const body = { year: YEAR + 1, opensAt: new Date(Date.now() - DAY).toISOString(), closesAt: new Date(Date.now() + DAY).toISOString(), targetSchools: 1 };
      const survey = await t.app.inject({ method: 'POST', url: '/api/school/surveys', headers: manager.headers, payload: body });
      assert.equal(survey.statusCode, 201, survey.body);
      const other = await staffSession(t, 'manager');
      const racers: number[] = [];
      for (const name of ['경주 1학교', '경주 2학교']) {
        const res = await apply(application({ schoolName: name, teacherPhone: '01012121212' }));
        assert.equal(res.statusCode, 201, res.body);
        const [row] = await t.database.db.select().from(schoolApplications).where(eq(schoolApplications.schoolName, name));
        assert.equal(row!.surveyId, survey.json().id);
        racers.push(row!.id);
      }
      const results = await Promise.all(
        racers.map((id, i) =>
          t.app.inject({
            method: 'POST',
            url: `/api/school/applications/${id}/decision`,
            headers: (i ? other : manager).headers,
            payload: { decision: 'selected', reason: '경합' },
          }),
        ),
      );
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409]);
      const list = await t.app.inject({ method: 'GET', url: `/api/school/surveys/${survey.json().id}/applications`, headers: viewer.headers });
      assert.equal(list.json().selected, 1);
    });

    it('public applications are rate-limited per address when configured', async () => {
      const limited = await openTestApp(kind, { publicRateLimit: 2 });
      try {
        const codes = [];
        for (let i = 0; i < 3; i++) {
          const res = await limited.app.inject({ method: 'POST', url: '/api/school/applications', headers: { origin: ORIGIN }, payload: application() });
          codes.push(res.statusCode);
        }
        assert.deepEqual(codes, [409, 409, 429]);
      } finally {
        await limited.close();
      }
    });
  });
}
