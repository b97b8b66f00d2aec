/**
 * The public read cache (src/server/public-cache.ts): answers kept per server for anonymous
 * visitors, strong ETags and 304, invalidated by every committed write through the change feed
 * (migration 0019) — on PGlite and PostgreSQL; on PostgreSQL also across two app instances and
 * through a lost listening connection.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS, openSharedPostgres } from '../support/db.ts';
import type { Json } from '../support/json.ts';

const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

async function firstActionId(app: FastifyInstance, planId: number): Promise<number> {
  const plan = (await app.inject(`/api/plans/${planId}`)).json();
  return plan.schedule.flatMap((e: { actions: { id: number }[] }) => e.actions)[0].id;
}

for (const kind of DB_KINDS) {
  describe(`public read cache on ${kind}`, () => {
    let t: TestApp;
    let manager: Session;
    let planId: number;
    const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });
    const call = (method: 'POST' | 'PATCH', url: string, who: Session | null, payload: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, payload });

    before(async () => {
      t = await openTestApp(kind);
      manager = await staffSession(t, 'manager');
      planId = (await seedPlanIfEmpty(t.database.db))!;
      await t.app.publicCache.listener!.sync();
    });
    after(() => t.close());

    it('answers the plan page from memory with a strong ETag, and 304 to If-None-Match', async () => {
      const first = await get(`/api/plans/${planId}`);
      const second = await get(`/api/plans/${planId}`);
      assert.equal(first.statusCode, 200);
      assert.deepEqual([first.headers['x-finhub-cache'], second.headers['x-finhub-cache']], ['miss', 'hit']);
      assert.equal(second.body, first.body);
      const etag = String(first.headers.etag);
      assert.match(etag, /^"[A-Za-z0-9_-]{27}"$/, 'strong: no W/ prefix');
      assert.equal(second.headers.etag, etag);
      assert.equal(second.headers['cache-control'], 'no-cache');
      assert.match(String(second.headers['content-type']), /^application\/json; charset=utf-8$/);
      for (const inm of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
        const res = await get(`/api/plans/${planId}`, { 'if-none-match': inm });
        assert.equal(res.statusCode, 304, inm);
        assert.equal(res.body, '');
        assert.equal(res.headers.etag, etag);
      }
      assert.equal((await get(`/api/plans/${planId}`, { 'if-none-match': '"stale"' })).statusCode, 200);
      // The same answer under another spelling of its query is the same entry (keys are the validated input).
      assert.equal((await get(`/api/plans/${planId}?unknown=1`)).headers['x-finhub-cache'], 'hit');
    });

    it('serves a fresh plan to the next read after a write through the API', async () => {
      const before = await get(`/api/plans/${planId}`);
      const actionId = await firstActionId(t.app, planId);
      const res = await call('PATCH', `/api/actions/${actionId}`, manager, { status: 'on_track', progress: 35, comment: '캐시 확인' });
      assert.equal(res.statusCode, 200, res.body);
      const after = await get(`/api/plans/${planId}`, { 'if-none-match': String(before.headers.etag) });
      assert.equal(after.statusCode, 200, 'the old ETag no longer matches');
      assert.equal(after.headers['x-finhub-cache'], 'miss');
      assert.notEqual(after.headers.etag, before.headers.etag);
      const action = after
        .json()
        .schedule.flatMap((e: { actions: Json[] }) => e.actions)
        .find((a: Json) => a.id === actionId);
      assert.deepEqual([action.status, action.progress], ['on_track', 35]);
    });

    it('drops an answer when any code writes what it read (raw SQL, as a job or a CLI command does)', async () => {
      await get(`/api/plans/${planId}`);
      assert.equal((await get(`/api/plans/${planId}`)).headers['x-finhub-cache'], 'hit');
      await t.database.rawQuery(`update plans set title = title || ' (개정)' where id = $1`, [planId]);
      // PGlite delivers in-process at once; PostgreSQL through the listening connection.
      await t.app.publicCache.listener!.sync();
      const res = await get(`/api/plans/${planId}`);
      assert.equal(res.headers['x-finhub-cache'], 'miss');
      assert.match(res.json().title, / \(개정\)$/);
      // A write to a table the answer did not read leaves it in place.
      await t.database.rawQuery('delete from speakers where false'); // a statement trigger fires for no rows too
      await t.app.publicCache.listener!.sync();
      assert.equal((await get(`/api/plans/${planId}`)).headers['x-finhub-cache'], 'hit');
    });

    it('keeps no answer that read a table without the change trigger', async () => {
      await t.database.rawQuery('drop trigger finhub_changed on plans');
      await t.app.publicCache.loadWatched(t.database);
      try {
        const a = await get(`/api/plans/${planId}`);
        const b = await get(`/api/plans/${planId}`);
        assert.deepEqual([a.headers['x-finhub-cache'], b.headers['x-finhub-cache']], ['miss', 'miss']);
        assert.ok(b.headers.etag, 'still answered with its ETag');
      } finally {
        await t.database.rawQuery(`select finhub_watch_changes('plans')`);
        await t.app.publicCache.loadWatched(t.database);
      }
    });

    it('never keeps what staff see: unpublished events, staff answers, errors', async () => {
      const created = await call('POST', '/api/events', manager, {
        kind: 'seminar',
        title: { ko: '비공개 사전 세미나', en: 'Private preview seminar' },
        startsAt: at(30 * 24 * HOUR),
        endsAt: at(30 * 24 * HOUR + 8 * HOUR),
        venue: { ko: '전주' },
        published: false,
      });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id;
      const staff = await t.app.inject({ url: `/api/events/${id}`, headers: manager.headers });
      assert.equal(staff.statusCode, 200);
      assert.equal(staff.headers['x-finhub-cache'], 'bypass');
      assert.equal(staff.headers['cache-control'], 'private, no-store');
      assert.equal(staff.headers.etag, undefined);
      const staffPlan = await t.app.inject({ url: `/api/plans/${planId}`, headers: manager.headers });
      assert.equal(staffPlan.headers['x-finhub-cache'], 'bypass');
      for (let i = 0; i < 2; i++) assert.equal((await get(`/api/events/${id}`)).statusCode, 404);
      assert.ok(!t.app.publicCache.bodies().some((b) => b.includes('비공개 사전 세미나')), 'the preview is in no kept answer');
      const list = await get('/api/events');
      assert.ok(!list.body.includes('비공개 사전 세미나'));
      // Published: the next anonymous reads show it, the list included.
      assert.equal((await call('PATCH', `/api/events/${id}`, manager, { published: true })).statusCode, 200);
      assert.equal((await get(`/api/events/${id}`)).statusCode, 200);
      assert.ok((await get('/api/events')).body.includes('비공개 사전 세미나'));
    });

    it('shows seats taken by the next read after a registration, and keeps no personal data', async () => {
      const created = await call('POST', '/api/events', manager, {
        kind: 'seminar',
        title: { ko: '캐시 세미나', en: 'Cache seminar' },
        startsAt: at(20 * 24 * HOUR),
        endsAt: at(20 * 24 * HOUR + 4 * HOUR),
        venue: { ko: '전주' },
        published: true,
      });
      const id = created.json().id;
      const cat = await call('POST', `/api/events/${id}/categories`, manager, { category: 'general', capacity: 10, opensAt: at(-HOUR), closesAt: at(10 * 24 * HOUR) });
      assert.equal(cat.statusCode, 201, cat.body);
      const seats = async () => (await get(`/api/events/${id}`)).json().categories[0].seatsLeft;
      // The set-up writes were made with nothing kept, so their notifications may still be on the way.
      await t.app.publicCache.listener!.sync();
      assert.equal(await seats(), 10);
      assert.equal((await get(`/api/events/${id}`)).headers['x-finhub-cache'], 'hit');
      const person = { name: '김캐시', phone: '010-4321-8765', email: 'cache.person@example.com' };
      const reg = await call('POST', `/api/events/${id}/registrations`, null, { category: 'general', ...person, consent: true });
      assert.equal(reg.statusCode, 201, reg.body);
      assert.equal(await seats(), 9, 'the registration is counted by the very next read');
      await get('/api/events');
      await get(`/api/plans/${planId}`);
      await get('/api/home');
      const kept = t.app.publicCache.bodies();
      assert.ok(kept.length >= 4);
      for (const body of kept) for (const v of [person.name, '4321', '8765', person.email]) assert.ok(!body.includes(v), `kept answer holds ${v}`);
    });
  });
}

if (DB_KINDS.includes('postgres')) {
  describe('public read cache across two app instances on one PostgreSQL', () => {
    let shared: Awaited<ReturnType<typeof openSharedPostgres>>;
    let a: FastifyInstance;
    let b: FastifyInstance;
    let planId: number;

    before(async () => {
      shared = await openSharedPostgres();
      const config = { logLevel: 'silent' as const, loginRateLimit: 0, publicRateLimit: 0, publicUrl: 'http://finhub.test' };
      a = await buildApp({ config, database: shared.first, web: false });
      b = await buildApp({ config, database: shared.second, web: false });
      planId = (await seedPlanIfEmpty(shared.first.db))!;
      await b.publicCache.listener!.sync();
    });
    after(async () => {
      await a.close();
      await b.close();
      await shared.close();
    });

    it('a write through one server invalidates the other’s answer', async () => {
      const t = { app: a, database: shared.first } as TestApp;
      const manager = await staffSession(t, 'manager');
      await b.inject(`/api/plans/${planId}`);
      const cached = await b.inject(`/api/plans/${planId}`);
      assert.equal(cached.headers['x-finhub-cache'], 'hit');
      const actionId = await firstActionId(a, planId);
      const res = await a.inject({ method: 'PATCH', url: `/api/actions/${actionId}`, headers: manager.headers, payload: { status: 'on_track', progress: 55 } });
      assert.equal(res.statusCode, 200, res.body);
      // The other server learns of it from its own listening connection (sync: its notification has arrived).
      await b.publicCache.listener!.sync();
      const fresh = await b.inject(`/api/plans/${planId}`);
      assert.equal(fresh.headers['x-finhub-cache'], 'miss');
      assert.notEqual(fresh.headers.etag, cached.headers.etag);
      const action = fresh
        .json()
        .schedule.flatMap((e: { actions: Json[] }) => e.actions)
        .find((x: Json) => x.id === actionId);
      assert.equal(action.progress, 55);
    });

    it('drops everything and listens again after losing its listening connection', async () => {
      await b.inject(`/api/plans/${planId}`);
      assert.equal((await b.inject(`/api/plans/${planId}`)).headers['x-finhub-cache'], 'hit');
      const listener = b.publicCache.listener!;
      // Kill the listener's backend, and write while it is away: that notification is lost.
      const killed = await shared.first.rawQuery(
        `select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'finhub-listen' and datname = current_database()`,
      );
      assert.ok((killed as { rowCount: number }).rowCount >= 2, 'both servers’ listeners');
      for (let i = 0; i < 100 && listener.live; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(listener.live, false);
      assert.equal((await b.inject(`/api/plans/${planId}`)).headers['x-finhub-cache'], 'miss', 'nothing served while deaf');
      await shared.first.rawQuery(`update plans set title = title || ' (재연결)' where id = $1`, [planId]);
      for (let i = 0; i < 500 && !listener.live; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(listener.live, true, 'listening again');
      const res = await b.inject(`/api/plans/${planId}`);
      assert.match(res.json().title, / \(재연결\)$/);
      assert.equal((await b.inject(`/api/plans/${planId}`)).headers['x-finhub-cache'], 'hit');
    });
  });
}
