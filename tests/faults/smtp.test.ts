/**
 * Fault: the mail server misbehaves — refuses (451, then 550), answers too slowly (longer than
 * SMTP_TIMEOUT_MS), is not listening at all — while citizens register. Registrations still answer
 * 201 at once (mail is only queued); the outbox rows are retried with a growing backoff; nothing
 * is marked sent that the server did not accept; once it is healthy every message arrives exactly
 * once. The real `finhub serve` on PostgreSQL, with the timings shortened by its settings. See docs/faults.md.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { backoffMs } from '../../src/modules/notifications/worker.ts';
import { createPostgresDatabase } from '../support/db.ts';
import { freePort, startServerProcess, type ServerProcess } from '../support/server.ts';
import { ApiSession, STAFF_PASSWORD } from '../support/staff.ts';
import { rows as queryRows } from '../../src/db/executor.ts';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(Date.now() + ms).toISOString();
const SMTP_TIMEOUT_MS = 700;
const BACKOFF_MS = 250;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Mode = 'ok' | '451' | '550' | 'slow';

/** An SMTP server on a fixed loopback port whose behaviour the test switches; `down()` stops listening. */
class FlakySmtp {
  mode: Mode = 'ok';
  /** Outbox ids of the messages accepted (recorded before the 250 goes out), with their Message-IDs. */
  accepted: { outboxId: number; messageId: string }[] = [];
  connections = 0;
  private server: SMTPServer | undefined;
  private constructor(readonly port: number) {}

  static async start(): Promise<FlakySmtp> {
    const s = new FlakySmtp(await freePort());
    await s.up();
    return s;
  }
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }
  async up(): Promise<void> {
    const refuse = (code: number) => Object.assign(new Error(code === 451 ? 'Try again later' : 'Mailbox unavailable'), { responseCode: code });
    this.server = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      // 'slow': the greeting and the reply to MAIL FROM come long after the client's timeout.
      onConnect: (_session, cb) => {
        this.connections++;
        if (this.mode === 'slow') setTimeout(() => cb(), SMTP_TIMEOUT_MS * 3);
        else cb();
      },
      onMailFrom: (_address, _session, cb) => {
        if (this.mode === 'slow') setTimeout(() => cb(), SMTP_TIMEOUT_MS * 3);
        else cb();
      },
      onRcptTo: (_address, _session, cb) => {
        if (this.mode === '451') return cb(refuse(451));
        if (this.mode === '550') return cb(refuse(550));
        cb();
      },
      onData: (stream, _session, cb) => {
        simpleParser(stream).then(
          (mail) => {
            this.accepted.push({ outboxId: Number(mail.headers.get('x-finhub-outbox-id')), messageId: String(mail.messageId) });
            cb();
          },
          (err: Error) => cb(err),
        );
      },
    });
    const srv = this.server;
    await new Promise<void>((resolve, reject) => {
      srv.once('error', reject);
      srv.listen(this.port, '127.0.0.1', () => resolve());
    });
  }
  /** Nothing listens on the port any more (connections are refused). */
  async down(): Promise<void> {
    const srv = this.server!;
    this.server = undefined;
    // Open (slow) sessions are cut rather than waited for.
    for (const c of (srv as unknown as { connections: Set<{ close(): void }> }).connections ?? []) c.close();
    await new Promise<void>((r) => srv.server.close(() => r()));
  }
  async close(): Promise<void> {
    if (this.server) await this.down();
  }
}

interface Row {
  id: number;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
}

