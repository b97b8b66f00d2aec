/**
 * Fault: the PostgreSQL server goes away under load (pg_ctl stop -m immediate, like a crash,
 * then -m fast, an admin shutdown) and comes back. On a private cluster (tests/support/pg-cluster.ts),
 * never the shared one. While it is down every request answers quickly with a bilingual 503 that
 * names nothing internal, /api/health says the database is down; once it is back the same server
 * process answers again within seconds, and its outbox worker carries on. See docs/faults.md.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { createPgCluster, type PgCluster } from '../support/pg-cluster.ts';
import { startServerProcess, type ServerProcess } from '../support/server.ts';
import { ApiSession, STAFF_PASSWORD } from '../support/staff.ts';
import { rows } from '../../src/db/executor.ts';
import type { Json } from '../support/json.ts';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(Date.now() + ms).toISOString();
/** The longest any request may take, outage or not. */
const MAX_ANSWER_MS = 5000;
/** Internals a 503 must not show. */
const LEAKS = /ECONN|ETIMEDOUT|stack|\bat .*\.(ts|js)|select |insert |Failed query|postgres|pg-pool|terminated|timeout exceeded|SQL|57P0|08006/i;

interface Sample {
  kind: 'read' | 'register';
  start: number;
  end: number;
  status: number;
  body: string;
}

