/**
 * Fault: the server is killed (SIGKILL) in the middle of a registration rush, and started
 * again on the same PostgreSQL database. Nothing a citizen was told (201) is lost, no
 * transaction is half-written (every registration has its outbox message and audit row), the
 * seats and the waiting list stay exact, and after the restart the outbox worker delivers every
 * queued message through a real SMTP server: exactly once, except messages that were in flight
 * at the kill (claimed, not yet marked sent), which are at least once and carry the same
 * Message-ID when repeated. See docs/faults.md.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { createPostgresDatabase } from '../support/db.ts';
import { startServerProcess, type ServerProcess } from '../support/server.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';
import { ApiSession, STAFF_PASSWORD } from '../support/staff.ts';
import { postJson } from '../support/http.ts';
import { rows as queryRows } from '../../src/db/executor.ts';
import type { Json } from '../support/json.ts';

const RUSH = 300;
const CAPACITY = 40;
const KILL_AFTER = 100;
/** Registered before the rush, so the worker is in the middle of sending a batch when the kill comes. */
const WARM_UP = 30;
const LEASE_MS = 6000;
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(Date.now() + ms).toISOString();

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const rows = <T>(database: Database, query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);

describe('kill -9 in the middle of a registration rush, then restart', () => {
  let pgdb: { url: string; drop: () => Promise<void> };
  let smtp: TestSmtp;
  let dataDir: string;
  let server: ServerProcess | undefined;
  let database: Database;
  let env: Record<string, string>;

  before(async () => {
    pgdb = await createPostgresDatabase();
    smtp = await startSmtp();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-fault-crash-'));
    // The first admin from the CLI (it migrates the fresh database), as an installation does.
    const added = spawnSync(process.execPath, ['bin/finhub.mjs', 'user', 'add', '--email', 'admin@jeonju.test', '--role', 'admin', '--name', '관리자'], {
      env: { ...process.env, DATABASE_URL: pgdb.url, LOG_LEVEL: 'warn' },
      input: `${STAFF_PASSWORD}\n`,
      encoding: 'utf8',
    });
    assert.equal(added.status, 0, added.stderr);
    env = {
      DATABASE_URL: pgdb.url,
      FINHUB_DATA_DIR: dataDir,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'finhub <no-reply@jeonju.test>',
      FINHUB_PUBLIC_RATE_LIMIT: '0',
      FINHUB_LOGIN_RATE_LIMIT: '0',
      // A short lease, so the rows the killed server had claimed are retried within the test.
      FINHUB_OUTBOX_LEASE_MS: String(LEASE_MS),
      FINHUB_OUTBOX_POLL_MS: '100',
    };
    database = await openDatabase({ databaseUrl: pgdb.url, dataDir: '', command: 'test' });
  });
  after(async () => {
    if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
    await database?.close();
    await smtp?.close();
    await pgdb?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no answered registration, writes no half transaction, and delivers every message once after restart', async () => {
    server = await startServerProcess(env);
    const admin = await ApiSession.signIn(server.url, 'admin@jeonju.test');
    const session = await admin.call<{ id: number }>('POST', '/api/academy/sessions', {
      title: { ko: '장애 시험 강좌', en: 'Crash test class' },
      venue: '전주시청 강당',
      capacity: CAPACITY,
      startsAt: iso(72 * HOUR),
      endsAt: iso(74 * HOUR),
      registrationOpensAt: iso(-HOUR),
      registrationClosesAt: iso(48 * HOUR),
    });

    const agent = new http.Agent({ keepAlive: true, maxSockets: RUSH });
    const victim = server;
    const phoneOf = (i: number) => `010-5${String(i).padStart(3, '0')}-${String(7000 + i)}`;
    const register = (i: number) =>
      postJson(agent, victim.url, `/api/academy/sessions/${session.id}/registrations`, {
        name: `신청자${i}`,
        phone: phoneOf(i),
        email: `citizen${i}@example.test`,
        consent: true,
        waitlist: true,
      });
    const warmUp = await Promise.all(Array.from({ length: WARM_UP }, (_, i) => register(RUSH + i)));
    assert.deepEqual(new Set(warmUp.map((r) => r.status)), new Set([201]));
    // Wait for the worker to be sending (its batch claimed and leased), then rush.
    await until('the worker sending', async () => (smtp.received.length > 0 ? true : undefined), 20_000);

    // The rush; the server is killed by SIGKILL when the KILL_AFTER-th answer arrives.
    let answered = 0;
    let killedAt = 0;
    const exited = new Promise<void>((r) => victim.child.once('exit', () => r()));
    const results = await Promise.all(
      Array.from({ length: RUSH }, (_, i) =>
        register(i).then(
          (r) => {
            if (++answered === KILL_AFTER) {
              killedAt = Date.now();
              victim.child.kill('SIGKILL');
            }
            return { i, ...r };
          },
          (e: Error) => ({ i, status: 0, json: { error: e.message } as Json }),
        ),
      ),
    );
    agent.destroy();
    await exited;
    assert.ok(killedAt > 0, 'the server was killed');
    assert.equal(victim.child.signalCode, 'SIGKILL');

    const created = [...warmUp.map((r, i) => ({ i: RUSH + i, ...r })), ...results.filter((r) => r.status === 201)];
    const cut = results.filter((r) => r.status === 0);
    assert.deepEqual(
      results.filter((r) => r.status !== 201 && r.status !== 0).map((r) => r.status),
      [],
      'every answer before the kill was a 201',
    );
    assert.ok(created.length >= WARM_UP + KILL_AFTER, `${created.length} answered 201`);
    assert.ok(cut.length > 0, 'the kill came in the middle of the rush: some requests got no answer');

    // Right after the kill, before the restart: which messages were claimed but not marked sent
    // (in flight). Only these may arrive twice.
    await new Promise((r) => setTimeout(r, 300)); // let the SMTP server finish parsing what it accepted
    const atKill = await rows<{ id: number; status: string; attempts: number }>(database, sql`select id, status, attempts from outbox order by id`);
    const inFlight = new Set(atKill.filter((r) => r.status === 'pending' && r.attempts > 0).map((r) => r.id));
    const sentBeforeKill = atKill.filter((r) => r.status === 'sent').length;
    // The lease path is really exercised: the killed server held claimed, unsent rows.
    assert.ok(inFlight.size > 0, 'some messages were in flight at the kill');

    // Every registration that got its 201 is there (the answer names no id or status: the message does).
    const regs = await rows<{ id: number; status: string; phone: string }>(database, sql`select id, status, phone from registrations order by id`);
    const phones = new Set(regs.map((r) => r.phone));
    for (const r of created) assert.ok(phones.has(phoneOf(r.i).replace(/-/g, '')), `registration of ${phoneOf(r.i)} (answered ${r.status})`);
    assert.ok(regs.length >= created.length && regs.length <= RUSH + WARM_UP);

    // No half-written transaction: one registration = one registration row + one outbox row + one audit row.
    const orphans = await rows<{ id: number; messages: number; audits: number }>(
      database,
      sql`select r.id,
                 (select count(*)::int from outbox o where (o.meta->>'registrationId')::int = r.id) as messages,
                 (select count(*)::int from audit_log a where a.entity = 'registration' and a.entity_id = r.id::text and a.action = 'registration.create') as audits
            from registrations r`,
    );
    assert.deepEqual(
      orphans.filter((o) => o.messages !== 1 || o.audits !== 1),
      [],
      'every registration has exactly one message and one audit row',
    );
    const strayMessages = await rows<{ id: number }>(
      database,
      sql`select o.id from outbox o where not exists (select 1 from registrations r where r.id = (o.meta->>'registrationId')::int)`,
    );
    assert.deepEqual(strayMessages, [], 'no message without its registration');
    const strayAudits = await rows<{ id: number }>(
      database,
      sql`select a.id from audit_log a where a.entity = 'registration' and not exists (select 1 from registrations r where r.id::text = a.entity_id)`,
    );
    assert.deepEqual(strayAudits, [], 'no audit row without its registration');

    // Seats: never more than the capacity, and exactly the first CAPACITY in id (= lock) order.
    const confirmed = regs.filter((r) => r.status === 'confirmed').map((r) => r.id);
    const waitlisted = regs.filter((r) => r.status === 'waitlisted').map((r) => r.id);
    assert.equal(confirmed.length + waitlisted.length, regs.length, 'only confirmed and waitlisted');
    assert.equal(confirmed.length, Math.min(CAPACITY, regs.length));
    assert.deepEqual(
      confirmed,
      regs.slice(0, CAPACITY).map((r) => r.id),
      'the seats went to the first in line',
    );

    // Restart on the same database: the worker sends everything still queued, including the
    // in-flight rows once their lease (LEASE_MS) has run out.
    const restartedAt = Date.now();
    server = await startServerProcess(env);
    const messages = await rows<{ id: number }>(database, sql`select id from outbox order by id`);
    await until(
      'every outbox row sent',
      async () => {
        const [r] = await rows<{ pending: number; failed: number }>(
          database,
          sql`select count(*) filter (where status = 'pending')::int as pending, count(*) filter (where status = 'failed')::int as failed from outbox`,
        );
        assert.equal(r!.failed, 0, 'no message failed');
        return r!.pending === 0 ? true : undefined;
      },
      30_000 + LEASE_MS,
    );
    const drainedMs = Date.now() - restartedAt;
    await new Promise((r) => setTimeout(r, 300));

    // What the SMTP server accepted, by outbox id.
    const received = new Map<number, string[]>();
    for (const m of smtp.received) {
      const id = Number(m.headers.get('x-finhub-outbox-id'));
      received.set(id, [...(received.get(id) ?? []), String(m.messageId)]);
    }
    assert.deepEqual(
      [...received.keys()].filter((id) => !messages.some((m) => m.id === id)),
      [],
      'nothing sent that is not in the outbox',
    );
    const missing = messages.filter((m) => !received.has(m.id)).map((m) => m.id);
    assert.deepEqual(missing, [], 'every message arrived');
    const repeated = messages.filter((m) => received.get(m.id)!.length !== 1);
    assert.deepEqual(
      repeated.filter((m) => !inFlight.has(m.id)).map((m) => [m.id, received.get(m.id)!.length]),
      [],
      'exactly once for every message not in flight at the kill',
    );
    for (const m of repeated) {
      const ids = received.get(m.id)!;
      assert.ok(ids.length <= 2, `message ${m.id} arrived ${ids.length} times`);
      assert.equal(new Set(ids).size, 1, `a repeat of ${m.id} carries the same Message-ID`);
    }
    const messageIds = [...received.values()].map((ids) => ids[0]);
    assert.equal(new Set(messageIds).size, messageIds.length, 'one Message-ID per outbox row');

    console.log(
      JSON.stringify({
        fault: 'kill -9 mid-rush',
        requests: RUSH,
        warmUp: WARM_UP,
        answered201: created.length,
        noAnswer: cut.length,
        committed: regs.length,
        committedWithoutAnswer: regs.length - created.length,
        confirmed: confirmed.length,
        messages: messages.length,
        sentBeforeKill,
        inFlightAtKill: inFlight.size,
        duplicates: repeated.length,
        drainAfterRestartMs: drainedMs,
      }),
    );
    await server.stop();
  });
});
