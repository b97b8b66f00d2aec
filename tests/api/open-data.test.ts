/**
 * Open data: the catalogue answers the shape other portals read, every dataset downloads as CSV
 * (read back by python's csv: BOM, CR LF) and JSON (read back by python's json), under 공공누리
 * 제1유형, with the figures the platform shows elsewhere and no personal data.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import { python, readCsv } from '../support/independent.ts';
import type { Json } from '../support/json.ts';
import { asRegistrant } from '../support/registrant.ts';
import { actionAt, planActions } from '../support/running.ts';

const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const DATASET_IDS = ['plan-actions', 'plan-figures', 'plan-budget', 'academy-sessions', 'events'];
const PERSONAL = ['홍길동', '010-', '@example', '김연사'];

/** python's json module: the parsed value (it refuses NaN-free JSON that JS would write wrongly, and duplicate-free keys are kept). */
const readJson = (text: string) => python<Json>('import json, sys\nprint(json.dumps(json.loads(sys.stdin.buffer.read().decode("utf-8"))))', text);

for (const kind of DB_KINDS) {
  describe(`open data on ${kind}`, () => {
    let t: TestApp;
    let planId: number;
    let manager: Session;
    let officer: Session;
    let sessionId: number;
    let eventId: number;
    let actionId: number;

    const call = (method: 'GET' | 'PATCH' | 'POST', url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });

    before(async () => {
      t = await openTestApp(kind);
      planId = (await seedPlanIfEmpty(t.database.db))!;
      manager = await staffSession(t, 'manager');
      officer = await staffSession(t, 'officer');
      actionId = actionAt(await planActions(t, planId), 2023, 'Q3', 0).id;
      assert.equal((await call('PATCH', `/api/actions/${actionId}`, manager, { status: 'on_track', progress: 40 })).statusCode, 200);
      const exec = await call('POST', `/api/plans/${planId}/executions`, manager, {
        sourceLabel: '시비',
        year: 2023,
        executedOn: '2023-05-02',
        amountKrw: 40_000_000,
        description: '집행',
        exceedSecured: true,
        overrideReason: '시험 자료: 확보액 입력 전 집행',
      });
      assert.equal(exec.statusCode, 201, exec.body);

      const s = await call('POST', '/api/academy/sessions', manager, {
        title: { ko: '금융아카데미 공개강좌', en: 'Open lecture' },
        startsAt: at(HOUR / 6),
        endsAt: at(2 * HOUR),
        venue: '전주시청 강당',
        capacity: 5,
        registrationOpensAt: at(-HOUR),
        registrationClosesAt: at(HOUR / 12),
        lecturer: '김연사',
      });
      assert.equal(s.statusCode, 201, s.body);
      sessionId = s.json().id;
      const tokens: string[] = [];
      for (const phone of ['010-1111-2222', '010-3333-4444']) {
        const r = await asRegistrant(
          t.database.db,
          await call('POST', `/api/academy/sessions/${sessionId}/registrations`, null, { name: '홍길동', phone, email: 'hong@example.org', consent: true }),
          phone,
        );
        assert.equal(r.statusCode, 201, r.body);
        tokens.push(r.json().token);
      }
      const checkIn = await call('POST', `/api/academy/sessions/${sessionId}/check-in`, officer, { token: tokens[0] });
      assert.equal(checkIn.statusCode, 200, checkIn.body);

      const e = await call('POST', '/api/events', manager, {
        kind: 'seminar',
        title: { ko: '전주 금융세미나', en: 'Jeonju finance seminar' },
        startsAt: at(72 * HOUR),
        endsAt: at(80 * HOUR),
        venue: { ko: '전주 한국소리문화의전당', en: 'Sori Arts Center' },
        published: true,
      });
      assert.equal(e.statusCode, 201, e.body);
      eventId = e.json().id;
      const cat = await call('POST', `/api/events/${eventId}/categories`, manager, { category: 'general', capacity: 7, opensAt: at(-HOUR), closesAt: at(48 * HOUR) });
      assert.equal(cat.statusCode, 201, cat.body);
      const reg = await call('POST', `/api/events/${eventId}/registrations`, null, {
        category: 'general',
        name: '홍길동',
        phone: '010-5555-6666',
        email: 'e@example.org',
        consent: true,
        answers: {},
      });
      assert.equal(reg.statusCode, 201, reg.body);
      const hidden = await call('POST', '/api/events', manager, { kind: 'seminar', title: { ko: '비공개 세미나' }, startsAt: at(72 * HOUR), endsAt: at(80 * HOUR) });
      assert.equal(hidden.statusCode, 201, hidden.body);
    });
    after(() => t.close());

    it('lists every dataset with bilingual titles, 공공누리 제1유형, its last change and CSV and JSON links, readable from any origin', async () => {
      const res = await call('GET', '/api/open-data', null);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['access-control-allow-origin'], '*');
      const { datasets } = res.json();
      assert.deepEqual(
        datasets.map((d: Json) => d.id),
        DATASET_IDS,
      );
      for (const d of datasets) {
        assert.ok(d.title.ko && d.title.en, d.id);
        assert.equal(d.license, 'KOGL-Type1');
        assert.match(d.licenseName.ko, /공공누리 제1유형/);
        assert.ok(d.updatedAt === null || !Number.isNaN(Date.parse(d.updatedAt)), d.updatedAt);
        assert.deepEqual(d.formats, [
          { format: 'csv', url: `/api/open-data/${d.id}.csv` },
          { format: 'json', url: `/api/open-data/${d.id}.json` },
        ]);
      }
      // The plan changed in before(): its datasets' last change is that update, not the import.
      const actionsSet = datasets.find((d: Json) => d.id === 'plan-actions');
      assert.ok(Date.now() - Date.parse(actionsSet.updatedAt) < 5 * 60_000, actionsSet.updatedAt);
    });

    it('gives each dataset as CSV (UTF-8 BOM, CR LF, Korean and English headers) and JSON with the same records', async () => {
      for (const id of DATASET_IDS) {
        const csvRes = await call('GET', `/api/open-data/${id}.csv`, null);
        assert.equal(csvRes.statusCode, 200, `${id}: ${csvRes.body}`);
        assert.match(String(csvRes.headers['content-type']), /^text\/csv; charset=utf-8/);
        assert.match(String(csvRes.headers['content-disposition']), new RegExp(`filename="${id}\\.csv"`));
        const csv = readCsv(csvRes.rawPayload);
        assert.ok(csv.bom && csv.crlf && !csv.bareLf, id);
        const jsonRes = await call('GET', `/api/open-data/${id}.json`, null);
        assert.equal(jsonRes.statusCode, 200, jsonRes.body);
        assert.match(String(jsonRes.headers['content-type']), /^application\/json/);
        const json = readJson(jsonRes.body);
        assert.equal(json.license, 'KOGL-Type1');
        assert.equal(csv.rows[0]!.length, json.fields.length, id);
        assert.deepEqual(
          csv.rows[0],
          json.fields.map((f: Json) => `${f.title.ko} ${f.title.en}`),
        );
        assert.equal(csv.rows.length - 1, json.records.length, id);
        for (const word of PERSONAL) {
          assert.ok(!csvRes.body.includes(word), `${id} CSV carries ${word}`);
          assert.ok(!jsonRes.body.includes(word), `${id} JSON carries ${word}`);
        }
      }
    });

    it('carries the figures the platform shows: action status and progress, budget by source and year, seats and attendance', async () => {
      const get = async (id: string) => readJson((await call('GET', `/api/open-data/${id}.json`, null)).body).records as Json[];
      const plan = (await call('GET', `/api/plans/${planId}`, null)).json();

      const actions = await get('plan-actions');
      assert.equal(
        actions.length,
        plan.schedule.reduce((n: number, e: Json) => n + e.actions.length, 0),
      );
      const changed = actions.find((a) => a.action_id === actionId)!;
      assert.equal(changed.status, 'on_track');
      assert.equal(changed.status_name, '정상추진 On track');
      assert.equal(changed.progress, 40);
      assert.equal(changed.year, 2023);
      assert.equal(changed.quarter, 3);

      const quarters = await get('plan-figures');
      assert.deepEqual(
        quarters.map((q) => [q.year, q.quarter, q.progress_rate, q.completion_rate]),
        plan.figures.byQuarter.map((q: Json) => [q.year, q.quarter, q.progressRate, q.completionRate]),
      );

      const budget = await get('plan-budget');
      const city2023 = budget.find((b) => b.source === 'city' && b.year === 2023)!;
      assert.equal(city2023.executed_krw, 40_000_000);
      const byYear = plan.ledger.byYear.find((y: Json) => y.year === 2023);
      assert.equal(
        budget.filter((b) => b.year === 2023).reduce((n, b) => n + b.planned_krw, 0),
        byYear.plannedKrw,
      );

      const sessions = await get('academy-sessions');
      assert.deepEqual(
        sessions.map((s) => [s.session_id, s.title_ko, s.capacity, s.registered, s.attended]),
        [[sessionId, '금융아카데미 공개강좌', 5, 2, 1]],
      );
      const eventsSet = await get('events');
      assert.deepEqual(
        eventsSet.map((e) => [e.event_id, e.title_en, e.status, e.capacity, e.registered, e.attended]),
        [[eventId, 'Jeonju finance seminar', 'planned', 7, 1, 0]],
        'published events only',
      );
    });

    it('answers 404 for an unknown dataset or format, in Korean and English', async () => {
      for (const url of ['/api/open-data/nothing.csv', '/api/open-data/nothing.json', '/api/open-data/plan-actions.xml', '/api/open-data/Plan.csv']) {
        const res = await call('GET', url, null);
        assert.ok(res.statusCode === 404 || res.statusCode === 400, `${url}: ${res.statusCode}`);
      }
      const res = await call('GET', '/api/open-data/nothing.json', null);
      assert.equal(res.statusCode, 404);
      assert.ok(res.json().error.message.ko && res.json().error.message.en, res.body);
    });
  });
}
