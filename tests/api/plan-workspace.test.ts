/**
 * The plan workspace's API: the filtered action list (year, quarter, department, status, mine,
 * overdue) and the one-action view; on both databases.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listActions } from '../../src/modules/plan/action-list.ts';
import { seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { createTestDepartment, ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import type { Json } from '../support/json.ts';
import { actionAt, planActions, type SeedAction } from '../support/running.ts';

for (const kind of DB_KINDS) {
  describe(`plan workspace on ${kind}`, () => {
    let t: TestApp;
    let planId: number;
    let actions: SeedAction[];
    let deptA: number;
    let deptB: number;
    let manager: Session;
    let officerA: Session;
    let viewer: Session;

    const call = (method: 'GET' | 'PATCH' | 'POST' | 'PUT' | 'DELETE', url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });
    const list = async (query: string, who: Session = viewer) => {
      const res = await call('GET', `/api/manage/plans/${planId}/actions${query}`, who);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { items: Json[]; total: number; years: number[] };
    };
    const ids = (items: Json[]) => items.map((i) => i.id as number);

    before(async () => {
      t = await openTestApp(kind);
      planId = (await seedPlanIfEmpty(t.database.db))!;
      actions = await planActions(t, planId);
      deptA = (await createTestDepartment(t.database, '금융산업과')).id;
      deptB = (await createTestDepartment(t.database, '혁신도시과')).id;
      manager = await staffSession(t, 'manager');
      officerA = await staffSession(t, 'officer', deptA);
      viewer = await staffSession(t, 'viewer');
      await call('PATCH', `/api/actions/${actionAt(actions, 2023, 'Q3', 0).id}/assignment`, manager, { ownerDepartmentId: deptA });
      await call('PATCH', `/api/actions/${actionAt(actions, 2023, 'Q3', 2).id}/assignment`, manager, { ownerDepartmentId: deptA });
      await call('PATCH', `/api/actions/${actionAt(actions, 2024, 'Q1', 0).id}/assignment`, manager, { ownerDepartmentId: deptB });
    });
    after(() => t.close());

    it('lists every action as a compact row, in plan order, with the plan’s years', async () => {
      const all = await list('');
      assert.equal(all.total, actions.length);
      assert.deepEqual(ids(all.items), ids(actions as unknown as Json[]));
      assert.deepEqual(all.years, [2022, 2023, 2024, 2025, 2026]);
      const row = all.items[0]!;
      assert.deepEqual(Object.keys(row).sort(), [
        'id',
        'overdue',
        'ownerDepartmentId',
        'period',
        'planId',
        'progress',
        'progressSource',
        'status',
        'target',
        'text',
        'updatedAt',
        'year',
      ]);
      assert.equal(row.evidence, undefined, 'rows carry no evidence, history or forms');
    });

    it('filters by year and by quarter (a half or the whole year covers its quarters)', async () => {
      const y2023 = await list('?year=2023');
      assert.deepEqual(ids(y2023.items), ids(actions.filter((a) => a.year === 2023) as unknown as Json[]));
      const q3 = await list('?year=2023&quarter=3');
      assert.deepEqual(ids(q3.items), ids(actions.filter((a) => a.year === 2023 && a.period === 'Q3') as unknown as Json[]));
      assert.equal(q3.total, actions.length, 'total counts the whole plan');
      const h1 = await list('?year=2026&quarter=2');
      assert.deepEqual(ids(h1.items), ids(actions.filter((a) => a.year === 2026) as unknown as Json[]), '2026 H1 covers Q2');
      assert.deepEqual((await list('?year=2026&quarter=3')).items, [], 'nothing in 2026 Q3');
    });

    it('filters by department, unassigned, status and "mine"', async () => {
      const a = await list(`?department=${deptA}`);
      assert.deepEqual(ids(a.items), [actionAt(actions, 2023, 'Q3', 0).id, actionAt(actions, 2023, 'Q3', 2).id]);
      const none = await list('?department=none');
      assert.equal(none.items.length, actions.length - 3);
      assert.ok(none.items.every((i) => i.ownerDepartmentId === null));
      const mine = await list('?mine=true', officerA);
      assert.deepEqual(ids(mine.items), ids(a.items), 'an officer’s "mine" is their department’s actions');
      assert.deepEqual((await list('?mine=true', manager)).items, [], 'a user without a department has no actions of their own');
      const target = actionAt(actions, 2023, 'Q3', 2);
      const saved = await call('PATCH', `/api/actions/${target.id}`, officerA, { status: 'on_track', progress: 30 });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.deepEqual(ids((await list('?status=on_track')).items), [target.id]);
      assert.deepEqual(ids((await list(`?status=on_track&mine=true&year=2023&quarter=3&department=${deptA}`, officerA)).items), [target.id], 'filters combine');
      assert.deepEqual((await list(`?status=on_track&department=${deptB}`)).items, []);
    });

    it('marks and filters overdue actions: period ended (Seoul) and not done, continuing or dropped (on hold still counts)', async () => {
      const done = actionAt(actions, 2022, 'Q3', 0);
      const held = actionAt(actions, 2022, 'Q3', 1);
      assert.equal((await call('PATCH', `/api/actions/${done.id}`, manager, { status: 'done', progress: 100 })).statusCode, 200);
      assert.equal((await call('PATCH', `/api/actions/${held.id}`, manager, { status: 'dropped' })).statusCode, 200);
      const paused = actionAt(actions, 2022, 'Q4', 0);
      assert.equal((await call('PATCH', `/api/actions/${paused.id}`, manager, { status: 'on_hold' })).statusCode, 200);
      const user = { id: 0, email: 'x', name: 'x', role: 'viewer', departmentId: null } as never;
      // At the start of 2023 Q4 (Seoul): 2022's and 2023 Q1–Q3's actions have ended; Q4 has not.
      const at = new Date('2023-09-30T15:00:00Z');
      const overdue = await listActions(t.database.db, planId, { overdue: true }, user, at);
      const expected = actions.filter((a) => (a.year === 2022 || (a.year === 2023 && a.period !== 'Q4')) && a.id !== done.id && a.id !== held.id);
      assert.deepEqual(ids(overdue.items as unknown as Json[]), ids(expected as unknown as Json[]));
      assert.ok(overdue.items.every((i) => i.overdue));
      const justBefore = await listActions(t.database.db, planId, { overdue: true, year: 2023, quarter: 3 }, user, new Date('2023-09-30T14:59:59Z'));
      assert.deepEqual(justBefore.items, [], 'Q3 2023 ends at midnight Seoul time');
      const rows = (await list('?year=2022')).items;
      assert.deepEqual(
        rows.map((r) => [r.id, r.overdue]),
        actions.filter((a) => a.year === 2022).map((a) => [a.id, a.id !== done.id && a.id !== held.id]),
      );
      assert.ok(!ids((await list('?overdue=true')).items).includes(done.id));
    });

    it('refuses a bad filter naming it, in Korean and English', async () => {
      for (const [query, field] of [
        ['?quarter=5', 'quarter'],
        ['?year=20x3', 'year'],
        ['?status=finished', 'status'],
        ['?department=0', 'department'],
        ['?mine=yes', 'mine'],
        ['?overdue=1', 'overdue'],
        ['?colour=red', 'querystring'],
      ] as const) {
        const res = await call('GET', `/api/manage/plans/${planId}/actions${query}`, viewer);
        assert.equal(res.statusCode, 400, query);
        const { error } = res.json();
        assert.ok(error.message.ko && error.message.en);
        assert.ok(
          error.fields.some((f: Json) => String(f.field).includes(field)),
          `${query} → ${JSON.stringify(error.fields)}`,
        );
      }
      assert.equal((await call('GET', `/api/manage/plans/999999/actions`, viewer)).statusCode, 404);
      assert.equal((await call('GET', `/api/manage/plans/${planId}/actions`, null)).statusCode, 401);
    });

    it('gives one action with its year, period, goals and evidence for the editor', async () => {
      const a = actionAt(actions, 2023, 'Q3', 0);
      const res = await call('GET', `/api/actions/${a.id}`, viewer);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.deepEqual([body.id, body.planId, body.year, body.period, body.ownerDepartmentId], [a.id, planId, 2023, 'Q3', deptA]);
      assert.deepEqual(body.goals, ['생활인프라 조성으로 금융생태계 여건 마련']);
      assert.deepEqual(body.evidence, []);
      assert.equal((await call('GET', '/api/actions/999999', viewer)).statusCode, 404);
      assert.equal((await call('GET', `/api/actions/${a.id}`, null)).statusCode, 401);
    });
  });
}
