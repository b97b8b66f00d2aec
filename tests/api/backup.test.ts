/**
 * finhub backup / finhub restore as a user runs them (child processes): a database populated
 * through the API round-trips row for row and file for file — PGlite → PGlite, PostgreSQL →
 * PostgreSQL, PGlite → PostgreSQL and back — and the refusals change nothing.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { BackupError } from '../../src/modules/backup/format.ts';
import { NOT_BACKED_UP } from '../../src/modules/backup/dump.ts';
import { inspectBackup } from '../../src/modules/backup/restore.ts';
import { backupTables } from '../../src/modules/backup/tables.ts';
import { SEED_PLAN_FILE } from '../../src/modules/plan/seed.ts';
import { buildApp } from '../../src/server/app.ts';
import { openFileStore } from '../../src/server/file-store.ts';
import type { S3Settings } from '../../src/server/file-store-s3.ts';
import type { TestApp } from '../support/app.ts';
import { ORIGIN, signIn, staffSession, TEST_PASSWORD } from '../support/auth.ts';
import { createPostgresDatabase } from '../support/db.ts';
import { samples } from '../support/files.ts';
import { multipart } from '../support/multipart.ts';
import { freshS3Bucket, s3Env } from '../support/s3.ts';
import { startServerProcess } from '../support/server.ts';
import { rows } from '../../src/db/executor.ts';
import type { Json } from '../support/json.ts';

const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

function finhub(args: string[], env: Record<string, string>) {
  const { DATABASE_URL: _, ...inherited } = process.env;
  const res = spawnSync(process.execPath, ['bin/finhub.mjs', ...args], { env: { ...inherited, LOG_LEVEL: 'silent', ...env }, encoding: 'utf8' });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** The same, without blocking this process: for commands that talk to the S3 server running in it. */
