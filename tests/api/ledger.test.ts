/** The budget ledger (공약가계부): planned from the plan, secured and executed entered by managers; rates computed. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { createTestDepartment, ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import { countRows, RUNNING_TABLES } from '../support/running.ts';
import type { Json } from '../support/json.ts';

for (const kind of DB_KINDS) {
  describe(`budget ledger on ${kind}`, () => {
    let t: TestApp;
    let planId: number;
    let manager: Session;
    let officer: Session;
    let viewer: Session;

    const call = (method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });
    const counts = () => countRows(t, RUNNING_TABLES);

    before(async () => {
      t = await openTestApp(kind);
      planId = (await seedPlanIfEmpty(t.database.db))!;
      manager = await staffSession(t, 'manager');
      officer = await staffSession(t, 'officer', (await createTestDepartment(t.database)).id);
      viewer = await staffSession(t, 'viewer');
    });
    after(() => t.close());

    it('starts from the plan: planned per source and year within the term, nothing secured or executed', async () => {
      const res = await call('GET', `/api/plans/${planId}/ledger`, viewer);
      assert.equal(res.statusCode, 200);
      const ledger = res.json();
      assert.deepEqual(
        ledger.rows.map((r: Json) => [r.sourceLabel, r.source, r.year, r.plannedKrw, r.securedKrw, r.executedKrw, r.executionRate]),
        [
          ['시비', 'city', 2022, 230_000_000, 0, 0, 0],
          ['시비', 'city', 2023, 240_000_000, 0, 0, 0],
          ['시비', 'city', 2024, 230_000_000, 0, 0, 0],
          ['시비', 'city', 2025, 240_000_000, 0, 0, 0],
          ['시비', 'city', 2026, 230_000_000, 0, 0, 0],
        ],
      );
      assert.deepEqual(ledger.totals, { plannedKrw: 1_170_000_000, securedKrw: 0, executedKrw: 0, executionRate: 0 });
      assert.deepEqual(ledger.executions, []);
      assert.equal((await call('GET', `/api/plans/${planId}/ledger`, null)).statusCode, 401);
      assert.equal((await call('GET', '/api/plans/999999/ledger', viewer)).statusCode, 404);
    });

    it('records secured money and executions, and computes the execution rate against plan', async () => {
      const secured = await call('PUT', `/api/plans/${planId}/ledger/secured`, manager, { sourceLabel: '시비', year: 2023, securedKrw: 240_000_000 });
      assert.equal(secured.statusCode, 200, secured.body);
      assert.equal(secured.json().rows.find((r: Json) => r.year === 2023).securedKrw, 240_000_000);

      const x1 = await call('POST', `/api/plans/${planId}/executions`, manager, {
        sourceLabel: '시비',
        year: 2023,
        executedOn: '2023-08-10',
        amountKrw: 100_000_000,
        description: '제4회 지니포럼 개최 지원',
      });
      assert.equal(x1.statusCode, 201, x1.body);
      assert.deepEqual(
        [x1.json().sourceLabel, x1.json().year, x1.json().executedOn, x1.json().amountKrw, x1.json().createdBy.email],
        ['시비', 2023, '2023-08-10', 100_000_000, manager.email],
      );
      const x2 = await call('POST', `/api/plans/${planId}/executions`, manager, {
        sourceLabel: '시비',
        year: 2023,
        executedOn: '2023-11-20',
        amountKrw: 20_000_000,
        description: '  금융아카데미 강사료  ',
      });
      assert.equal(x2.json().description, '금융아카데미 강사료');

      const ledger = (await call('GET', `/api/plans/${planId}/ledger`, viewer)).json();
      const row2023 = ledger.rows.find((r: Json) => r.year === 2023);
      assert.deepEqual([row2023.executedKrw, row2023.executionRate], [120_000_000, 50]);
      assert.deepEqual(ledger.totals, { plannedKrw: 1_170_000_000, securedKrw: 240_000_000, executedKrw: 120_000_000, executionRate: 10.3 });
      assert.deepEqual(
        ledger.executions.map((x: Json) => x.executedOn),
        ['2023-08-10', '2023-11-20'],
      );

      // the public plan shows executed against planned, by year
      const pub = (await call('GET', `/api/plans/${planId}`, null)).json().ledger;
      assert.deepEqual([pub.plannedKrw, pub.securedKrw, pub.executedKrw, pub.executionRate], [1_170_000_000, 240_000_000, 120_000_000, 10.3]);
      assert.deepEqual(
        pub.byYear.find((y: Json) => y.year === 2023),
        { year: 2023, plannedKrw: 240_000_000, securedKrw: 240_000_000, executedKrw: 120_000_000, executionRate: 50 },
      );
      assert.equal(JSON.stringify(pub).includes('강사료'), false, 'execution descriptions are staff data');

      assert.equal((await call('DELETE', `/api/executions/${x2.json().id}`, manager)).statusCode, 204);
      assert.equal((await call('GET', `/api/plans/${planId}/ledger`, viewer)).json().totals.executedKrw, 100_000_000);

      const audit = (await call('GET', '/api/audit?entity=execution', manager)).json().items.map((r: Json) => r.action);
      assert.deepEqual(audit, ['execution.delete', 'execution.create', 'execution.create']);
      const securedAudit = (await call('GET', `/api/audit?action=ledger.secured&entityId=${planId}`, manager)).json().items;
      assert.deepEqual([securedAudit[0].before.securedKrw, securedAudit[0].after.securedKrw], [0, 240_000_000]);
    });

    it('refuses bad input field by field and writes nothing', async () => {
      const before = await counts();
      const good = { sourceLabel: '시비', year: 2023, executedOn: '2023-08-10', amountKrw: 1000, description: '집행' };
      const cases: [object, string][] = [
        [{ ...good, sourceLabel: '국비' }, 'sourceLabel'],
        [{ ...good, year: 2030 }, 'year'],
        [{ ...good, executedOn: '2023-02-30' }, 'executedOn'],
        [{ ...good, executedOn: '10/08/2023' }, 'executedOn'],
        [{ ...good, amountKrw: 0 }, 'amountKrw'],
        [{ ...good, amountKrw: -5 }, 'amountKrw'],
        [{ ...good, amountKrw: 1.5 }, 'amountKrw'],
        [{ ...good, amountKrw: '1000' }, 'amountKrw'],
        [{ ...good, description: '   ' }, 'description'],
        [{ ...good, description: undefined }, 'description'],
      ];
      for (const [payload, field] of cases) {
        const res = await call('POST', `/api/plans/${planId}/executions`, manager, payload);
        assert.equal(res.statusCode, 400, `${JSON.stringify(payload)}: ${res.body}`);
        assert.ok(
          res.json().error.fields.some((f: Json) => f.field === field),
          `${field}: ${JSON.stringify(res.json().error.fields)}`,
        );
        assert.ok(res.json().error.fields[0].message.ko && res.json().error.fields[0].message.en);
      }
      for (const [payload, field] of [
        [{ sourceLabel: '시비', year: 2023, securedKrw: -1 }, 'securedKrw'],
        [{ sourceLabel: '시비', year: 2021, securedKrw: 1 }, 'year'],
        [{ sourceLabel: '기타', year: 2023, securedKrw: 1 }, 'sourceLabel'],
      ] as const) {
        const res = await call('PUT', `/api/plans/${planId}/ledger/secured`, manager, payload);
        assert.equal(res.statusCode, 400, JSON.stringify(payload));
        assert.equal(res.json().error.fields[0].field, field);
      }
      assert.equal((await call('POST', '/api/plans/999999/executions', manager, good)).statusCode, 404);
      assert.equal((await call('DELETE', '/api/executions/999999', manager)).statusCode, 404);
      assert.deepEqual(await counts(), before);
    });

    it('lets managers only change the ledger', async () => {
      const before = await counts();
      const good = { sourceLabel: '시비', year: 2023, executedOn: '2023-08-10', amountKrw: 1000, description: '집행' };
      for (const who of [officer, viewer]) {
        assert.equal((await call('POST', `/api/plans/${planId}/executions`, who, good)).statusCode, 403);
        assert.equal((await call('PUT', `/api/plans/${planId}/ledger/secured`, who, { sourceLabel: '시비', year: 2023, securedKrw: 1 })).statusCode, 403);
        assert.equal((await call('DELETE', '/api/executions/1', who)).statusCode, 403);
      }
      assert.equal((await call('POST', `/api/plans/${planId}/executions`, null, good)).statusCode, 401);
      assert.deepEqual(await counts(), before);
    });
  });
}
