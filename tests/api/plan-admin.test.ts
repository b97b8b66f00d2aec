/** Managers import plan documents (with a preview that writes nothing) and edit a plan's header. */
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { after, before, describe, it } from 'node:test';
import { parsePlanText } from '../../src/modules/plan/importer/parse.ts';
import { seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { createTestDepartment, ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import { seedText } from '../support/fixtures.ts';
import { multipart, type Part } from '../support/multipart.ts';
import { DEFAULT_PARTS, planText } from '../support/plan-text.ts';
import { countRows, RUNNING_TABLES } from '../support/running.ts';
import type { Json } from '../support/json.ts';

const TABLES = [...RUNNING_TABLES, 'plan_contents', 'phases', 'phase_items', 'schedule_entries', 'goals'];

for (const kind of DB_KINDS) {
  describe(`plan import and editing on ${kind}`, () => {
    let t: TestApp;
    let seedId: number;
    let manager: Session;
    let officer: Session;

    const send = (url: string, who: Session | null, parts: Part[]) => {
      const body = multipart(parts);
      return t.app.inject({ method: 'POST', url, headers: { ...(who ? who.headers : { origin: ORIGIN }), ...body.headers }, payload: body.payload });
    };
    const doc = (text: string, name = 'plan.txt'): Part => ({ name: 'file', file: Buffer.from(text, 'utf8'), fileName: name, contentType: 'text/plain' });
    const patch = (id: number, who: Session | null, payload: object) =>
      t.app.inject({ method: 'PATCH', url: `/api/plans/${id}`, headers: who ? who.headers : { origin: ORIGIN }, payload });
    const counts = () => countRows(t, TABLES);

    before(async () => {
      t = await openTestApp(kind);
      seedId = (await seedPlanIfEmpty(t.database.db))!;
      manager = await staffSession(t, 'manager');
      officer = await staffSession(t, 'officer', (await createTestDepartment(t.database)).id);
    });
    after(() => t.close());

    it('previews a document as the normalized plan with its warnings, writing nothing', async () => {
      const before = await counts();
      const res = await send('/api/plans/import/preview', manager, [doc(seedText())]);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().plan, parsePlanText(seedText()));
      assert.equal(res.json().warnings.length, 1);
      assert.match(res.json().warnings[0], /'26/);
      assert.deepEqual(await counts(), before);
    });

    it('answers 422 in both languages for a file that is not a plan, and 400/415 for a bad request', async () => {
      const before = await counts();
      for (const [bytes, pattern] of [
        [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), /binary|not text/],
        [Buffer.from('회의록\n\n참석자: 홍길동\n', 'utf8'), /not a pledge plan|No\./],
        [Buffer.from([0xc0, 0xaf, 0x41]), /UTF-8/],
      ] as const) {
        for (const url of ['/api/plans/import/preview', '/api/plans/import']) {
          const res = await send(url, manager, [{ name: 'file', file: bytes, fileName: 'x.txt' }]);
          assert.equal(res.statusCode, 422, `${url}: ${res.body}`);
          const { error } = res.json();
          assert.equal(error.code, 'PLAN_DOCUMENT_INVALID');
          assert.match(error.message.en, pattern);
          assert.ok(/[가-힣]/.test(error.message.ko));
          assert.equal(error.fields[0].field, 'file');
        }
      }
      assert.equal((await send('/api/plans/import', manager, [])).statusCode, 400);
      assert.equal((await send('/api/plans/import', manager, [doc(planText()), { name: 'replace', value: 'maybe' }])).json().error.fields[0].field, 'replace');
      const json = await t.app.inject({ method: 'POST', url: '/api/plans/import', headers: manager.headers, payload: { file: 'x' } });
      assert.equal(json.statusCode, 415);
      assert.deepEqual(await counts(), before);
    });

    it('refuses a negative amount and a reference that is no character with 422 naming the cell or line, writing nothing', async () => {
      const before = await counts();
      const negative = planText({ budget: DEFAULT_PARTS.budget.replace('시비\t4.0\t0.5\t2.5\t0.5', '시비\t4.0\t0.5\t2.5\t-0.5') });
      const lines = planText().split('\n');
      const at = lines.findIndex((l) => l.includes('교재 제작'));
      lines[at] = lines[at]!.replace('교재 제작', '교재&#xD800; 제작');
      for (const [text, field, en, ko] of [
        [negative, "budget.시비.'23", /negative amount: "-0.5"/, /음수/],
        [lines.join('\n'), `line ${at + 1}`, /character reference that is not allowed: "&#xD800;"/, /문자 참조/],
      ] as const) {
        for (const url of ['/api/plans/import/preview', '/api/plans/import']) {
          const res = await send(url, manager, [doc(text)]);
          assert.equal(res.statusCode, 422, `${url}: ${res.body}`);
          const { error } = res.json();
          assert.equal(error.code, 'PLAN_DOCUMENT_INVALID');
          assert.match(error.message.en, en);
          assert.match(error.message.ko, ko);
          assert.ok(error.message.en.includes(field) && error.message.ko.includes(field));
          assert.equal(error.fields[0].field, field);
        }
      }
      assert.deepEqual(await counts(), before);
    });

    it('shows a plan whose stored amounts are negative or past 2^53 (rows written before the importer refused them)', async () => {
      const res = await send('/api/plans/import', manager, [doc(planText({ header: DEFAULT_PARTS.header.replace('No. 7', 'No. 77') }))]);
      assert.equal(res.statusCode, 201, res.body);
      const { id } = res.json();
      await t.database.db.execute(sql`update budget_lines set planned_krw = -50000000 where plan_id = ${id} and year = 2023`);
      await t.database.db.execute(sql`update budget_lines set planned_krw = 9000000000000000000 where plan_id = ${id} and source_label = '국비' and year = 2024`);
      await t.database.db.execute(sql`update plans set total_budget_krw = -1 where id = ${id}`);
      const page = await t.app.inject(`/api/plans/${id}`);
      assert.equal(page.statusCode, 200, page.body);
      const ledger = page.json().ledger;
      assert.equal(ledger.byYear.find((y: Json) => y.year === 2023).executionRate, null);
      assert.equal(ledger.byYear.find((y: Json) => y.year === 2024).plannedKrw, Number.MAX_SAFE_INTEGER);
      const figures = await t.app.inject({ url: '/api/plans/figures', headers: manager.headers });
      assert.equal(figures.statusCode, 200, figures.body);
      assert.equal((await t.app.inject('/api/plans')).statusCode, 200);
      await t.database.db.execute(sql`delete from plans where id = ${id}`);
    });

    it('imports a new plan, refuses a duplicate, replaces on request, and audits each import', async () => {
      const res = await send('/api/plans/import', manager, [doc(planText())]);
      assert.equal(res.statusCode, 201, res.body);
      const { id, replaced } = res.json();
      assert.equal(replaced, false);
      const stored = (await t.app.inject(`/api/plans/${id}`)).json();
      assert.deepEqual([stored.category, stored.number, stored.title], ['경제', 7, '시민 금융교육 확대']);

      const before = await counts();
      const dup = await send('/api/plans/import', manager, [doc(planText())]);
      assert.equal(dup.statusCode, 409);
      assert.deepEqual(await counts(), before);

      const again = await send('/api/plans/import', manager, [doc(planText()), { name: 'replace', value: 'true' }]);
      assert.equal(again.statusCode, 201, again.body);
      assert.equal(again.json().replaced, true);
      assert.notEqual(again.json().id, id);
      assert.equal((await t.app.inject(`/api/plans/${id}`)).statusCode, 404);

      const audit = (await t.app.inject({ url: '/api/audit?entity=plan', headers: manager.headers })).json().items;
      assert.deepEqual(
        audit.slice(0, 2).map((r: Json) => [r.action, r.actorEmail, r.entityId]),
        [
          ['plan.replace', manager.email, String(again.json().id)],
          ['plan.import', manager.email, String(id)],
        ],
      );
      assert.equal(audit.find((r: Json) => r.entityId === String(seedId)).action, 'plan.import', 'the seed import is audited too');
    });

    it('refuses to replace a plan that is already being run, so its history and reports survive', async () => {
      const plan = (await t.app.inject(`/api/plans/${seedId}`)).json();
      const action = plan.schedule[0].actions[0];
      const upd = await t.app.inject({ method: 'PATCH', url: `/api/actions/${action.id}`, headers: manager.headers, payload: { status: 'on_track', progress: 10 } });
      assert.equal(upd.statusCode, 200);
      const before = await counts();
      const res = await send('/api/plans/import', manager, [doc(seedText()), { name: 'replace', value: 'true' }]);
      assert.equal(res.statusCode, 409);
      assert.match(res.json().error.message.en, /already being run/);
      assert.deepEqual(await counts(), before);
      assert.equal((await t.app.inject(`/api/plans/${seedId}`)).statusCode, 200);
    });

    it('edits the header field by field, audited; refuses bad values and clashes, and other roles', async () => {
      const res = await patch(seedId, manager, { title: '전북금융중심지 지정 협력 및 기반 구축(수정)', effects: ['금융산업 육성 기반 마련'] });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().title, '전북금융중심지 지정 협력 및 기반 구축(수정)');
      assert.deepEqual(res.json().effects, ['금융산업 육성 기반 마련']);
      assert.equal(res.json().pledge, '100만 통합 전주 광역도시 생활권 조성', 'untouched fields stay');
      const audit = (await t.app.inject({ url: `/api/audit?action=plan.update&entityId=${seedId}`, headers: manager.headers })).json().items[0];
      assert.equal(audit.before.title, '전북금융중심지 지정을 위한 협력 및 기반 구축');
      assert.equal(audit.after.title, '전북금융중심지 지정 협력 및 기반 구축(수정)');

      const before = await counts();
      const cases: [object, number, string][] = [
        [{ period: { start: 2026, end: 2022 } }, 400, 'period.end'],
        [{ title: '' }, 400, 'title'],
        [{ number: 0 }, 400, 'number'],
        [{ number: 'ten' }, 400, 'number'],
        [{ effects: 'one' }, 400, 'effects'],
        [{}, 400, 'body'],
        [{ category: '경제', number: 7 }, 409, 'number'],
      ];
      for (const [payload, status, field] of cases) {
        const r = await patch(seedId, manager, payload);
        assert.equal(r.statusCode, status, `${JSON.stringify(payload)}: ${r.body}`);
        assert.ok(
          r.json().error.fields.some((f: Json) => f.field === field),
          `${field}: ${r.body}`,
        );
      }
      assert.equal((await patch(seedId, officer, { title: 'x' })).statusCode, 403);
      assert.equal((await patch(seedId, null, { title: 'x' })).statusCode, 401);
      assert.equal((await patch(999999, manager, { title: 'x' })).statusCode, 404);
      assert.equal((await send('/api/plans/import/preview', officer, [doc(seedText())])).statusCode, 403);
      assert.deepEqual(await counts(), before);
    });
  });
}
