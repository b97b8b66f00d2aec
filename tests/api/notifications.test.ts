/** The outbox worker over a real SMTP server on loopback, on PGlite and PostgreSQL. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import type { Database } from '../../src/db/client.ts';
import { createChannels, EmailChannel, FileChannel, FileSmsSender, SmsChannel, type Channels } from '../../src/modules/notifications/channels/index.ts';
import { outbox } from '../../src/modules/notifications/schema.ts';
import { enqueueNotification, LINK_TOKEN, renderBody } from '../../src/modules/notifications/service.ts';
import { backoffMs, drainOutbox, MAX_ATTEMPTS, startOutboxWorker } from '../../src/modules/notifications/worker.ts';
import { DB_KINDS, openTestDatabase } from '../support/db.ts';
import { closedPort, startSmtp, type TestSmtp } from '../support/smtp.ts';

const quiet = { info() {}, warn() {}, error() {} };
const korean = {
  subject: '[금융아카데미] 신청이 확정되었습니다',
  body: '홍길동님, 전주시 금융아카데미 신청이 확정되었습니다.\n일시: 2026년 12월 3일 오후 2시',
};

async function row(database: Database, id: number) {
  const [r] = await database.db.select().from(outbox).where(eq(outbox.id, id));
  return r!;
}

async function enqueue(database: Database, recipient: string, kind = 'test.mail', channel: 'email' | 'sms' = 'email') {
  await enqueueNotification(database.db, { channel, recipient, kind, ...korean });
  const rows = await database.db.select({ id: outbox.id }).from(outbox).orderBy(outbox.id);
  return rows.at(-1)!.id;
}

for (const kind of DB_KINDS) {
  describe(`outbox worker (${kind})`, () => {
    let database: Database;
    let smtp: TestSmtp;
    let dataDir: string;
    let channels: Channels;

    before(async () => {
      database = await openTestDatabase(kind);
      smtp = await startSmtp();
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-outbox-'));
      channels = { email: new EmailChannel({ smtpUrl: smtp.url, from: 'finhub <no-reply@jeonju.test>', timeoutMs: 5000 }), sms: new SmsChannel(new FileSmsSender(dataDir)) };
    });
    after(async () => {
      await channels.email.close?.();
      await smtp.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('sends a Korean e-mail through SMTP and marks it sent', async () => {
      smtp.received.length = 0;
      const id = await enqueue(database, 'teacher@school.test');
      const r = await drainOutbox(database.db, channels);
      assert.deepEqual(r, { sent: 1, retrying: 0, failed: 0 });
      assert.equal(smtp.received.length, 1);
      const mail = smtp.received[0]!;
      assert.equal(mail.subject, korean.subject);
      assert.equal(mail.text?.trim(), korean.body);
      assert.deepEqual(
        [mail.to].flat().flatMap((a) => a!.value.map((v) => v.address)),
        ['teacher@school.test'],
      );
      assert.equal(mail.headers.get('x-finhub-outbox-id'), String(id));
      const saved = await row(database, id);
      assert.equal(saved.status, 'sent');
      assert.equal(saved.attempts, 1);
      assert.ok(saved.sentAt);
      // a second pass sends nothing again
      assert.deepEqual(await drainOutbox(database.db, channels), { sent: 0, retrying: 0, failed: 0 });
      assert.equal(smtp.received.length, 1);
    });

    it('a refusing server leaves the row pending with a backoff; delivered exactly once when it accepts again', async () => {
      smtp.received.length = 0;
      smtp.refuse = true;
      const id = await enqueue(database, 'refused@school.test', 'test.refused');
      const t0 = new Date(Date.now() + 1000); // see 'a closed port' below: due at the database's now()
      const r1 = await drainOutbox(database.db, channels, { now: () => t0 });
      assert.deepEqual(r1, { sent: 0, retrying: 1, failed: 0 });
      let saved = await row(database, id);
      assert.equal(saved.status, 'pending');
      assert.equal(saved.attempts, 1);
      assert.equal(saved.nextAttemptAt.getTime(), t0.getTime() + backoffMs(1));
      assert.match(saved.lastError ?? '', /550|unavailable/i);
      // not due yet: nothing is tried
      assert.deepEqual(await drainOutbox(database.db, channels, { now: () => new Date(t0.getTime() + 1000) }), { sent: 0, retrying: 0, failed: 0 });
      // due again, still refused: the wait doubles
      const t1 = new Date(t0.getTime() + backoffMs(1));
      await drainOutbox(database.db, channels, { now: () => t1 });
      saved = await row(database, id);
      assert.equal(saved.attempts, 2);
      assert.equal(saved.nextAttemptAt.getTime(), t1.getTime() + backoffMs(2));
      assert.equal(smtp.received.length, 0);

      smtp.refuse = false;
      const t2 = new Date(t1.getTime() + backoffMs(2));
      assert.deepEqual(await drainOutbox(database.db, channels, { now: () => t2 }), { sent: 1, retrying: 0, failed: 0 });
      await drainOutbox(database.db, channels, { now: () => new Date(t2.getTime() + 10 * 3_600_000) });
      assert.equal(smtp.received.filter((m) => m.subject === korean.subject).length, 1);
      saved = await row(database, id);
      assert.equal(saved.status, 'sent');
      assert.equal(saved.attempts, 3);
      assert.equal(saved.lastError, null);
    });

    it('a closed port is a failure to retry, not a lost message', async () => {
      const port = await closedPort();
      const down: Channels = { ...channels, email: new EmailChannel({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'finhub <no-reply@jeonju.test>', timeoutMs: 2000 }) };
      const id = await enqueue(database, 'down@school.test', 'test.down');
      // A moment later: the row is due at the database's now(), which has microseconds (and on
      // PGlite its own clock), so "the same millisecond" may still be just before it.
      const t0 = new Date(Date.now() + 1000);
      assert.deepEqual(await drainOutbox(database.db, down, { now: () => t0 }), { sent: 0, retrying: 1, failed: 0 });
      const saved = await row(database, id);
      assert.equal(saved.status, 'pending');
      assert.ok(saved.nextAttemptAt > t0);
      assert.match(saved.lastError ?? '', /ECONNREFUSED|connect/i);
      // the server is there again
      smtp.received.length = 0;
      await drainOutbox(database.db, channels, { now: () => new Date(t0.getTime() + backoffMs(1)) });
      assert.equal(smtp.received.length, 1);
      assert.equal((await row(database, id)).status, 'sent');
    });

    it(`gives up after ${MAX_ATTEMPTS} attempts as 'failed', keeping the row; backoff is capped at an hour`, async () => {
      assert.equal(backoffMs(1), 30_000);
      assert.equal(backoffMs(3), 120_000);
      assert.equal(backoffMs(30), 3_600_000);
      const broken: Channels = {
        email: {
          name: 'broken',
          send: async () => {
            throw new Error('gateway down');
          },
        },
        sms: channels.sms,
      };
      const id = await enqueue(database, 'never@school.test', 'test.never');
      let t = Date.now() + 1000;
      for (let i = 1; i <= MAX_ATTEMPTS; i++) {
        const r = await drainOutbox(database.db, broken, { now: () => new Date(t) });
        assert.equal(r.retrying + r.failed, 1, `attempt ${i}`);
        t += backoffMs(i);
      }
      const saved = await row(database, id);
      assert.equal(saved.status, 'failed');
      assert.equal(saved.attempts, MAX_ATTEMPTS);
      assert.equal(saved.lastError, 'gateway down');
      assert.deepEqual(await drainOutbox(database.db, broken, { now: () => new Date(t + 86_400_000) }), { sent: 0, retrying: 0, failed: 0 });
    });

    it('two workers at once send each message once (FOR UPDATE SKIP LOCKED and the lease)', async () => {
      const sent: number[] = [];
      const slow: Channels = {
        email: {
          name: 'slow',
          send: async (m) => {
            await new Promise((r) => setTimeout(r, 5));
            sent.push(m.id);
          },
        },
        sms: channels.sms,
      };
      const ids: number[] = [];
      for (let i = 0; i < 12; i++) ids.push(await enqueue(database, `many${i}@school.test`, 'test.many'));
      const [a, b] = await Promise.all([drainOutbox(database.db, slow, { batch: 3 }), drainOutbox(database.db, slow, { batch: 3 })]);
      assert.equal(a.sent + b.sent, 12);
      assert.deepEqual(
        [...sent].sort((x, y) => x - y),
        ids,
      );
    });

    it('the running worker delivers what is queued, and stops cleanly', async () => {
      smtp.received.length = 0;
      const worker = startOutboxWorker({ db: database.db, channels, log: quiet, pollMs: 20 });
      const id = await enqueue(database, 'worker@school.test', 'test.worker');
      const deadline = Date.now() + 10_000;
      while ((await row(database, id)).status !== 'sent' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await worker.stop();
      assert.equal((await row(database, id)).status, 'sent');
      assert.equal(smtp.received.length, 1);
    });

    it('a link is stored as a template with its token beside it, rendered when sent, and the token dropped after', async () => {
      smtp.received.length = 0;
      const token = 'T'.repeat(43);
      await enqueueNotification(database.db, {
        channel: 'email',
        recipient: 'link@citizen.test',
        subject: '링크 / link',
        body: `확인·취소: http://finhub.test/registrations/${LINK_TOKEN}\nStatus: http://finhub.test/registrations/${LINK_TOKEN}?cancel=1`,
        kind: 'test.link',
        linkToken: token,
      });
      const [stored] = await database.db.select().from(outbox).where(eq(outbox.kind, 'test.link'));
      assert.ok(!stored!.body.includes(token), 'no token in the stored body');
      assert.equal(stored!.linkToken, token);
      assert.deepEqual(await drainOutbox(database.db, channels, { now: () => new Date(Date.now() + 1000) }), { sent: 1, retrying: 0, failed: 0 });
      const mail = smtp.received[0]!;
      assert.match(mail.text ?? '', new RegExp(`registrations/${token}\\n[\\s\\S]*registrations/${token}\\?cancel=1`), 'the mail carries the working links');
      const sent = await row(database, stored!.id);
      assert.equal(sent.status, 'sent');
      assert.equal(sent.linkToken, null, 'the token is gone from the row once sent');
      assert.equal(renderBody(sent.body, null), '확인·취소: (링크 만료 / link expired)\nStatus: (링크 만료 / link expired)');
    });

    it('migration 0012 takes the tokens out of bodies queued before link_token: kept beside a pending one, dropped from a sent one', async () => {
      const token = `${'a'.repeat(21)}_-${'B'.repeat(20)}`;
      const body = `신청 확인: http://x.test/registrations/${token}?cancel=1 / http://x.test/surveys/${token} / http://x.test/school/applications/${token}`;
      const [pending] = await database.db.insert(outbox).values({ channel: 'sms', recipient: '01000000000', subject: 's', body, kind: 'test.old', status: 'failed' }).returning();
      const [sent] = await database.db.insert(outbox).values({ channel: 'sms', recipient: '01000000001', subject: 's', body, kind: 'test.old', status: 'sent' }).returning();
      // (failed while inserted, so no drain takes it; pending for the migration)
      await database.db.update(outbox).set({ status: 'pending' }).where(eq(outbox.id, pending!.id));
      const migration = fs.readFileSync('src/db/migrations/0012_outbox_tokens_out_of_bodies.sql', 'utf8');
      await database.db.execute(sql.raw(migration));
      const template = 'http://x.test/registrations/{{token}}?cancel=1 / http://x.test/surveys/{{token}} / http://x.test/school/applications/{{token}}';
      const after = await database.db.select().from(outbox).where(eq(outbox.kind, 'test.old')).orderBy(outbox.id);
      assert.deepEqual(
        after.map((m) => [m.id, m.body, m.linkToken]),
        [
          [pending!.id, `신청 확인: ${template}`, token],
          [sent!.id, `신청 확인: ${template}`, null],
        ],
      );
      assert.equal(renderBody(after[0]!.body, after[0]!.linkToken), body, 'the pending one is sent as it was queued');
      await database.db.delete(outbox).where(eq(outbox.kind, 'test.old'));
    });

    it('with nothing configured, e-mail is written as .eml and SMS as .txt under dataDir/outbox', async () => {
      const files = createChannels({ smtpUrl: undefined, mailFrom: 'finhub <no-reply@jeonju.test>', dataDir });
      assert.ok(files.email instanceof FileChannel);
      // only the two new rows are due: everything else was sent or failed above
      const mailId = await enqueue(database, 'file@school.test', 'school.decision');
      const smsId = await enqueue(database, '01012345678', 'school.decision', 'sms');
      assert.deepEqual(await drainOutbox(database.db, files), { sent: 2, retrying: 0, failed: 0 });
      const eml = path.join(dataDir, 'outbox', `${mailId}-school.decision.eml`);
      const mail = await simpleParser(fs.readFileSync(eml));
      assert.equal(mail.subject, korean.subject);
      assert.equal(mail.text?.trim(), korean.body);
      const txt = fs.readFileSync(path.join(dataDir, 'outbox', `${smsId}-school.decision.txt`), 'utf8');
      assert.match(txt, /^To: 01012345678/);
      assert.ok(txt.includes(korean.subject) && txt.includes('홍길동님'));
      // Names, phones and links: private to the service user.
      assert.equal(fs.statSync(path.join(dataDir, 'outbox')).mode & 0o777, 0o700, 'outbox folder 0700');
      assert.equal(fs.statSync(eml).mode & 0o777, 0o600, '.eml 0600');
      assert.equal(fs.statSync(path.join(dataDir, 'outbox', `${smsId}-school.decision.txt`)).mode & 0o777, 0o600, '.txt 0600');
    });
  });
}