describe('database outage under load', () => {
  let cluster: PgCluster;
  let dataDir: string;
  let server: ServerProcess | undefined;
  let database: Database | undefined;

  before(async () => {
    cluster = await createPgCluster();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-fault-db-'));
    const added = spawnSync(process.execPath, ['bin/finhub.mjs', 'user', 'add', '--email', 'admin@jeonju.test', '--role', 'admin', '--name', '관리자'], {
      env: { ...process.env, DATABASE_URL: cluster.url, LOG_LEVEL: 'warn' },
      input: `${STAFF_PASSWORD}\n`,
      encoding: 'utf8',
    });
    assert.equal(added.status, 0, added.stderr);
    server = await startServerProcess({
      DATABASE_URL: cluster.url,
      FINHUB_DATA_DIR: dataDir,
      FINHUB_PUBLIC_RATE_LIMIT: '0',
      FINHUB_LOGIN_RATE_LIMIT: '0',
      FINHUB_OUTBOX_POLL_MS: '200',
      // Rows the worker had claimed when the database vanished stay leased until this runs out
      // (production: 5 min); short here so the test sees them sent.
      FINHUB_OUTBOX_LEASE_MS: '2000',
      FINHUB_DB_CONNECT_TIMEOUT_MS: '3000',
    });
  });
  after(async () => {
    await database?.close().catch(() => {});
    if (server && server.child.exitCode === null) await server.stop();
    cluster?.destroy();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 fast while the database is down, and recovers without a restart', async () => {
    const base = server!.url;
    const admin = await ApiSession.signIn(base, 'admin@jeonju.test');
    const session = await admin.call<{ id: number }>('POST', '/api/academy/sessions', {
      title: { ko: 'DB 장애 시험', en: 'Outage test' },
      venue: '전주시청',
      capacity: 100_000,
      startsAt: iso(72 * HOUR),
      endsAt: iso(74 * HOUR),
      registrationOpensAt: iso(-HOUR),
      registrationClosesAt: iso(48 * HOUR),
    });
    const plans = (await (await fetch(`${base}/api/plans`)).json()) as { items: { id: number }[] };
    const planId = plans.items[0]!.id;

    const samples: Sample[] = [];
    let seq = 0;
    const once = async (kind: Sample['kind']): Promise<Sample> => {
      const start = Date.now();
      const n = seq++;
      try {
        const res =
          kind === 'read'
            ? await fetch(`${base}/api/plans/${planId}`, { signal: AbortSignal.timeout(15_000) })
            : await fetch(`${base}/api/academy/sessions/${session.id}/registrations`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', origin: base },
                body: JSON.stringify({ name: `시민${n}`, phone: `010-${String(1000 + (n % 9000))}-${String(1000 + Math.floor(n / 9000))}`, consent: true }),
                signal: AbortSignal.timeout(15_000),
              });
        const s = { kind, start, end: Date.now(), status: res.status, body: await res.text() };
        samples.push(s);
        return s;
      } catch (e) {
        const s = { kind, start, end: Date.now(), status: 0, body: (e as Error).message };
        samples.push(s);
        return s;
      }
    };
    let loading = true;
    const load = Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        while (loading) {
          await once(w % 2 === 0 ? 'read' : 'register');
          await new Promise((r) => setTimeout(r, 20));
        }
      }),
    );
    const health = async () => {
      const start = Date.now();
      const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(15_000) });
      return { status: res.status, ms: Date.now() - start, body: (await res.json()) as Json };
    };
    const figures: Record<string, unknown>[] = [];

    try {
      await new Promise((r) => setTimeout(r, 1000));
      for (const mode of ['immediate', 'fast'] as const) {
        const stopAt = Date.now();
        cluster.stop(mode);
        const stoppedAt = Date.now();
        await new Promise((r) => setTimeout(r, 2500));
        const down = await health();
        assert.equal(down.status, 503, JSON.stringify(down.body));
        assert.equal(down.body.status, 'unavailable');
        assert.equal(down.body.error.code, 'DB_UNAVAILABLE');
        assert.ok(down.ms < MAX_ANSWER_MS, `health answered in ${down.ms} ms`);
        // A burst on top of the load: nothing queues up behind the dead database.
        const burst = await Promise.all(Array.from({ length: 40 }, (_, i) => once(i % 2 ? 'read' : 'register')));
        for (const b of burst) assert.equal(b.status, 503, `${b.kind}: ${b.status} ${b.body}`);

        const restartAt = Date.now();
        await cluster.start();
        const startedAt = Date.now();
        // Without restarting finhub: the pool reconnects on the next queries.
        let recoveredAt = 0;
        for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
          const [r, w] = await Promise.all([once('read'), once('register')]);
          if (r.status === 200 && w.status === 201) {
            recoveredAt = Date.now();
            break;
          }
          await new Promise((res) => setTimeout(res, 50));
        }
        assert.ok(recoveredAt > 0, `${mode}: requests succeed again after the database is back`);
        const up = await health();
        assert.equal(up.status, 200);
        await new Promise((r) => setTimeout(r, 1000));

        const during = samples.filter((s) => s.start >= stoppedAt && s.end <= restartAt);
        const first503 = samples.filter((s) => s.status === 503 && s.end >= stopAt).sort((a, b) => a.end - b.end)[0];
        assert.ok(during.length > 40, `${mode}: load ran during the outage (${during.length} requests)`);
        assert.deepEqual([...new Set(during.map((s) => s.status))], [503], `${mode}: every request during the outage answered 503`);
        figures.push({
          mode,
          requestsDuringOutage: during.length,
          msToFirst503: first503 ? first503.end - stopAt : null,
          slowestDuringOutageMs: Math.max(...during.map((s) => s.end - s.start)),
          healthDownMs: down.ms,
          clusterStartMs: startedAt - restartAt,
          msToRecoverAfterDbUp: recoveredAt - startedAt,
        });
        assert.ok(recoveredAt - startedAt < 5000, `${mode}: recovered ${recoveredAt - startedAt} ms after the database was up`);
      }
    } finally {
      loading = false;
      await load;
    }

    // Over the whole run, outages included: every request answered (no hang, no dropped
    // connection), quickly, with 2xx or 503 only, and every 503 is the bilingual body with nothing internal.
    assert.deepEqual(
      samples.filter((s) => s.status === 0).map((s) => s.body),
      [],
      'no request went unanswered',
    );
    assert.deepEqual(
      samples.filter((s) => s.end - s.start >= MAX_ANSWER_MS).map((s) => [s.kind, s.status, s.end - s.start]),
      [],
      `every answer within ${MAX_ANSWER_MS} ms`,
    );
    assert.deepEqual(
      [...new Set(samples.map((s) => s.status))].filter((st) => st !== 200 && st !== 201 && st !== 503),
      [],
      'only 200/201 and 503',
    );
    const unavailable = samples.filter((s) => s.status === 503);
    for (const s of unavailable) {
      const body = JSON.parse(s.body) as Json;
      assert.deepEqual(Object.keys(body), ['error']);
      assert.equal(body.error.code, 'DB_UNAVAILABLE');
      assert.match(body.error.message.ko, /데이터베이스/);
      assert.match(body.error.message.en, /database/i);
      assert.doesNotMatch(s.body, LEAKS, 'a 503 shows nothing internal');
    }

    // The process never went down, and its outbox worker carried on: every message queued
    // (before, between and after the outages) is sent.
    assert.equal(server!.child.exitCode, null, 'the server is still running');
    database = await openDatabase({ databaseUrl: cluster.url, dataDir: '', command: 'test' });
    const db = database;
    const deadline = Date.now() + 20_000;
    let counts: { pending: number; sent: number; registrations: number; incomplete: number } | undefined;
    for (;;) {
      counts = (
        await rows<typeof counts>(
          db.db,
          sql`select (select count(*)::int from outbox where status = 'pending') as pending,
                   (select count(*)::int from outbox where status = 'sent') as sent,
                   (select count(*)::int from registrations) as registrations,
                   (select count(*)::int from registrations r where not exists (select 1 from outbox o where (o.meta->>'registrationId')::int = r.id)
                                                         or not exists (select 1 from audit_log a where a.entity = 'registration' and a.entity_id = r.id::text)) as incomplete`,
        )
      )[0];
      if (counts!.pending === 0 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal(counts!.pending, 0, 'the outbox worker sent everything after the outages');
    assert.equal(counts!.incomplete, 0, 'no registration without its message and audit row');
    const created = samples.filter((s) => s.status === 201).length;
    assert.ok(counts!.registrations >= created, 'every 201 is in the database');
    console.log(
      JSON.stringify({
        fault: 'database outage',
        requests: samples.length,
        answered503: unavailable.length,
        registrations: counts!.registrations,
        messagesSent: counts!.sent,
        cycles: figures,
      }),
    );
  });
});
