/**
 * finhub behind PgBouncer in transaction pooling mode (Debian's pgbouncer, tests/support/pgbouncer.ts):
 * the key flows of the API suite through a pooler that hands each transaction whatever server
 * connection is free, so nothing may rely on session state. A pool of 3 server connections under
 * an app pool of 10 makes transactions of different clients share connections all the time.
 * Sign-in with its throttle, the registration rush (never overbooked), evidence upload and download
 * through the database file store, a public rate limit, the outbox worker's SKIP LOCKED claims,
 * the scheduled jobs' advisory transaction locks, the purge, a consistent backup.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { rows } from '../../src/db/executor.ts';
import { writeBackup } from '../../src/modules/backup/dump.ts';
import type { Channel } from '../../src/modules/notifications/channels/types.ts';
import { drainOutbox } from '../../src/modules/notifications/worker.ts';
import { seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { purgePersonalDataJob } from '../../src/modules/privacy/purge.ts';
import { buildApp } from '../../src/server/app.ts';
import { runExclusively } from '../../src/server/jobs.ts';
import { ORIGIN, staffSession } from '../support/auth.ts';
import { createMigratedPostgresDatabase } from '../support/db.ts';
import { samples } from '../support/files.ts';
import { postJson } from '../support/http.ts';
import { multipart } from '../support/multipart.ts';
import { startPgBouncer, type PgBouncer } from '../support/pgbouncer.ts';
import { actionAt, planActions } from '../support/running.ts';

const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const REGISTRANTS = 150;
const SEATS = 15;

describe('through PgBouncer (transaction pooling)', () => {
  let bouncer: PgBouncer;
  let drop: () => Promise<void>;
  let database: Database;
  let app: FastifyInstance;
  let dataDir: string;
  const errors: string[] = [];
  const t = {} as { app: FastifyInstance; database: Database; dataDir: string; close(): Promise<void> };

  before(async () => {
    const created = await createMigratedPostgresDatabase();
    drop = created.drop;
    bouncer = await startPgBouncer(created.url, { poolSize: 3 });
    database = await openDatabase({ databaseUrl: bouncer.urlFor(created.url), dataDir: '', command: 'test' });
    await database.migrate();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-pgbouncer-data-'));
    app = await buildApp({
      logStream: {
        write: (l: string) => {
          if (/"level":5/.test(l)) errors.push(l);
        },
      },
      config: { logLevel: 'error', loginRateLimit: 0, publicRateLimit: 0, publicUrl: 'http://finhub.test' },
      database,
      dataDir,
      web: false,
    });
    Object.assign(t, { app, database, dataDir, close: async () => {} });
  });
  after(async () => {
    await app?.close();
    await database?.close();
    await bouncer?.stop();
    await drop?.();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('goes through PgBouncer in transaction mode', async () => {
    const [r] = await rows<{ port: number }>(database.db, sql`select inet_server_port() as port`);
    assert.notEqual(Number(r!.port), bouncer.port, 'the server is behind the pooler');
    assert.match(bouncer.log(), /listening on 127\.0\.0\.1:\d+/);
  });

  it('signs staff in, runs a registration rush that never overbooks, and sends the messages once', async () => {
    const manager = await staffSession(t, 'manager');
    const res = await app.inject({
      method: 'POST',
      url: '/api/academy/sessions',
      headers: manager.headers,
      payload: {
        title: { ko: 'PgBouncer 시험' },
        startsAt: at(48 * HOUR),
        endsAt: at(50 * HOUR),
        venue: '시청',
        capacity: SEATS,
        registrationOpensAt: at(-HOUR),
        registrationClosesAt: at(24 * HOUR),
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    const sessionId = res.json().id as number;
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
    try {
      const answers = await Promise.all(
        Array.from({ length: REGISTRANTS }, (_, i) =>
          postJson(agent, base, `/api/academy/sessions/${sessionId}/registrations`, {
            name: `신청자${i}`,
            phone: `010-6${String(i).padStart(3, '0')}-${String(i).padStart(4, '0')}`,
            consent: true,
            waitlist: true,
          }),
        ),
      );
      assert.deepEqual([...new Set(answers.map((a) => a.status))], [201], errors.slice(0, 3).join('\n'));
    } finally {
      agent.destroy();
    }
    const [counts] = await rows<{ confirmed: number; waitlisted: number }>(
      database.db,
      sql`select count(*) filter (where r.status = 'confirmed')::int as confirmed, count(*) filter (where r.status = 'waitlisted')::int as waitlisted
          from registrations r join academy_sessions s on s.pool_id = r.pool_id where s.id = ${sessionId}`,
    );
    assert.deepEqual(counts, { confirmed: SEATS, waitlisted: REGISTRANTS - SEATS });

    // Two workers drain the outbox at once: each message is claimed (FOR UPDATE SKIP LOCKED) by one.
    const sent: number[] = [];
    const channel = (name: string): Channel => ({ name, send: async (m) => void sent.push(m.id) });
    const channels = { email: channel('email'), sms: channel('sms') };
    await Promise.all([drainOutbox(database.db, channels), drainOutbox(database.db, channels)]);
    assert.ok(sent.length >= REGISTRANTS, `${sent.length} sent`);
    assert.equal(new Set(sent).size, sent.length, 'no message sent twice');
  });

  it('uploads evidence into the database file store and downloads it', async () => {
    const planId = (await seedPlanIfEmpty(database.db))!;
    const action = actionAt(await planActions(t, planId), 2023, 'Q3', 2);
    const manager = await staffSession(t, 'manager');
    const bytes = samples.pdf();
    const body = multipart([
      { name: 'title', value: '증빙' },
      { name: 'published', value: 'true' },
      { name: 'file', file: bytes, fileName: '증빙.pdf' },
    ]);
    const up = await app.inject({ method: 'POST', url: `/api/actions/${action.id}/evidence`, headers: { ...manager.headers, ...body.headers }, payload: body.payload });
    assert.equal(up.statusCode, 201, up.body);
    const down = await app.inject(`/api/evidence/${up.json().id}/file`);
    assert.equal(down.statusCode, 200);
    assert.deepEqual(down.rawPayload, bytes);
    assert.equal(app.files.kind, 'database');
  });

  it('counts a rate limit in the database', async () => {
    const limited = await buildApp({ config: { logLevel: 'silent', loginRateLimit: 2, publicRateLimit: 0 }, database, dataDir, web: false });
    try {
      const login = () => limited.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: ORIGIN }, payload: { email: 'x@example.com', password: 'wrong password' } });
      assert.deepEqual([(await login()).statusCode, (await login()).statusCode, (await login()).statusCode], [401, 401, 429]);
    } finally {
      await limited.close();
    }
  });

  it('runs the scheduled jobs under their transaction locks, one server at a time', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = runExclusively(database.db, 'purge', () => held);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(await runExclusively(database.db, 'purge', async () => {}), false);
    release();
    assert.equal(await first, true);
    assert.equal(await runExclusively(database.db, 'purge', () => purgePersonalDataJob(database.db, { files: app.files })), true);
  });

  it('writes a consistent backup (one repeatable-read transaction) with the stored files', async () => {
    const file = path.join(dataDir, 'backup.ndjson.gz');
    const s = await writeBackup(database, dataDir, file);
    assert.ok(s.totalRows > 0);
    assert.equal(s.files, 1, 'the evidence file, from the database');
  });
});
