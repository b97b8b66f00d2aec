/**
 * The real `finhub serve` process sends what it queues: a school's receipt by SMTP when
 * SMTP_URL is set, by files in FINHUB_DATA_DIR/outbox when nothing is configured, and SMS to
 * files either way. The server runs on PostgreSQL so the test can open the survey beside it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { schoolSurveys } from '../../src/modules/education/schema.ts';
import { quarterOf } from '../../src/modules/plan/seoul-time.ts';
import { createPostgresDatabase } from '../support/db.ts';
import { startServerProcess, type ServerProcess } from '../support/server.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';

const DAY = 86_400_000;
const YEAR = quarterOf(new Date()).year;

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const application = (schoolName: string, teacherEmail?: string) => ({
  schoolName,
  level: 'middle',
  teacherName: '정교사',
  teacherPhone: '010-8888-9999',
  ...(teacherEmail ? { teacherEmail } : {}),
  grade: '2학년',
  students: 40,
  preferredDates: [`${YEAR}-09-01`],
  topics: '신용 관리',
  consent: true,
});

describe('finhub serve delivers the outbox', () => {
  let url: string;
  let drop: () => Promise<void>;
  let database: Database;
  let smtp: TestSmtp;
  const dirs: string[] = [];
  let server: ServerProcess | undefined;

  before(async () => {
    ({ url, drop } = await createPostgresDatabase());
    database = await openDatabase({ databaseUrl: url, dataDir: '', command: 'test' });
    await database.migrate();
    await database.db.insert(schoolSurveys).values({ year: YEAR, opensAt: new Date(Date.now() - DAY), closesAt: new Date(Date.now() + DAY), targetSchools: 3 });
    smtp = await startSmtp();
  });
  after(async () => {
    await server?.stop();
    await smtp.close();
    await database.close();
    await drop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  const post = (s: ServerProcess, body: unknown) =>
    fetch(`${s.url}/api/school/applications`, { method: 'POST', headers: { 'content-type': 'application/json', origin: s.url }, body: JSON.stringify(body) });

  it('with SMTP_URL: e-mail through the SMTP server, SMS as files', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-serve-smtp-'));
    dirs.push(dataDir);
    server = await startServerProcess({
      DATABASE_URL: url,
      FINHUB_DATA_DIR: dataDir,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'finhub <no-reply@jeonju.test>',
      FINHUB_PUBLIC_URL: 'https://finhub.jeonju.test',
    });
    const res = await post(server, application('전주 중앙중학교', 'jung@jungang.test'));
    assert.equal(res.status, 201, await res.clone().text());
    assert.equal(((await res.json()) as { status: string }).status, 'received', 'the answer carries no link');
    const mail = await until('the e-mail', () => smtp.received.find((m) => m.subject?.includes('전주 중앙중학교')));
    assert.equal(mail.subject, '[찾아가는 금융학교] 전주 중앙중학교 신청이 접수되었습니다');
    assert.match(mail.text ?? '', /https:\/\/finhub\.jeonju\.test\/school\/applications\/[A-Za-z0-9_-]{43}\s/, 'the mail carries the link with its token');
    assert.equal(mail.from?.value[0]?.address, 'no-reply@jeonju.test');
    const sms = await post(server, application('전주 북중학교'));
    assert.equal(sms.status, 201);
    const txt = await until('the SMS file', () => {
      const dir = path.join(dataDir, 'outbox');
      return fs.existsSync(dir) ? fs.readdirSync(dir).find((f) => f.endsWith('-school.received.txt')) : undefined;
    });
    assert.match(fs.readFileSync(path.join(dataDir, 'outbox', txt), 'utf8'), /^To: 01088889999[\s\S]*전주 북중학교/);
    await server.stop();
    server = undefined;
  });

  it('with nothing configured: e-mail is written to FINHUB_DATA_DIR/outbox as .eml', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-serve-files-'));
    dirs.push(dataDir);
    server = await startServerProcess({ DATABASE_URL: url, FINHUB_DATA_DIR: dataDir });
    const res = await post(server, application('전주 남중학교', 'nam@nam.test'));
    assert.equal(res.status, 201);
    const eml = await until('the .eml file', () => {
      const dir = path.join(dataDir, 'outbox');
      return fs.existsSync(dir) ? fs.readdirSync(dir).find((f) => f.endsWith('.eml')) : undefined;
    });
    const mail = await simpleParser(fs.readFileSync(path.join(dataDir, 'outbox', eml)));
    assert.equal(mail.subject, '[찾아가는 금융학교] 전주 남중학교 신청이 접수되었습니다');
    assert.deepEqual(
      [mail.to].flat().flatMap((a) => a!.value.map((v) => v.address)),
      ['nam@nam.test'],
    );
  });
});