function finhubAsync(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { DATABASE_URL: _, ...inherited } = process.env;
  const child = spawn(process.execPath, ['bin/finhub.mjs', ...args], { env: { ...inherited, LOG_LEVEL: 'silent', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const made: string[] = [];
const tmp = (name: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `finhub-backup-${name}-`));
  made.push(dir);
  return dir;
};
const drops: (() => Promise<void>)[] = [];
after(async () => {
  for (const drop of drops) await drop();
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** Where a finhub lives: the environment its commands get (and its files' folder). */
interface Site {
  env: Record<string, string>;
  dataDir: string;
  /** The S3 file store, when the site keeps its files there (its settings are in env too). */
  s3?: S3Settings;
}

async function pgliteSite(name: string): Promise<Site> {
  const dataDir = path.join(tmp(name), 'data');
  return { env: { FINHUB_DATA_DIR: dataDir }, dataDir };
}
async function postgresSite(name: string, s3?: S3Settings): Promise<Site> {
  const { url, drop } = await createPostgresDatabase();
  drops.push(drop);
  const dataDir = path.join(tmp(name), 'data');
  return { env: { FINHUB_DATA_DIR: dataDir, DATABASE_URL: url, ...(s3 ? s3Env(s3) : {}) }, dataDir, ...(s3 ? { s3 } : {}) };
}
const open = (site: Site) => openDatabase({ databaseUrl: site.env.DATABASE_URL, dataDir: site.dataDir, command: 'test' });

async function withDb<T>(site: Site, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await open(site);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** Every table's rows as the database prints them (UTC), in primary-key order. */
async function snapshot(site: Site): Promise<Record<string, string[]>> {
  return withDb(site, (database) =>
    database.db.transaction(async (tx) => {
      await tx.execute(sql`set local timezone = 'UTC'`);
      const out: Record<string, string[]> = {};
      for (const t of backupTables()) {
        const found = await rows<{ r: string }>(tx, sql.raw(`select row_to_json(t)::text as r from "${t.name}" t order by ${t.key.map((k) => `t."${k}"`).join(', ')}`));
        out[t.name] = found.map((r) => r.r);
      }
      return out;
    }),
  );
}

/** The file store (PostgreSQL's table, PGlite's folder, or the site's bucket): relative path → SHA-256 of the bytes. */
async function storeFiles(site: Site): Promise<Record<string, string>> {
  return withDb(site, async (database) => {
    const store = openFileStore(database, path.join(site.dataDir, 'files'), site.s3);
    const out: Record<string, string> = {};
    for (const sha of await store.list())
      out[`${sha.slice(0, 2)}${path.sep}${sha}`] = createHash('sha256')
        .update((await store.read(sha))!)
        .digest('hex');
    return out;
  });
}

/** The restored database holds the source's rows plus exactly one audit row for the restore. */
function assertRestored(restored: Record<string, string[]>, source: Record<string, string[]>) {
  // A backup leaves out the live secrets (outbox.link_token): the restored rows have null there.
  const carried = (table: string, rows: string[] | undefined) =>
    NOT_BACKED_UP[table] ? rows?.map((r) => JSON.stringify({ ...JSON.parse(r), ...Object.fromEntries(NOT_BACKED_UP[table]!.map((c) => [c, null])) })) : rows;
  const { audit_log: audit, ...rest } = Object.fromEntries(Object.entries(restored).map(([t, rows]) => [t, carried(t, rows)])) as Record<string, string[]>;
  const { audit_log: sourceAudit, ...sourceRest } = Object.fromEntries(Object.entries(source).map(([t, rows]) => [t, carried(t, rows)])) as Record<string, string[]>;
  assert.ok(
    (restored.outbox ?? []).every((r) => JSON.parse(r).link_token === null),
    'no link token restored',
  );
  assert.deepEqual(rest, sourceRest);
  assert.deepEqual(audit!.slice(0, -1), sourceAudit);
  const last = JSON.parse(audit!.at(-1)!) as Json;
  assert.equal(last.action, 'backup.restore');
  assert.equal(last.actor_email, 'system');
  assert.equal(last.id, Math.max(0, ...sourceAudit!.map((r) => JSON.parse(r).id)) + 1, 'the audit sequence continues after the restored rows');
}

interface Populated {
  academySessionId: number;
  maxRegistrationId: number;
  managerEmail: string;
}

/** The seed plan through `finhub import-plan`, then staff, an academy session with registrations,
 *  an event with attendees, evidence files and a speaker photo through the API. */
async function populate(site: Site): Promise<Populated> {
  const imported = finhub(['import-plan', SEED_PLAN_FILE], site.env);
  assert.equal(imported.code, 0, imported.stderr);
  const database = await open(site);
  const app = await buildApp({
    config: { logLevel: 'silent', loginRateLimit: 0, publicRateLimit: 0, publicUrl: 'http://finhub.test', ...(site.s3 ? { s3: site.s3 } : {}) },
    database,
    dataDir: site.dataDir,
    web: false,
  });
  const t: TestApp = { app, database, dataDir: site.dataDir, close: async () => {} };
  try {
    const manager = await staffSession(t, 'manager');
    await staffSession(t, 'officer');
    const call = async (method: 'POST' | 'PATCH', url: string, who: { headers: Json } | null, payload: object, status = 201) => {
      const res = await app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, payload });
      assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`);
      return res.json() as Json;
    };
    const academy = await call('POST', '/api/academy/sessions', manager, {
      title: { ko: '금융아카데미 "1강"', en: 'Financial academy 1' },
      startsAt: at(48 * HOUR),
      endsAt: at(50 * HOUR),
      venue: '전주시청 강당',
      capacity: 2,
      registrationOpensAt: at(-HOUR),
      registrationClosesAt: at(24 * HOUR),
      lecturer: '김강사',
    });
    for (const [name, phone] of [
      ['홍길동', '010-1234-5678'],
      ['김철수', '010-9876-5432'],
      ['이영희', '010-5555-0001'],
    ] as const)
      await call('POST', `/api/academy/sessions/${academy.id}/registrations`, null, { consent: true, waitlist: true, name, phone, email: `${phone}@example.org` });
    const event = await call('POST', '/api/events', manager, {
      kind: 'seminar',
      title: { ko: '전주 금융세미나', en: 'Jeonju finance seminar' },
      startsAt: '2026-12-17T09:00:00+09:00',
      endsAt: '2026-12-17T18:00:00+09:00',
      venue: { ko: '전주 한국소리문화의전당' },
      published: true,
    });
    await call('POST', `/api/events/${event.id}/categories`, manager, { category: 'general', capacity: 5, opensAt: at(-HOUR), closesAt: at(48 * HOUR) });
    for (const phone of ['010-7777-0001', '010-7777-0002'])
      await call('POST', `/api/events/${event.id}/registrations`, null, { category: 'general', name: '참가자', phone, email: `${phone}@example.com`, consent: true, answers: {} });
    // (The answers name no id: the registrations table does.)
    const regIds = (await rows<{ id: number }>(database.db, sql`select id from registrations`)).map((r) => Number(r.id));
    const speaker = await call('POST', `/api/events/${event.id}/speakers`, manager, { name: { ko: '박연사', en: 'Park' } });
    const photo = multipart([{ name: 'file', file: samples.png(), fileName: 'p.png', contentType: 'image/png' }]);
    const photoRes = await app.inject({ method: 'POST', url: `/api/speakers/${speaker.id}/photo`, payload: photo.payload, headers: { ...manager.headers, ...photo.headers } });
    assert.ok(photoRes.statusCode < 300, photoRes.body);
    const actionRes = await rows<{ id: number }>(database.db, sql`select min(id) as id from actions`);
    const actionId = Number(actionRes[0]!.id);
    for (const [bytes, fileName] of [
      [samples.pdf(), 'report.pdf'],
      [samples.txt(), '결과.txt'],
    ] as const) {
      const body = multipart([
        { name: 'title', value: `증빙 ${fileName}` },
        { name: 'file', file: bytes, fileName },
      ]);
      const res = await app.inject({ method: 'POST', url: `/api/actions/${actionId}/evidence`, headers: { ...manager.headers, ...body.headers }, payload: body.payload });
      assert.equal(res.statusCode, 201, res.body);
    }
    // Volume through SQL, so tables span several 1000-row pages (a composite key among them), and
    // values JavaScript numbers would not keep (a jsonb numeric beyond 2^53, quotes, newlines).
    await database.db.execute(sql`insert into event_programme (event_id, kind, title_ko, starts_at, ends_at)
      select ${event.id}, 'talk', '세션 ' || g, timestamptz '2026-12-17 09:00+09' + g * interval '1 minute', timestamptz '2026-12-17 10:00+09' + g * interval '1 minute'
      from generate_series(1, 40) g`);
    await database.db.execute(sql`insert into speakers (event_id, name_ko) select ${event.id}, '연사 ' || g from generate_series(1, 30) g`);
    await database.db.execute(sql`insert into programme_speakers (programme_id, speaker_id, role)
      select p.id, s.id, '발표' from event_programme p cross join speakers s where p.event_id = ${event.id} and s.event_id = ${event.id}`);
    const odd = `{"big": 123456789012345678901234567890.5, "text": ${JSON.stringify('줄\n바꿈 "따옴표" \\ \u2028')}}`;
    await database.db.execute(sql`insert into audit_log (action, entity, entity_id, after)
      select 'bulk.test', 'test', g::text, ${odd}::jsonb || jsonb_build_object('n', g) from generate_series(1, 2100) g`);
    return { academySessionId: academy.id, maxRegistrationId: Math.max(...regIds), managerEmail: manager.email };
  } finally {
    await app.close();
    await database.close();
  }
}

function backup(site: Site, file: string) {
  const r = finhub(['backup', file], site.env);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Backup written/);
  assert.match(r.stdout, /\d+ tables, \d+ rows, 3 files/);
  return r;
}
function restore(site: Site, file: string, extra: string[] = []) {
  const r = finhub(['restore', file, ...extra], site.env);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Restored/);
  return r;
}

/** The server starts on the restored database, the restored staff can sign in, and a new
 *  registration gets an id after the restored ones (the sequences were reset). */
async function serveRestored(site: Site, src: Populated, backupFile: string): Promise<void> {
  const server = await startServerProcess({ ...site.env, FINHUB_LOGIN_RATE_LIMIT: '0', FINHUB_PUBLIC_RATE_LIMIT: '0' });
  try {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: src.managerEmail, password: TEST_PASSWORD }),
    });
    assert.equal(login.status, 200, login.status === 200 ? '' : await login.text());
    const res = await fetch(`${server.url}/api/academy/sessions/${src.academySessionId}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ consent: true, waitlist: true, name: '새신청', phone: '010-4444-0009' }),
    });
    const text = await res.text();
    assert.equal(res.status, 201, text);
    // The answer names no id or status: the staff list and the registrant's message do.
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const list = (await (await fetch(`${server.url}/api/academy/sessions/${src.academySessionId}/registrations`, { headers: { cookie } })).json()) as { items: Json[] };
    const reg = list.items.find((r) => r.name === '새신청')!;
    assert.equal(reg.id, src.maxRegistrationId + 1);
    assert.equal(reg.status, 'waitlisted', 'the restored registrations hold the seats');
    if (!site.env.DATABASE_URL) {
      const held = finhub(['backup', path.join(tmp('held'), 'b.gz')], site.env);
      assert.equal(held.code, 1);
      assert.match(held.stderr, /held by a running finhub server/);
      assert.match(held.stderr, /사용하고 있습니다/);
      const heldRestore = finhub(['restore', backupFile, '--force'], site.env);
      assert.equal(heldRestore.code, 1);
      assert.match(heldRestore.stderr, /held by a running finhub server/);
    } else {
      // PostgreSQL: a backup reads one consistent snapshot while the server keeps running.
      backup(site, path.join(tmp('live'), 'live.ndjson.gz'));
    }
  } finally {
    await server.stop();
  }
}

/** Rewrites the decompressed lines of a backup (to make damaged ones). */
function rewrite(file: string, out: string, fn: (lines: string[]) => string[]) {
  const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
  fs.writeFileSync(out, zlib.gzipSync(fn(lines).join('\n')));
}

interface Source {
  site: Site;
  data: Populated;
  rows: Record<string, string[]>;
  files: Record<string, string>;
  backup: string;
}

/** A populated source of each kind and its backup, made once and shared by the suites below. */
const sources = new Map<'pglite' | 'postgres', Promise<Source>>();
function source(kind: 'pglite' | 'postgres'): Promise<Source> {
  if (!sources.has(kind))
    sources.set(
      kind,
      (async () => {
        const site = kind === 'pglite' ? await pgliteSite('src') : await postgresSite('pg-src');
        const data = await populate(site);
        const file = path.join(tmp(`${kind}-file`), `${kind}.ndjson.gz`);
        backup(site, file);
        return { site, data, rows: await snapshot(site), files: await storeFiles(site), backup: file };
      })(),
    );
  return sources.get(kind)!;
}

describe('finhub backup and restore on PGlite', () => {
  let src: Source;
  before(async () => {
    src = await source('pglite');
  });

  it('the populated source has rows in every part and three stored files', () => {
    for (const t of [
      'plans',
      'phase_items',
      'users',
      'sessions',
      'academy_sessions',
      'registrations',
      'events',
      'event_registrations',
      'speakers',
      'evidence',
      'audit_log',
      'outbox',
    ])
      assert.ok(src.rows[t]!.length > 0, `${t} has rows`);
    assert.equal(Object.keys(src.files).length, 3);
    assert.ok(src.rows.programme_speakers!.length > 1000 && src.rows.audit_log!.length > 2000, 'several pages');
    assert.ok(src.rows.audit_log!.some((r) => r.includes('123456789012345678901234567890.5')));
    assert.ok(
      src.rows.phase_items!.some((r) => JSON.parse(r).parent_id !== null),
      'a tree (self-referencing rows) is included',
    );
  });

  it('PGlite → PGlite: every row and every file, then the server runs on it with fresh ids', async () => {
    const dst = await pgliteSite('dst');
    const r = restore(dst, src.backup);
    assert.match(r.stdout, /3 files \(3 written\)/);
    assertRestored(await snapshot(dst), src.rows);
    assert.deepEqual(await storeFiles(dst), src.files);
    await serveRestored(dst, src.data, src.backup);

    // Not empty now: refused, nothing changed.
    const before = await snapshot(dst);
    const refused = finhub(['restore', src.backup], dst.env);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /not empty/);
    assert.match(refused.stderr, /비어 있지 않습니다/);
    assert.deepEqual(await snapshot(dst), before);

    // --force replaces everything (the registration made since is gone).
    restore(dst, src.backup, ['--force']);
    assertRestored(await snapshot(dst), src.rows);
  });
});