describe('slow, refusing and absent SMTP server', () => {
  let pgdb: { url: string; drop: () => Promise<void> };
  let smtp: FlakySmtp;
  let dataDir: string;
  let server: ServerProcess | undefined;
  let database: Database;

  before(async () => {
    pgdb = await createPostgresDatabase();
    smtp = await FlakySmtp.start();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-fault-smtp-'));
    const added = spawnSync(process.execPath, ['bin/finhub.mjs', 'user', 'add', '--email', 'admin@jeonju.test', '--role', 'admin', '--name', '관리자'], {
      env: { ...process.env, DATABASE_URL: pgdb.url, LOG_LEVEL: 'warn' },
      input: `${STAFF_PASSWORD}\n`,
      encoding: 'utf8',
    });
    assert.equal(added.status, 0, added.stderr);
    database = await openDatabase({ databaseUrl: pgdb.url, dataDir: '', command: 'test' });
  });
  after(async () => {
    if (server && server.child.exitCode !== null) console.error(`finhub serve exited (${server.child.exitCode}):\n${server.output().slice(-4000)}`);
    if (server && server.child.exitCode === null) await server.stop();
    await smtp?.close();
    await database?.close();
    await pgdb?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('queues at once, retries with backoff, marks sent only what was accepted, then delivers each message once', async () => {
    server = await startServerProcess({
      DATABASE_URL: pgdb.url,
      FINHUB_DATA_DIR: dataDir,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'finhub <no-reply@jeonju.test>',
      FINHUB_PUBLIC_RATE_LIMIT: '0',
      FINHUB_LOGIN_RATE_LIMIT: '0',
      SMTP_TIMEOUT_MS: String(SMTP_TIMEOUT_MS),
      FINHUB_OUTBOX_BACKOFF_MS: String(BACKOFF_MS),
      FINHUB_OUTBOX_POLL_MS: '100',
    });
    const base = server.url;
    const admin = await ApiSession.signIn(base, 'admin@jeonju.test');
    const session = await admin.call<{ id: number }>('POST', '/api/academy/sessions', {
      title: { ko: '메일 장애 시험', en: 'Mail fault test' },
      venue: '전주시청',
      capacity: 5,
      startsAt: iso(72 * HOUR),
      endsAt: iso(74 * HOUR),
      registrationOpensAt: iso(-HOUR),
      registrationClosesAt: iso(48 * HOUR),
    });

    // Watch the outbox: every row marked sent must already be accepted by the SMTP server, and
    // each row's attempts are recorded with the time they were first seen.
    const history = new Map<number, { attempts: number; seenAt: number; nextAttemptAt: number; lastError: string | null }[]>();
    const violations: string[] = [];
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const rows = await queryRows<Row>(database.db, sql`select id, status, attempts, next_attempt_at, last_error from outbox order by id`);
        const accepted = new Set(smtp.accepted.map((a) => a.outboxId));
        const now = Date.now();
        for (const r of rows) {
          if (r.status === 'sent' && !accepted.has(r.id)) violations.push(`row ${r.id} marked sent but never accepted`);
          const h = history.get(r.id) ?? [];
          if (h.at(-1)?.attempts !== r.attempts || h.at(-1)?.lastError !== r.last_error) {
            h.push({ attempts: r.attempts, seenAt: now, nextAttemptAt: new Date(r.next_attempt_at).getTime(), lastError: r.last_error });
          }
          history.set(r.id, h);
        }
        await sleep(40);
      }
    })();

    let n = 0;
    const registerSome = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const start = Date.now();
        const k = n++;
        const res = await fetch(`${base}/api/academy/sessions/${session.id}/registrations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: base },
          body: JSON.stringify({
            name: `시민${k}`,
            phone: `010-6${String(k).padStart(3, '0')}-${String(5000 + k)}`,
            email: `mail${k}@example.test`,
            consent: true,
            waitlist: true,
          }),
        });
        const ms = Date.now() - start;
        assert.equal(res.status, 201, await res.text());
        assert.ok(ms < 2000, `a registration answered in ${ms} ms while mail is ${smtp.mode}`);
      }
    };

    const errorsByPhase: Record<string, string[]> = {};
    const phase = async (name: string, act: () => Promise<void>, ms: number) => {
      await act();
      await registerSome(3);
      await sleep(ms);
      const rows = await queryRows<{ last_error: string }>(database.db, sql`select last_error from outbox where last_error is not null`);
      errorsByPhase[name] = [...new Set(rows.map((r) => r.last_error))];
      assert.deepEqual(smtp.accepted, [], `nothing accepted while the server is ${name}`);
    };

    try {
      await phase(
        'refusing with 451',
        async () => {
          smtp.mode = '451';
        },
        2500,
      );
      await phase(
        'refusing with 550',
        async () => {
          smtp.mode = '550';
        },
        2500,
      );
      await phase(
        'slow',
        async () => {
          smtp.mode = 'slow';
        },
        3500,
      );
      await phase('not listening', () => smtp.down(), 3000);

      const [{ sent }] = (await queryRows<{ sent: number }>(database.db, sql`select count(*)::int as sent from outbox where status <> 'pending'`)) as [{ sent: number }];
      assert.equal(sent, 0, 'nothing marked sent (or given up) while no server accepted anything');

      // Healthy again, on the same address.
      smtp.mode = 'ok';
      const healthyAt = Date.now();
      await smtp.up();
      await registerSome(2);
      const deadline = Date.now() + 30_000;
      for (;;) {
        const [c] = await queryRows<{ pending: number; failed: number }>(
          database.db,
          sql`select count(*) filter (where status = 'pending')::int as pending, count(*) filter (where status = 'failed')::int as failed from outbox`,
        );
        assert.equal(c!.failed, 0, 'no message given up on');
        if (c!.pending === 0) break;
        if (Date.now() > deadline) {
          const left = await queryRows<Row>(database.db, sql`select id, status, attempts, next_attempt_at, last_error from outbox where status = 'pending'`);
          assert.fail(
            `not sent within 60 s of the server being healthy: ${JSON.stringify(left)}; accepted ${smtp.accepted.length}, connections ${smtp.connections}\n${server.output().slice(-3000)}`,
          );
        }
        await sleep(100);
      }
      const deliveredMs = Date.now() - healthyAt;
      await sleep(300);
      watching = false;
      await watcher;

      assert.deepEqual(violations, [], 'nothing marked sent that was not accepted');
      // The errors the worker recorded show each fault and its timeout.
      assert.ok(
        errorsByPhase['refusing with 451']!.some((e) => /451|Try again later|rejected/i.test(e)),
        JSON.stringify(errorsByPhase),
      );
      assert.ok(
        errorsByPhase['refusing with 550']!.some((e) => /550|Mailbox unavailable|rejected/i.test(e)),
        JSON.stringify(errorsByPhase),
      );
      assert.ok(
        errorsByPhase.slow!.some((e) => /Greeting never received|timeout/i.test(e)),
        JSON.stringify(errorsByPhase),
      );
      assert.ok(
        errorsByPhase['not listening']!.some((e) => /ECONNREFUSED|connect/i.test(e)),
        JSON.stringify(errorsByPhase),
      );

      // Backoff: after the k-th failure the row is not tried again for backoffMs(k); the first
      // row's attempts are spaced at least that far apart, and growing.
      // Each attempt as first seen (claimed: attempts + 1), for the first message.
      const first = history.get(Math.min(...history.keys()))!;
      const failures = first.filter((h, i) => h.attempts >= 1 && first.findIndex((x) => x.attempts === h.attempts) === i);
      assert.ok(failures.length >= 4, `the first message was tried ${failures.length} times while the server was failing`);
      assert.ok(failures.length <= 10, `the first message was tried only ${failures.length} times (backoff, not a loop)`);
      const gaps: number[] = [];
      for (let i = 1; i < failures.length; i++) {
        const gap = failures[i]!.seenAt - failures[i - 1]!.seenAt;
        gaps.push(gap);
        // 150 ms of slack for the watcher's poll interval.
        assert.ok(gap >= backoffMs(failures[i - 1]!.attempts, BACKOFF_MS) - 150, `attempt ${failures[i]!.attempts} came ${gap} ms after the previous one`);
      }
      assert.ok(gaps.at(-1)! > gaps[0]!, `the gaps grow: ${gaps.join(', ')} ms`);

      // Exactly once, each with its own Message-ID.
      const rows = (await queryRows<{ id: number }>(database.db, sql`select id from outbox order by id`)).map((r) => r.id);
      const count = new Map<number, number>();
      for (const a of smtp.accepted) count.set(a.outboxId, (count.get(a.outboxId) ?? 0) + 1);
      assert.deepEqual(
        [...count.keys()].sort((a, b) => a - b),
        rows,
        'every message arrived',
      );
      assert.deepEqual(
        [...count].filter(([, c]) => c !== 1),
        [],
        'each exactly once',
      );
      assert.equal(new Set(smtp.accepted.map((a) => a.messageId)).size, rows.length);

      console.log(
        JSON.stringify({
          fault: 'smtp',
          messages: rows.length,
          firstMessageAttempts: failures.length,
          firstMessageGapsMs: gaps,
          deliveredAfterHealthyMs: deliveredMs,
          connectionsSeen: smtp.connections,
          errors: errorsByPhase,
        }),
      );
    } finally {
      watching = false;
      await watcher;
    }
  });
});
