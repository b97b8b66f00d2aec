/**
 * GET /api/plans/figures (the staff dashboard): every plan's 이행률, 완료율 and budget totals,
 * summed in SQL, equal what each plan's full view (GET /api/plans/:id) computes — with statuses
 * and progress of every kind, a dropped action, a measure-bound action and executions — on
 * PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parsePlanFile } from '../../src/modules/plan/importer/parse.ts';
import { registerMeasure } from '../../src/modules/plan/measures.ts';
import { SEED_PLAN_FILE, seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { importPlan } from '../../src/modules/plan/service.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import { planActions } from '../support/running.ts';
import type { Json } from '../support/json.ts';

for (const kind of DB_KINDS) {
  describe(`plan figures for the staff dashboard on ${kind}`, () => {
    let t: TestApp;
    let manager: Session;
    let viewer: Session;
    let planIds: number[];
    const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });

    before(async () => {
      t = await openTestApp(kind);
      manager = await staffSession(t, 'manager');
      viewer = await staffSession(t, 'viewer');
      const first = (await seedPlanIfEmpty(t.database.db))!;
      const second = parsePlanFile(fs.readFileSync(SEED_PLAN_FILE));
      const { id } = await importPlan(t.database.db, { ...second, number: second.number + 1, title: `${second.title} (2)` });
      const empty = parsePlanFile(fs.readFileSync(SEED_PLAN_FILE));
      const third = await importPlan(t.database.db, { ...empty, number: empty.number + 2, schedule: [] });
      planIds = [first, id, third.id];
    });
    after(() => t.close());

    const compare = async () => {
      const res = await call('GET', '/api/plans/figures', viewer);
      assert.equal(res.statusCode, 200, res.body);
      const items = res.json().items as Json[];
      const list = (await call('GET', '/api/plans', null)).json().items as Json[];
      assert.deepEqual(
        items.map((i) => i.id),
        list.map((p) => p.id),
        'the plans, in the order of GET /api/plans',
      );
      for (const item of items) {
        const plan = (await call('GET', `/api/plans/${item.id}`, null)).json();
        assert.deepEqual(item.figures, plan.figures.overall, `figures of plan ${item.id}`);
        const { byYear: _byYear, ...totals } = plan.ledger;
        assert.deepEqual(item.ledger, totals, `ledger of plan ${item.id}`);
        for (const k of ['category', 'number', 'pledge', 'title']) assert.equal(item[k], plan[k]);
      }
      return items;
    };

    it('equals the full view on a fresh import (nothing done yet) and for a plan without actions', async () => {
      const items = await compare();
      const empty = items.find((i) => i.id === planIds[2])!;
      assert.deepEqual(empty.figures, { progressRate: null, completionRate: null, counted: 0, done: 0 });
    });

    it('equals the full view with every status, a dropped action, a measured action and executions', async () => {
      const unregister = registerMeasure({ key: `test.figures_${kind}`, label: { ko: '측정', en: 'Measured' }, unit: '회', measure: async () => 1 });
      try {
        const statuses = ['on_track', 'partly', 'done', 'done_continuing', 'on_hold', 'dropped', 'planned'];
        for (const planId of planIds.slice(0, 2)) {
          const actions = await planActions(t, planId);
          for (const [i, a] of actions.entries()) {
            if (i % 3 === 2) continue;
            const status = statuses[i % statuses.length]!;
            // Progress fits the status (the data rules): 100 when done, below 100 while planned or on track.
            const progress = status.startsWith('done') ? 100 : ['planned', 'on_track'].includes(status) ? (i * 37 + planId) % 100 : (i * 37 + planId) % 101;
            const res = await call('PATCH', `/api/actions/${a.id}`, manager, { status, progress });
            assert.equal(res.statusCode, 200, res.body);
          }
          const targeted = actions.find((a) => a.target !== null)!;
          const bound = await call('PATCH', `/api/actions/${targeted.id}/assignment`, manager, { measureKey: `test.figures_${kind}` });
          assert.equal(bound.statusCode, 200, bound.body);
          const ledger = (await call('GET', `/api/plans/${planId}/ledger`, viewer)).json();
          const row = ledger.rows.find((r: Json) => r.plannedKrw > 0)!;
          const put = await call('PUT', `/api/plans/${planId}/ledger/secured`, manager, { sourceLabel: row.sourceLabel, year: row.year, securedKrw: 12_345_678 });
          assert.equal(put.statusCode, 200, put.body);
          for (const amountKrw of [33_333_333, 1]) {
            const x = await call('POST', `/api/plans/${planId}/executions`, manager, {
              sourceLabel: row.sourceLabel,
              year: row.year,
              executedOn: `${row.year}-05-01`,
              amountKrw,
              description: '집행',
              // Beyond the 12,345,678원 secured: the explicit override.
              exceedSecured: true,
              overrideReason: '시험 자료',
            });
            assert.equal(x.statusCode, 201, x.body);
          }
        }
        const items = await compare();
        const first = items.find((i) => i.id === planIds[0])!;
        assert.ok(first.figures.progressRate !== null && first.figures.done > 0 && first.ledger.executedKrw === 33_333_334);
        assert.notDeepEqual(first.figures, items.find((i) => i.id === planIds[1])!.figures, 'the plans differ, so a mix-up would show');
      } finally {
        unregister();
      }
    });

    it('is for signed-in staff only', async () => {
      assert.equal((await call('GET', '/api/plans/figures', null)).statusCode, 401);
    });
  });
}