describe('finhub restore refusals', () => {
  let src: Source;
  before(async () => {
    src = await source('pglite');
  });

  it('refuses a damaged, cut-off or foreign file and writes nothing', async () => {
    const dir = tmp('bad');
    const bytes = fs.readFileSync(src.backup);
    const cut = path.join(dir, 'cut.gz');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const noTrailer = path.join(dir, 'no-trailer.gz');
    rewrite(src.backup, noTrailer, (lines) => lines.filter((l) => !l.startsWith('{"trailer"')));
    const lostRow = path.join(dir, 'lost-row.gz');
    rewrite(src.backup, lostRow, (lines) => lines.filter((_line, i) => i !== lines.findIndex((x) => x.startsWith('{"t":"actions"'))));
    const badFile = path.join(dir, 'bad-file.gz');
    rewrite(src.backup, badFile, (lines) => lines.map((l) => (l.startsWith('{"file"') ? l.replace(/"base64":"(.)/, (_, c: string) => `"base64":"${c === 'A' ? 'B' : 'A'}`) : l)));
    const notGzip = path.join(dir, 'plain.txt');
    fs.writeFileSync(notGzip, 'hello\n');
    const otherMigrations = path.join(dir, 'migrations.gz');
    rewrite(src.backup, otherMigrations, (lines) => [lines[0]!.replace(/"hash":"[0-9a-f]/, '"hash":"x'), ...lines.slice(1)]);
    // As a user meets them: the command exits 1 with the message and creates nothing.
    for (const [file, message] of [
      [cut, /cut off/],
      [badFile, /does not match its SHA-256/],
    ] as const) {
      const site = await pgliteSite('bad-target');
      const r = finhub(['restore', file], site.env);
      assert.equal(r.code, 1, `${path.basename(file)}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, message, path.basename(file));
      assert.match(r.stderr, /아무것도 쓰지 않았습니다/);
      assert.equal(fs.existsSync(site.dataDir), false, `${path.basename(file)}: nothing written`);
    }
    // The same check (restore runs it before opening the database), for the other damages.
    for (const [file, message] of [
      [noTrailer, /incomplete or cut off \(no trailer\)/],
      [lostRow, /actions: \d+ rows, the trailer says/],
      [notGzip, /damaged or cut off/],
      [otherMigrations, /differs from this finhub's/],
      [path.join(dir, 'missing.gz'), /Cannot read the backup file/],
    ] as const)
      await assert.rejects(inspectBackup(file), (e: Error) => e instanceof BackupError && message.test(e.message), path.basename(file));
  });

  it('a restore that fails half-way in the database leaves it empty and writes no file', async () => {
    // Consistent counts, but a registration points to a pool that does not exist: the insert fails.
    const broken = path.join(tmp('fk'), 'fk.gz');
    rewrite(src.backup, broken, (lines) => lines.map((l) => (l.startsWith('{"t":"registrations"') ? l.replace(/"pool_id":\d+/, '"pool_id":999999') : l)));
    for (const site of [await pgliteSite('fk-target'), await postgresSite('fk-target')]) {
      const r = finhub(['restore', broken], site.env);
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.stderr, /nothing was restored/);
      const after = await snapshot(site);
      assert.deepEqual(
        Object.entries(after).filter(([, rows]) => rows.length > 0),
        [],
      );
      assert.deepEqual(await storeFiles(site), {});
    }
  });

  it('prints usage for a missing file argument', () => {
    const r = finhub(['restore'], { FINHUB_DATA_DIR: path.join(tmp('usage'), 'data') });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Usage: finhub restore FILE/);
  });
});

describe('finhub backup and restore on PostgreSQL', () => {
  it('PostgreSQL → PostgreSQL: every row and every file, and the server runs on it', async () => {
    const src = await source('postgres');
    const dst = await postgresSite('pg-dst');
    restore(dst, src.backup);
    assertRestored(await snapshot(dst), src.rows);
    assert.deepEqual(await storeFiles(dst), src.files);
    await serveRestored(dst, src.data, src.backup);
  });
});

describe('finhub backup and restore across database kinds', () => {
  it('PGlite → PostgreSQL', async () => {
    const src = await source('pglite');
    const pg = await postgresSite('cross-pg');
    restore(pg, src.backup);
    assertRestored(await snapshot(pg), src.rows);
    assert.deepEqual(await storeFiles(pg), src.files);
    await serveRestored(pg, src.data, src.backup);
  });

  it('PostgreSQL → PGlite', async () => {
    const src = await source('postgres');
    const lite = await pgliteSite('cross-lite');
    restore(lite, src.backup);
    assertRestored(await snapshot(lite), src.rows);
    assert.deepEqual(await storeFiles(lite), src.files);
  });
});

/**
 * FINHUB_S3_*: the stored files live in an object store (tests/support/s3.ts), not in the
 * database or FINHUB_DATA_DIR. `finhub backup` reads them from the bucket through the file store,
 * and `finhub restore` writes them into the (new, empty) bucket of the site it restores.
 */
describe('finhub backup and restore with the S3 file store', () => {
  it('files uploaded to one bucket come back byte for byte, through the API, from a fresh database and an empty bucket', async () => {
    const src = await postgresSite('s3-src', await freshS3Bucket());
    const data = await populate(src);
    const files = await storeFiles(src);
    assert.equal(Object.keys(files).length, 3, 'a photo and two evidence files, in the bucket');
    const [stored] = await withDb(src, (database) => rows<{ n: number }>(database.db, sql`select count(*)::int as n from stored_files`));
    assert.equal(stored!.n, 0, 'no bytes in PostgreSQL');
    assert.equal(fs.existsSync(path.join(src.dataDir, 'files')), false, 'nothing in the local folder');
    const sourceRows = await snapshot(src);

    const file = path.join(tmp('s3-file'), 's3.ndjson.gz');
    const b = await finhubAsync(['backup', file], src.env);
    assert.equal(b.code, 0, b.stderr);
    assert.match(b.stdout, /\d+ tables, \d+ rows, 3 files/);
    // The backup itself carries the bytes (read by gunzip, not by finhub's reader).
    const carried = zlib
      .gunzipSync(fs.readFileSync(file))
      .toString('utf8')
      .split('\n')
      .filter((l) => l.startsWith('{"file"'))
      .map((l) => JSON.parse(l) as { file: string; base64: string });
    assert.deepEqual(Object.fromEntries(carried.map((f) => [f.file.replace('/', path.sep), createHash('sha256').update(Buffer.from(f.base64, 'base64')).digest('hex')])), files);

    const dst = await postgresSite('s3-dst', await freshS3Bucket());
    assert.deepEqual(await storeFiles(dst), {}, 'the new bucket is empty');
    const r = await finhubAsync(['restore', file], dst.env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /3 files \(3 written\)/);
    assertRestored(await snapshot(dst), sourceRows);
    assert.deepEqual(await storeFiles(dst), files, 'the same files, in the new bucket');
    const [restoredInDb] = await withDb(dst, (database) => rows<{ n: number }>(database.db, sql`select count(*)::int as n from stored_files`));
    assert.equal(restoredInDb!.n, 0, 'restored into the bucket, not into PostgreSQL');
    assert.equal(fs.existsSync(path.join(dst.dataDir, 'files')), false, 'nor into the local folder');

    // Through the API of a server on the restored site: the evidence files and the photo, byte for byte.
    const database = await open(dst);
    const app = await buildApp({ config: { logLevel: 'silent', publicUrl: 'http://finhub.test', s3: dst.s3 }, database, dataDir: dst.dataDir, web: false });
    try {
      const headers = await signIn({ app, database, dataDir: dst.dataDir, close: async () => {} }, data.managerEmail);
      const evidence = await rows<{ id: number; sha256: string }>(database.db, sql`select id, file_sha256 as sha256 from evidence where file_sha256 is not null order by id`);
      const [photo] = await rows<{ id: number; sha256: string }>(database.db, sql`select id, photo_sha256 as sha256 from speakers where photo_sha256 is not null`);
      assert.equal(evidence.length, 2);
      const downloads = [...evidence.map((e) => ({ url: `/api/evidence/${e.id}/file`, sha256: e.sha256 })), { url: `/api/speakers/${photo!.id}/photo`, sha256: photo!.sha256 }];
      const got: Record<string, string> = {};
      for (const d of downloads) {
        const res = await app.inject({ url: d.url, headers });
        assert.equal(res.statusCode, 200, `${d.url}: ${res.body.slice(0, 200)}`);
        const sha256 = createHash('sha256').update(res.rawPayload).digest('hex');
        assert.equal(sha256, d.sha256, d.url);
        got[`${sha256.slice(0, 2)}${path.sep}${sha256}`] = sha256;
      }
      assert.deepEqual(got, files, 'every file of the source downloads from the restored site');
    } finally {
      await app.close();
      await database.close();
    }
  });
});
