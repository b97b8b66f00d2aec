/** Personal data past its retention is anonymised: registrations, school applications, their messages. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { simpleParser } from 'mailparser';
import { after, before, describe, it } from 'node:test';
import { eq, inArray } from 'drizzle-orm';
import { openDatabase } from '../../src/db/client.ts';
import { auditLog } from '../../src/modules/audit/schema.ts';
import { writeBackup } from '../../src/modules/backup/dump.ts';
import { schoolApplications } from '../../src/modules/education/schema.ts';
import { FileChannel } from '../../src/modules/notifications/channels/index.ts';
import { outbox } from '../../src/modules/notifications/schema.ts';
import { drainOutbox } from '../../src/modules/notifications/worker.ts';
import { quarterOf, seoulMidnight } from '../../src/modules/plan/seoul-time.ts';
import { ERASED_NAME, purgePersonalData } from '../../src/modules/privacy/purge.ts';
import { capacityPools, registrations } from '../../src/modules/registration/schema.ts';
import { settlementFeedback } from '../../src/modules/settlement/schema.ts';
import { trainingApplications, trainingCertificates, trainingCohorts, trainingEvaluations, trainingPlacements, trainingReferrals } from '../../src/modules/training/schema.ts';
import { seedTrainingExample } from '../../src/modules/training/seed.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { createPostgresDatabase, DB_KINDS } from '../support/db.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEAR = quarterOf(new Date()).year;

for (const kind of DB_KINDS) {
  describe(`personal data purge (${kind})`, () => {
    let t: TestApp;
    let manager: Session;
    let startsAt: Date;
    let endsAt: Date;
    let regToken: string;
    let appToken: string;

    before(async () => {
      t = await openTestApp(kind);
      manager = await staffSession(t, 'manager');
      startsAt = new Date(Date.now() + 2 * DAY);
      endsAt = new Date(startsAt.getTime() + 2 * HOUR);
      const session = await t.app.inject({
        method: 'POST',
        url: '/api/academy/sessions',
        headers: manager.headers,
        payload: {
          title: { ko: '금융아카데미 1강' },
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
          venue: '전주시청 강당',
          capacity: 10,
          registrationOpensAt: new Date(Date.now() - DAY).toISOString(),
          registrationClosesAt: new Date(startsAt.getTime() - HOUR).toISOString(),
        },
      });
      assert.equal(session.statusCode, 201, session.body);
      const reg = await t.app.inject({
        method: 'POST',
        url: `/api/academy/sessions/${session.json().id}/registrations`,
        headers: { origin: ORIGIN },
        payload: { name: '홍길동', phone: '010-1111-2222', email: 'hong@citizen.test', consent: true },
      });
      assert.equal(reg.statusCode, 201, reg.body);
      // The answer carries no link: the token is in the registrant's message, beside its body.
      const [confirmation] = await t.database.db.select().from(outbox).where(eq(outbox.kind, 'registration.confirmed'));
      regToken = confirmation!.linkToken!;

      const survey = await t.app.inject({
        method: 'POST',
        url: '/api/school/surveys',
        headers: manager.headers,
        payload: { year: YEAR, opensAt: new Date(Date.now() - DAY).toISOString(), closesAt: new Date(Date.now() + DAY).toISOString(), targetSchools: 3 },
      });
      assert.equal(survey.statusCode, 201, survey.body);
      const app = await t.app.inject({
        method: 'POST',
        url: '/api/school/applications',
        headers: { origin: ORIGIN },
        payload: {
          schoolName: '전주 서곡초등학교',
          level: 'elementary',
          teacherName: '최교사',
          teacherPhone: '010-3333-4444',
          grade: '6학년',
          students: 30,
          preferredDates: [`${YEAR}-12-01`],
          topics: '저축',
          consent: true,
        },
      });
      assert.equal(app.statusCode, 201, app.body);
      const [receipt] = await t.database.db.select().from(outbox).where(eq(outbox.kind, 'school.received'));
      appToken = receipt!.linkToken!;
      const stored = await t.database.db.select().from(outbox);
      assert.ok(stored.length >= 2 && stored.every((m) => !m.body.includes(regToken) && !m.body.includes(appToken)), 'no token in any stored body');
      // the registrant's confirmation has been sent; the school's receipt is still pending
      const [first] = await t.database.db.select().from(outbox).where(eq(outbox.channel, 'email')).orderBy(outbox.id);
      assert.ok(first);
      await drainOutbox(t.database.db, { email: new FileChannel(t.dataDir), sms: { name: 'down', send: async () => Promise.reject(new Error('SMS gateway down')) } });
      assert.equal((await t.database.db.select().from(outbox).where(eq(outbox.id, first.id)))[0]!.linkToken, null, 'the token is gone from the row once sent');
    });

    it('the delivered mail carries a working link; the database and a backup hold no live token', async () => {
      const files = fs.readdirSync(path.join(t.dataDir, 'outbox'));
      const eml = files.find((f) => f.endsWith('-registration.confirmed.eml'));
      assert.ok(eml, files.join(', '));
      const mail = await simpleParser(fs.readFileSync(path.join(t.dataDir, 'outbox', eml)));
      const link = /http:\/\/finhub\.test(\/registrations\/[A-Za-z0-9_-]{43})/.exec(mail.text ?? '');
      assert.ok(link, mail.text || 'no text');
      const status = await t.app.inject({ method: 'GET', url: `/api${link[1]}` });
      assert.equal(status.statusCode, 200, 'the link in the mail works');
      const backup = path.join(t.dataDir, 'backup.ndjson.gz');
      await writeBackup(t.database, t.dataDir, backup);
      const text = zlib.gunzipSync(fs.readFileSync(backup)).toString('utf8');
      assert.ok(text.includes('school.received'), 'the pending receipt is in the backup');
      assert.ok(!text.includes(appToken) && !text.includes(regToken), 'no token in the backup');
      fs.rmSync(backup);
    });
    after(() => t.close());

    it('keeps everything until the retention period has ended (from the session’s end, not its start)', async () => {
      // a year after the start but before a year after the end
      const r = await purgePersonalData(t.database.db, new Date(startsAt.getTime() + 365 * DAY + HOUR));
      assert.deepEqual(r, { registrations: 0, schoolApplications: 0, settlementFeedback: 0, trainingApplications: 0, outboxMessages: 0, outboxFiles: 0, dryRun: false });
      const [reg] = await t.database.db.select().from(registrations);
      assert.equal(reg!.name, '홍길동');
    });

    it('a dry run counts exactly and writes nothing', async () => {
      const late = new Date(endsAt.getTime() + 365 * DAY + HOUR);
      const before = await t.database.db.select().from(outbox).orderBy(outbox.id);
      const r = await purgePersonalData(t.database.db, late, { dryRun: true });
      assert.equal(r.dryRun, true);
      assert.equal(r.registrations, 1);
      assert.equal(r.schoolApplications, 0, 'the school year is kept three years after it ends');
      assert.ok(r.outboxMessages >= 1);
      const [reg] = await t.database.db.select().from(registrations);
      assert.equal(reg!.name, '홍길동');
      assert.deepEqual(await t.database.db.select().from(outbox).orderBy(outbox.id), before);
      assert.equal((await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'privacy.purge'))).length, 0);
    });

    it('anonymises registrations after their retention, blanks their messages and removes their files, audited as the system', async () => {
      const late = new Date(endsAt.getTime() + 365 * DAY + HOUR);
      const outboxFolder = path.join(t.dataDir, 'outbox');
      const sentFile = fs.readdirSync(outboxFolder).find((f) => f.endsWith('-registration.confirmed.eml'))!;
      assert.match(fs.readFileSync(path.join(outboxFolder, sentFile), 'utf8'), /hong@citizen\.test/);
      // a file another message left, not the registrant's: kept
      fs.writeFileSync(path.join(outboxFolder, '999999-other.txt'), 'To: 01000000000\n');
      const r = await purgePersonalData(t.database.db, late, { dataDir: t.dataDir });
      assert.equal(r.registrations, 1);
      assert.equal(r.outboxFiles, 1);
      assert.deepEqual(fs.readdirSync(outboxFolder), ['999999-other.txt'], "the registrant's message file is gone");
      fs.rmSync(path.join(outboxFolder, '999999-other.txt'));
      const [reg] = await t.database.db.select().from(registrations);
      assert.deepEqual([reg!.name, reg!.phone, reg!.email, reg!.anonymizedAt?.getTime()], [ERASED_NAME, null, null, late.getTime()]);
      assert.equal(reg!.status, 'confirmed', 'the row stays for the figures');
      const msgs = await t.database.db.select().from(outbox);
      const regMsgs = msgs.filter((m) => (m.meta as { registrationId?: number } | null)?.registrationId === reg!.id);
      assert.ok(regMsgs.length >= 1);
      for (const m of regMsgs) {
        assert.equal(m.recipient, '');
        assert.ok(!m.body.includes('홍길동'));
      }
      assert.ok(!JSON.stringify(msgs).includes('hong@citizen.test'), 'the e-mail address is nowhere in the outbox');
      // the school's message is untouched
      const schoolMsg = msgs.find((m) => (m.meta as { applicationId?: number } | null)?.applicationId !== undefined)!;
      assert.equal(schoolMsg.recipient, '01033334444');
      const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'privacy.purge'));
      assert.deepEqual(audits.map((a) => a.entity).sort(), ['outbox', 'outbox_file', 'registration']);
      assert.ok(audits.every((a) => a.actorEmail === 'system' && a.actorId === null));
      // the citizen's link no longer shows anything
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/registrations/${regToken}` })).statusCode, 404);
      // a second run has nothing left to do
      assert.deepEqual(await purgePersonalData(t.database.db, late), {
        registrations: 0,
        schoolApplications: 0,
        settlementFeedback: 0,
        trainingApplications: 0,
        outboxMessages: 0,
        outboxFiles: 0,
        dryRun: false,
      });
    });

    it('anonymises school applications three years after the survey year ends (Asia/Seoul); pending messages become failed', async () => {
      const yearEnd = seoulMidnight(YEAR + 1, 1).getTime();
      assert.equal((await purgePersonalData(t.database.db, new Date(yearEnd + 1095 * DAY - HOUR))).schoolApplications, 0);
      const r = await purgePersonalData(t.database.db, new Date(yearEnd + 1095 * DAY + HOUR));
      assert.equal(r.schoolApplications, 1);
      assert.equal(r.outboxMessages, 1);
      const [a] = await t.database.db.select().from(schoolApplications);
      assert.deepEqual([a!.teacherName, a!.teacherPhone, a!.teacherEmail], [ERASED_NAME, null, null]);
      assert.equal(a!.schoolName, '전주 서곡초등학교', 'the school is not personal data');
      assert.ok(a!.anonymizedAt);
      const [m] = await t.database.db
        .select()
        .from(outbox)
        .where(inArray(outbox.kind, ['school.received']));
      assert.deepEqual([m!.recipient, m!.status, m!.linkToken], ['', 'failed', null]);
      assert.match(m!.lastError ?? '', /purged/);
      // the staff list shows no contact at all, and the status link still answers (no personal data in it)
      const list = await t.app.inject({ method: 'GET', url: `/api/school/surveys/${a!.surveyId}/applications`, headers: manager.headers });
      const item = list.json().items[0];
      assert.deepEqual([item.teacherName, item.teacherPhoneMasked, item.teacherEmailMasked, item.anonymized], [ERASED_NAME, null, null, true]);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/school/applications/${appToken}` })).statusCode, 200);
      // a decision can no longer be made (nobody to tell)
      const d = await t.app.inject({
        method: 'POST',
        url: `/api/school/applications/${a!.id}/decision`,
        headers: manager.headers,
        payload: { decision: 'rejected', reason: '기간 경과' },
      });
      assert.equal(d.statusCode, 409);
    });
  });
}

for (const kind of DB_KINDS) {
  describe(`training applicants are purged retention_days after their cohort ends (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(kind);
    });
    after(() => t.close());

    it('anonymises the example cohort’s applicants at the end of the retention, blanks their messages and notes, keeps certificates verifiable and the figures', async () => {
      const { figures } = await seedTrainingExample(t.database.db, { publicUrl: 'http://finhub.test' });
      const [cohort] = await t.database.db.select().from(trainingCohorts);
      // Kept until the end of the retention counted from the day after the cohort's end (Asia/Seoul).
      const [y, m, d] = cohort!.endsOn.split('-').map(Number) as [number, number, number];
      const due = seoulMidnight(y, m, d + 1).getTime() + cohort!.retentionDays * 86_400_000;
      assert.equal((await purgePersonalData(t.database.db, new Date(due - 60_000))).trainingApplications, 0);
      const dry = await purgePersonalData(t.database.db, new Date(due + 60_000), { dryRun: true });
      assert.equal(dry.trainingApplications, 14);
      assert.equal((await t.database.db.select().from(trainingApplications).where(eq(trainingApplications.name, ERASED_NAME))).length, 0, 'a dry run writes nothing');
      const done = await purgePersonalData(t.database.db, new Date(due + 60_000));
      assert.equal(done.trainingApplications, 14);
      assert.ok(done.outboxMessages >= 14, `${done.outboxMessages} messages blanked`);
      for (const a of await t.database.db.select().from(trainingApplications)) {
        assert.deepEqual([a.name, a.phone, a.email, a.statement, a.documents], [ERASED_NAME, null, null, null, []]);
      }
      const messages = await t.database.db.select().from(outbox);
      assert.ok(messages.every((o) => o.recipient === '' && !o.body.includes('010') && o.linkToken === null));
      assert.deepEqual(
        (await t.database.db.select({ c: trainingEvaluations.comment }).from(trainingEvaluations)).filter((e) => e.c !== null),
        [],
      );
      assert.deepEqual(
        (await t.database.db.select({ n: trainingReferrals.note }).from(trainingReferrals)).filter((r) => r.n !== null),
        [],
      );
      assert.deepEqual(
        (await t.database.db.select({ n: trainingPlacements.followUpNote }).from(trainingPlacements)).filter((r) => r.n !== null),
        [],
      );
      const [certificate] = await t.database.db.select().from(trainingCertificates);
      const verified = await t.app.inject({ method: 'GET', url: `/api/certificates/${certificate!.code}` });
      assert.equal(verified.statusCode, 200);
      assert.match(verified.json().holder, /^\S\*+\S$/, 'the masked name stays');
      const manager = await staffSession(t, 'manager');
      assert.deepEqual((await t.app.inject({ method: 'GET', url: '/api/training/figures', headers: manager.headers })).json(), figures);
      const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entity, 'training_application'));
      assert.ok(audit.some((r) => r.action === 'privacy.purge'));
    });
  });

  describe(`settlement feedback contacts are purged a year after the answer (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(kind);
    });
    after(() => t.close());

    it('removes the contact and the photo (and its file), blanks the messages, keeps the text and the published board', async () => {
      const manager = await staffSession(t, 'manager');
      const dept = await t.app.inject({ method: 'POST', url: '/api/departments', headers: (await staffSession(t, 'admin')).headers, payload: { name: '정주여건과' } });
      const sent = await t.app.inject({
        method: 'POST',
        url: '/api/settlement/feedback',
        headers: { origin: ORIGIN },
        payload: {
          category: 'housing',
          text: '관사가 부족합니다.',
          anonymous: false,
          contact: { name: '박시민', phone: '010-4444-5555', email: 'park@citizen.test' },
          consent: true,
        },
      });
      assert.equal(sent.statusCode, 201, sent.body);
      const id = sent.json().id as number;
      const token = new URL(sent.json().trackingUrl).pathname.split('/').pop()!;
      const { multipart } = await import('../support/multipart.ts');
      const { samples } = await import('../support/files.ts');
      const photo = multipart([{ name: 'file', file: samples.png(), fileName: 'room.png', contentType: 'image/png' }]);
      const up = await t.app.inject({ method: 'POST', url: `/api/settlement/feedback/${token}/photo`, headers: { origin: ORIGIN, ...photo.headers }, payload: photo.payload });
      assert.equal(up.statusCode, 201, up.body);
      const anonymous = await t.app.inject({
        method: 'POST',
        url: '/api/settlement/feedback',
        headers: { origin: ORIGIN },
        payload: { category: 'other', text: '익명 의견', anonymous: true },
      });
      assert.equal(anonymous.statusCode, 201);
      await t.app.inject({ method: 'POST', url: `/api/manage/settlement/feedback/${id}/assign`, headers: manager.headers, payload: { departmentId: dept.json().id } });
      const answered = await t.app.inject({
        method: 'POST',
        url: `/api/manage/settlement/feedback/${id}/answer`,
        headers: manager.headers,
        payload: { text: '임대주택을 늘립니다.' },
      });
      assert.equal(answered.statusCode, 200, answered.body);
      await t.app.inject({ method: 'POST', url: `/api/manage/settlement/feedback/${id}/publication`, headers: manager.headers, payload: { published: true } });
      const [row] = await t.database.db.select().from(settlementFeedback).where(eq(settlementFeedback.id, id));
      const file = row!.photoSha256!;
      const stored = () => t.app.files.exists(file);
      assert.ok(await stored());

      const answeredAt = row!.answeredAt!.getTime();
      assert.equal((await purgePersonalData(t.database.db, new Date(answeredAt + 365 * DAY - HOUR), { dataDir: t.dataDir, files: t.app.files })).settlementFeedback, 0);
      const dry = await purgePersonalData(t.database.db, new Date(answeredAt + 365 * DAY + HOUR), { dryRun: true, dataDir: t.dataDir, files: t.app.files });
      assert.equal(dry.settlementFeedback, 1);
      assert.ok(await stored(), 'a dry run removes no file');
      const r = await purgePersonalData(t.database.db, new Date(answeredAt + 365 * DAY + HOUR), { dataDir: t.dataDir, files: t.app.files });
      assert.equal(r.settlementFeedback, 1, 'the anonymous item has nothing to remove');
      assert.ok(r.outboxMessages >= 2, 'the received and answered messages');
      const [after] = await t.database.db.select().from(settlementFeedback).where(eq(settlementFeedback.id, id));
      assert.deepEqual([after!.contactName, after!.contactPhone, after!.contactEmail, after!.photoSha256], [null, null, null, null]);
      assert.ok(after!.anonymizedAt);
      assert.equal(after!.text, '관사가 부족합니다.', 'the text stays (it is what the department answered)');
      assert.ok(!(await stored()), 'the photo file is gone');
      const msgs = (await t.database.db.select().from(outbox)).filter((m) => (m.meta as { feedbackId?: number } | null)?.feedbackId === id);
      assert.ok(msgs.length >= 2);
      for (const m of msgs) assert.deepEqual([m.recipient, m.linkToken], ['', null]);
      assert.ok(!JSON.stringify(await t.database.db.select().from(outbox)).includes('park@citizen.test'));
      const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'privacy.purge'));
      assert.ok(audits.some((a) => a.entity === 'settlement_feedback'));
      // the board still shows the published, redacted item; the writer's tracking page still answers
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/settlement/feedback' })).json().items.length, 1);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/settlement/feedback/${token}` })).statusCode, 200);
      assert.equal((await purgePersonalData(t.database.db, new Date(answeredAt + 400 * DAY))).settlementFeedback, 0, 'nothing left to do');
    });
  });
}

// It spawns the `finhub` command: the whole suite only (`npm run test:fast` sets FINHUB_TEST_NO_SPAWN).
describe('finhub purge-personal-data', { skip: process.env.FINHUB_TEST_NO_SPAWN ? 'spawns finhub: run by npm test' : false }, () => {
  let url: string;
  let drop: () => Promise<void>;
  before(async () => {
    ({ url, drop } = await createPostgresDatabase());
    const database = await openDatabase({ databaseUrl: url, dataDir: '', command: 'test' });
    await database.migrate();
    const long = new Date(Date.now() - 3 * 365 * DAY);
    const [pool] = await database.db
      .insert(capacityPools)
      .values({ ownerKind: 'test', capacity: 5, opensAt: new Date(long.getTime() - 2 * DAY), closesAt: new Date(long.getTime() - DAY), startsAt: long, retentionDays: 365 })
      .returning();
    await database.db
      .insert(registrations)
      .values({ poolId: pool!.id, status: 'confirmed', name: '김시민', phone: '01055556666', consentAt: long, consentVersion: 'test', tokenHash: 'x'.repeat(64) });
    await database.close();
  });
  after(() => drop());

  const finhub = (args: string[]) => {
    const { DATABASE_URL: _, ...env } = process.env;
    const r = spawnSync(process.execPath, ['bin/finhub.mjs', ...args], { env: { ...env, DATABASE_URL: url, LOG_LEVEL: 'silent' }, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('--dry-run prints the counts and writes nothing; without it, anonymises as the command-line user', async () => {
    const dry = finhub(['purge-personal-data', '--dry-run']);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /registrations: 1/);
    assert.match(dry.stdout, /nothing written/);
    const real = finhub(['purge-personal-data']);
    assert.equal(real.code, 0, real.stderr);
    assert.match(real.stdout, /anonymised/);
    assert.match(real.stdout, /registrations: 1/);
    const again = finhub(['purge-personal-data']);
    assert.match(again.stdout, /registrations: 0/);
    const database = await openDatabase({ databaseUrl: url, dataDir: '', command: 'test' });
    try {
      const [reg] = await database.db.select().from(registrations);
      assert.deepEqual([reg!.name, reg!.phone], [ERASED_NAME, null]);
      const audits = await database.db.select().from(auditLog).where(eq(auditLog.action, 'privacy.purge'));
      assert.equal(audits.length, 1);
      assert.match(audits[0]!.actorEmail ?? '', /^cli:/);
    } finally {
      await database.close();
    }
    assert.equal(finhub(['purge-personal-data', '--bogus']).code, 2);
  });
});
