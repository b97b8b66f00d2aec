/**
 * GET /api/home, the public home's one answer: each plan's 이행률, 완료율 and budget executed equal
 * what the plan's own page computes (GET /api/plans/:id), with their 기준일 from the data; this
 * quarter's actions and figures equal the plan view's quarter; the next sessions and events and the
 * latest news, nothing unpublished, cancelled or over; kept by the public cache until a write
 * changes it. On PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/db/executor.ts';
import { homeSummary } from '../../src/modules/home/service.ts';
import { entryQuarter } from '../../src/modules/plan/figures.ts';
import { seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { quarterOf } from '../../src/modules/plan/seoul-time.ts';
import type { Period } from '../../src/modules/plan/types.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import type { Json } from '../support/json.ts';
import { planActions } from '../support/running.ts';

const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const withoutAsOf = ({ asOf: _asOf, ...rest }: Json) => rest;

for (const kind of DB_KINDS) {
  describe(`home on ${kind}`, () => {
    let t: TestApp;
    let manager: Session;
    let planId: number;
    const call = (method: 'GET' | 'PATCH' | 'POST' | 'PUT', url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });
    const home = async () => {
      const res = await call('GET', '/api/home', null);
      assert.equal(res.statusCode, 200, res.body);
      return { res, body: res.json() as Json };
    };
    const iso = async (query: ReturnType<typeof sql>) => new Date((await rows<{ at: string | Date }>(t.database.db, query))[0]!.at).toISOString();

    before(async () => {
      t = await openTestApp(kind);
      manager = await staffSession(t, 'manager');
      planId = (await seedPlanIfEmpty(t.database.db))!;
      await t.app.publicCache.listener!.sync();
    });
    after(() => t.close());

    it('gives each plan the figures of its own page, as of its import while nothing has changed', async () => {
      const { body } = await home();
      const plan = (await call('GET', `/api/plans/${planId}`, null)).json();
      assert.equal(body.plans.length, 1);
      const p = body.plans[0];
      assert.deepEqual([p.id, p.title, p.pledge, p.titleEn], [planId, plan.title, plan.pledge, plan.titleEn]);
      assert.deepEqual(withoutAsOf(p.figures), plan.figures.overall);
      const { byYear: _byYear, ...ledger } = plan.ledger;
      assert.deepEqual(withoutAsOf(p.ledger), ledger);
      const imported = await iso(sql`select created_at as at from plans where id = ${planId}`);
      assert.equal(p.figures.asOf, imported, 'progress as of the import');
      assert.equal(p.ledger.asOf, imported, 'budget as of the import');
      assert.deepEqual([p.figures.asOf, p.ledger.asOf], [plan.asOf.progress, plan.asOf.budget], 'the plan page’s 기준일');
      const { year, quarter } = quarterOf(new Date());
      assert.deepEqual([body.quarter.year, body.quarter.quarter], [year, quarter]);
      assert.deepEqual([body.sessions, body.events, body.news], [[], [], []]);
    });

    it('follows a change of progress and a recorded execution, with their 기준일; the cache drops the answer at once', async () => {
      await home();
      assert.equal((await home()).res.headers['x-finhub-cache'], 'hit');
      const action = (await planActions(t, planId))[0]!;
      assert.equal((await call('PATCH', `/api/actions/${action.id}`, manager, { status: 'done', progress: 100 })).statusCode, 200);
      const { res, body } = await home();
      assert.equal(res.headers['x-finhub-cache'], 'miss');
      const plan = (await call('GET', `/api/plans/${planId}`, null)).json();
      assert.deepEqual(withoutAsOf(body.plans[0].figures), plan.figures.overall);
      assert.ok(body.plans[0].figures.done >= 1);
      assert.equal(body.plans[0].figures.asOf, await iso(sql`select updated_at as at from actions where id = ${action.id}`), 'as of the change');

      const ledger = (await call('GET', `/api/plans/${planId}/ledger`, manager)).json();
      const row = ledger.rows.find((r: Json) => r.plannedKrw > 0)!;
      const secured = await call('PUT', `/api/plans/${planId}/ledger/secured`, manager, { sourceLabel: row.sourceLabel, year: row.year, securedKrw: 300_000_000 });
      assert.equal(secured.statusCode, 200, secured.body);
      const x = await call('POST', `/api/plans/${planId}/executions`, manager, {
        sourceLabel: row.sourceLabel,
        year: row.year,
        executedOn: `${row.year}-05-01`,
        amountKrw: 250_000_000,
        description: '집행',
      });
      assert.equal(x.statusCode, 201, x.body);
      const after = (await home()).body.plans[0];
      assert.equal(after.ledger.executedKrw, 250_000_000);
      assert.equal(after.ledger.asOf, await iso(sql`select ledger_updated_at as at from plans where id = ${planId}`), 'as of the execution');
      const page = (await call('GET', `/api/plans/${planId}`, null)).json();
      assert.deepEqual([after.figures.asOf, after.ledger.asOf], [page.asOf.progress, page.asOf.budget], 'the plan page’s 기준일');
    });

    it("lists this quarter's actions as the plan view counts its quarter (H1 → Q2, H2 and FY → Q4)", async () => {
      const plan = (await call('GET', `/api/plans/${planId}`, null)).json();
      const actions = await planActions(t, planId);
      // A quarter the seed plan has actions in, read as if it were now (Seoul).
      const found = plan.figures.byQuarter.find((q: Json) => q.counted > 0)!;
      const now = new Date(Date.UTC(found.year, found.quarter * 3 - 2, 15));
      const q = (await homeSummary(t.database.db, now)).quarter;
      assert.deepEqual([q.year, q.quarter], [found.year, found.quarter]);
      const { year: _y, quarter: _q, ...figures } = found;
      assert.deepEqual(withoutAsOf(q.figures!), figures, 'the plan view’s figures of that quarter');
      const due = actions.filter((a) => a.year === found.year && entryQuarter(a.period as Period) === found.quarter);
      assert.deepEqual(
        q.actions.map((a) => a.id),
        due.map((a) => a.id),
      );
      assert.ok(q.actions.every((a) => a.planId === planId && typeof a.text === 'string'));
      // A quarter without actions: no figures, and the page says so.
      const empty = await homeSummary(t.database.db, new Date(Date.UTC(2099, 1, 1)));
      assert.deepEqual([empty.quarter.figures, empty.quarter.actions], [null, []]);
    });

    it('shows the next sessions and events and the latest news: nothing unpublished, cancelled or over', async () => {
      const session = async (hours: number, over: Json = {}) => {
        const res = await call('POST', '/api/academy/sessions', manager, {
          title: { ko: `강좌 ${hours}`, en: `Session ${hours}` },
          startsAt: at(hours * HOUR),
          endsAt: at((hours + 2) * HOUR),
          venue: '전주시청 강당',
          capacity: 10,
          registrationOpensAt: at(-HOUR),
          registrationClosesAt: at((hours - 1) * HOUR),
          ...over,
        });
        assert.equal(res.statusCode, 201, res.body);
        return res.json().id as number;
      };
      const s = [await session(72), await session(24), await session(48), await session(96)];
      const cancelled = await session(12);
      assert.equal((await call('PATCH', `/api/academy/sessions/${cancelled}`, manager, { cancelled: true })).statusCode, 200);

      const event = async (days: number, published = true) => {
        const res = await call('POST', '/api/events', manager, {
          kind: 'seminar',
          title: { ko: `세미나 ${days}`, en: `Seminar ${days}` },
          startsAt: at(days * 24 * HOUR),
          endsAt: at((days * 24 + 3) * HOUR),
          venue: { ko: '전주 한국소리문화의전당', en: 'Sori Arts Center, Jeonju' },
          published,
        });
        assert.equal(res.statusCode, 201, res.body);
        return res.json().id as number;
      };
      const past = await event(-30);
      const soon = await event(10);
      const hidden = await event(5, false);

      const news: number[] = [];
      for (const title of ['하나', '둘', '셋', '넷']) {
        const n = (await call('POST', '/api/manage/news', manager, { kind: 'notice', title: { ko: title }, body: { ko: '본문' } })).json();
        assert.equal((await call('POST', `/api/manage/news/${n.id}/publish`, manager)).statusCode, 200);
        news.push(n.id);
      }
      const draft = (await call('POST', '/api/manage/news', manager, { kind: 'notice', title: { ko: '초안' }, body: { ko: '본문' } })).json();

      const { body } = await home();
      assert.deepEqual(
        body.sessions.map((x: Json) => x.id),
        [s[1], s[2], s[0]],
        'the next three, soonest first; the cancelled one left out',
      );
      assert.deepEqual(Object.keys(body.sessions[0]).sort(), ['endsAt', 'id', 'registrationState', 'startsAt', 'title', 'venue']);
      assert.deepEqual(body.sessions[0].title, { ko: '강좌 24', en: 'Session 24' });
      assert.deepEqual(
        body.events.map((x: Json) => x.id),
        [soon],
      );
      assert.ok(![past, hidden].some((id) => body.events.some((x: Json) => x.id === id)));
      assert.deepEqual(
        body.news.map((x: Json) => x.id),
        [news[3], news[2], news[1]],
        'the latest three published',
      );
      assert.ok(!body.news.some((x: Json) => x.id === draft.id));
      assert.ok(!JSON.stringify(body).includes('010-'), 'no personal data');
    });

    it('answers signed-in staff the same, never from the shared cache', async () => {
      const anon = (await home()).body;
      const staff = await call('GET', '/api/home', manager);
      assert.equal(staff.statusCode, 200);
      assert.equal(staff.headers['x-finhub-cache'], 'bypass');
      assert.deepEqual(staff.json().news, anon.news);
    });
  });
}
