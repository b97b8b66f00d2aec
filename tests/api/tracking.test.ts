/** Running actions: status and progress with history and audit, department rules, figures, measures. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { figuresOf } from '../../src/modules/plan/figures.ts';
import { registerMeasure, type MeasureContext } from '../../src/modules/plan/measures.ts';
import { seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { createTestDepartment, ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import { actionAt, countRows, planActions, RUNNING_TABLES, type SeedAction } from '../support/running.ts';
import type { Json } from '../support/json.ts';

for (const kind of DB_KINDS) {
  describe(`running actions on ${kind}`, () => {
    let t: TestApp;
    let planId: number;
    let actions: SeedAction[];
    let deptA: number;
    let deptB: number;
    let manager: Session;
    let officerA: Session;
    let officerB: Session;
    let viewer: Session;
    let partner: Session;

    const call = (method: 'GET' | 'PATCH' | 'POST', url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });
    const counts = () => countRows(t, RUNNING_TABLES);

    before(async () => {
      t = await openTestApp(kind);
      planId = (await seedPlanIfEmpty(t.database.db))!;
      actions = await planActions(t, planId);
      deptA = (await createTestDepartment(t.database, '금융산업과')).id;
      deptB = (await createTestDepartment(t.database, '혁신도시과')).id;
      manager = await staffSession(t, 'manager');
      officerA = await staffSession(t, 'officer', deptA);
      officerB = await staffSession(t, 'officer', deptB);
      viewer = await staffSession(t, 'viewer');
      partner = await staffSession(t, 'partner', deptA);
    });
    after(() => t.close());

    it('lets a manager assign an action; then only that department’s officer may update it', async () => {
      const action = actionAt(actions, 2023, 'Q3', 0);
      const assigned = await call('PATCH', `/api/actions/${action.id}/assignment`, manager, { ownerDepartmentId: deptA });
      assert.equal(assigned.statusCode, 200, assigned.body);
      assert.equal(assigned.json().ownerDepartmentId, deptA);

      const ok = await call('PATCH', `/api/actions/${action.id}`, officerA, { status: 'on_track', progress: 40, comment: '체육센터 착공 확인' });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual([ok.json().status, ok.json().progress, ok.json().progressSource], ['on_track', 40, 'manual']);

      const before = await counts();
      const other = await call('PATCH', `/api/actions/${action.id}`, officerB, { progress: 90 });
      assert.equal(other.statusCode, 403);
      assert.equal(other.json().error.code, 'OTHER_DEPARTMENT');
      assert.match(other.json().error.message.ko, /부서/);
      assert.match(other.json().error.message.en, /department/);
      const unassigned = await call('PATCH', `/api/actions/${actionAt(actions, 2023, 'Q3', 1).id}`, officerA, { progress: 10 });
      assert.equal(unassigned.statusCode, 403, 'an action without an owner is the managers’');
      assert.equal((await call('PATCH', `/api/actions/${action.id}`, viewer, { progress: 90 })).statusCode, 403);
      assert.equal((await call('PATCH', `/api/actions/${action.id}`, partner, { progress: 90 })).statusCode, 403);
      assert.equal((await call('PATCH', `/api/actions/${action.id}`, null, { progress: 90 })).statusCode, 401);
      assert.equal((await call('PATCH', `/api/actions/${action.id}/assignment`, officerA, { ownerDepartmentId: deptB })).statusCode, 403);
      assert.deepEqual(await counts(), before, 'refused updates write nothing');
      const staff = (await call('GET', `/api/manage/plans/${planId}`, viewer)).json();
      const stored = staff.schedule.flatMap((e: Json) => e.actions).find((a: Json) => a.id === action.id);
      assert.deepEqual([stored.status, stored.progress, stored.ownerDepartmentId], ['on_track', 40, deptA]);
    });

    it('keeps every change in the history, newest first, with who and the comment, and audits it', async () => {
      const action = actionAt(actions, 2023, 'Q3', 0);
      await call('PATCH', `/api/actions/${action.id}`, manager, { status: 'done', progress: 100 });
      const res = await call('GET', `/api/actions/${action.id}/history`, viewer);
      assert.equal(res.statusCode, 200);
      const items = res.json().items;
      assert.equal(items.length, 2);
      assert.deepEqual(
        items.map((i: Json) => [i.statusBefore, i.statusAfter, i.progressBefore, i.progressAfter, i.comment, i.actor.email]),
        [
          ['on_track', 'done', 40, 100, null, manager.email],
          ['planned', 'on_track', 0, 40, '체육센터 착공 확인', officerA.email],
        ],
      );
      assert.ok(!Number.isNaN(Date.parse(items[0].at)));
      assert.equal((await call('GET', `/api/actions/${action.id}/history`, null)).statusCode, 401);

      const audit = (await call('GET', `/api/audit?entity=action&entityId=${action.id}`, manager)).json().items;
      assert.deepEqual(
        audit.map((r: Json) => [r.action, r.actorEmail]),
        [
          ['action.update', manager.email],
          ['action.update', officerA.email],
          ['action.assign', manager.email],
        ],
      );
      assert.deepEqual(audit[0].before, { status: 'on_track', progress: 40 });
      assert.deepEqual(audit[0].after, { status: 'done', progress: 100, comment: null });
    });

    it('writes the audit row in the same transaction: when it fails, the change and its history roll back', async () => {
      const action = actionAt(actions, 2023, 'Q3', 2);
      const before = await counts();
      await t.database.db.execute(sql`alter table audit_log add constraint test_refuse_action_update check (action <> 'action.update') not valid`);
      try {
        const res = await call('PATCH', `/api/actions/${action.id}`, manager, { status: 'partly', progress: 30 });
        assert.equal(res.statusCode, 500);
      } finally {
        await t.database.db.execute(sql`alter table audit_log drop constraint test_refuse_action_update`);
      }
      assert.deepEqual(await counts(), before);
      const history = (await call('GET', `/api/actions/${action.id}/history`, manager)).json().items;
      assert.deepEqual(history, []);
    });

    it('refuses bad input field by field, in Korean and English, and writes nothing', async () => {
      const action = actionAt(actions, 2023, 'Q4', 0);
      const before = await counts();
      const cases: [object, string][] = [
        [{ progress: 101 }, 'progress'],
        [{ progress: -1 }, 'progress'],
        [{ progress: 12.5 }, 'progress'],
        [{ progress: '50' }, 'progress'],
        [{ status: 'finished' }, 'status'],
        [{ comment: 'x'.repeat(2001) }, 'comment'],
        [{}, 'body'],
        [{ status: 'done', owner: 3 }, 'body'],
      ];
      for (const [payload, field] of cases) {
        const res = await call('PATCH', `/api/actions/${action.id}`, manager, payload);
        assert.equal(res.statusCode, 400, JSON.stringify(payload));
        const { error } = res.json();
        assert.equal(error.code, 'VALIDATION_FAILED');
        assert.ok(
          error.fields.some((f: Json) => f.field === field),
          `${JSON.stringify(payload)} → ${JSON.stringify(error.fields)}`,
        );
        assert.ok(error.message.ko && error.message.en);
      }
      const missing = await call('PATCH', '/api/actions/999999', manager, { status: 'done' });
      assert.equal(missing.statusCode, 404);
      assert.match(missing.json().error.message.ko, /찾을 수 없습니다/);
      const badAssign = [
        [{ ownerDepartmentId: 999999 }, 'ownerDepartmentId'],
        [{ measureKey: 'no.such.measure' }, 'measureKey'],
        [{ ownerDepartmentId: 'A' }, 'ownerDepartmentId'],
      ] as const;
      for (const [payload, field] of badAssign) {
        const res = await call('PATCH', `/api/actions/${action.id}/assignment`, manager, payload);
        assert.equal(res.statusCode, 400, JSON.stringify(payload));
        assert.equal(res.json().error.fields[0].field, field);
      }
      assert.deepEqual(await counts(), before);
    });

    it('shows the public status, progress and figures, computed from the actions, and nothing internal', async () => {
      await call('PATCH', `/api/actions/${actionAt(actions, 2023, 'Q3', 1).id}`, manager, { status: 'dropped', comment: '내부 메모: 예산 부족' });
      await call('PATCH', `/api/actions/${actionAt(actions, 2023, 'Q3', 2).id}`, manager, { status: 'done_continuing', progress: 100 });
      await call('PATCH', `/api/actions/${actionAt(actions, 2022, 'Q3', 0).id}`, manager, { status: 'partly', progress: 55 });
      const res = await call('GET', `/api/plans/${planId}`, null);
      assert.equal(res.statusCode, 200);
      const plan = res.json();
      const all = plan.schedule.flatMap((e: Json) => e.actions);
      const q3 = plan.schedule.find((e: Json) => e.year === 2023 && e.period === 'Q3');
      assert.deepEqual(
        q3.actions.map((a: Json) => [a.status, a.progress]),
        [
          ['done', 100],
          ['dropped', 0],
          ['done_continuing', 100],
        ],
      );
      // dropped is left out: 2 counted, both done
      assert.deepEqual(q3.figures, { progressRate: 100, completionRate: 100, counted: 2, done: 2 });
      assert.deepEqual(plan.figures.overall, figuresOf(all));
      assert.equal(plan.figures.overall.counted, all.length - 1);
      assert.equal(plan.figures.overall.done, 2);
      const y2023 = plan.figures.byYear.find((y: Json) => y.year === 2023);
      assert.deepEqual(y2023, { year: 2023, ...figuresOf(plan.schedule.filter((e: Json) => e.year === 2023).flatMap((e: Json) => e.actions)) });
      assert.deepEqual(
        plan.figures.byQuarter.find((q: Json) => q.year === 2023 && q.quarter === 3),
        { year: 2023, quarter: 3, ...q3.figures },
      );
      assert.equal(plan.figures.byQuarter.find((q: Json) => q.year === 2026).quarter, 2, 'H1 is due in Q2');

      const text = res.body;
      for (const internal of ['ownerDepartmentId', 'measureKey', 'measured', 'progressSource', 'comment', '내부 메모', 'updatedAt']) {
        assert.equal(text.includes(internal), false, `the public plan leaks ${internal}`);
      }
    });

    it('binds a registered measure to an action with a numeric target and computes its progress', async () => {
      let measured = 1;
      const seen: MeasureContext[] = [];
      const unregister = registerMeasure({
        key: `test.academy_sessions_${kind}`,
        label: { ko: '금융아카데미 개최 횟수', en: 'Academy sessions held' },
        unit: '회',
        measure: async (_db, ctx) => {
          seen.push(ctx);
          return measured;
        },
      });
      try {
        const key = `test.academy_sessions_${kind}`;
        const list = (await call('GET', '/api/measures', viewer)).json().items;
        assert.ok(list.some((m: Json) => m.key === key && m.unit === '회' && m.label.en === 'Academy sessions held'));

        const academy = actions.find((a) => a.year === 2022 && a.period === 'Q4' && a.target?.count === 2)!;
        assert.match(academy.text, /금융아카데미/);
        const noTarget = actionAt(actions, 2023, 'Q4', 0);
        const refused = await call('PATCH', `/api/actions/${noTarget.id}/assignment`, manager, { measureKey: key });
        assert.equal(refused.statusCode, 400);
        assert.equal(refused.json().error.fields[0].field, 'measureKey');
        assert.match(refused.json().error.fields[0].message.en, /numeric target/);

        // A manager gives the action a target while binding; clearing it while bound is refused.
        const given = await call('PATCH', `/api/actions/${noTarget.id}/assignment`, manager, { measureKey: key, target: { count: 4, unit: '회' } });
        assert.equal(given.statusCode, 200, given.body);
        assert.deepEqual([given.json().target, given.json().measured, given.json().progress, given.json().progressSource], [{ count: 4, unit: '회' }, 1, 25, 'measure']);
        const cleared = await call('PATCH', `/api/actions/${noTarget.id}/assignment`, manager, { target: null });
        assert.equal(cleared.statusCode, 400);
        assert.equal(cleared.json().error.fields[0].field, 'target');
        for (const bad of [
          { count: 0, unit: '회' },
          { count: 2, unit: '' },
          { count: 1.5, unit: '회' },
          { count: 2, unit: '회\u0000' },
        ]) {
          const res = await call('PATCH', `/api/actions/${noTarget.id}/assignment`, manager, { target: bad });
          assert.equal(res.statusCode, 400, JSON.stringify(bad));
          assert.match(res.json().error.fields[0].field, /^target/);
        }
        const unboundNoTarget = await call('PATCH', `/api/actions/${noTarget.id}/assignment`, manager, { measureKey: null, target: null });
        assert.deepEqual([unboundNoTarget.json().target, unboundNoTarget.json().progressSource], [null, 'manual']);

        const bound = await call('PATCH', `/api/actions/${academy.id}/assignment`, manager, { measureKey: key, ownerDepartmentId: deptA });
        assert.equal(bound.statusCode, 200, bound.body);
        assert.deepEqual([bound.json().measureKey, bound.json().measured, bound.json().progress, bound.json().progressSource], [key, 1, 50, 'measure']);
        // the action's schedule period (2022 Q4) in Asia/Seoul
        const ctx = seen.at(-1)!;
        assert.equal(ctx.actionId, academy.id);
        assert.equal(ctx.planId, planId);
        assert.equal(ctx.from.toISOString(), '2022-09-30T15:00:00.000Z');
        assert.equal(ctx.to.toISOString(), '2022-12-31T15:00:00.000Z');

        measured = 3;
        const pub = (await call('GET', `/api/plans/${planId}`, null)).json();
        const shown = pub.schedule.flatMap((e: Json) => e.actions).find((a: Json) => a.id === academy.id);
        assert.equal(shown.progress, 100, 'min(100, floor(3 / 2 × 100))');
        assert.deepEqual(pub.figures.overall, figuresOf(pub.schedule.flatMap((e: Json) => e.actions)));

        const before = await counts();
        const typed = await call('PATCH', `/api/actions/${academy.id}`, officerA, { progress: 20 });
        assert.equal(typed.statusCode, 409);
        assert.equal(typed.json().error.fields[0].field, 'progress');
        assert.deepEqual(await counts(), before);
        const status = await call('PATCH', `/api/actions/${academy.id}`, officerA, { status: 'done' });
        assert.equal(status.statusCode, 200);
        assert.deepEqual([status.json().status, status.json().progress], ['done', 100]);

        const unbound = await call('PATCH', `/api/actions/${academy.id}/assignment`, manager, { measureKey: null });
        assert.deepEqual([unbound.json().measureKey, unbound.json().measured, unbound.json().progress, unbound.json().progressSource], [null, null, 0, 'manual']);
      } finally {
        unregister();
      }
      assert.equal(
        (await call('GET', '/api/measures', viewer)).json().items.some((m: Json) => m.key.startsWith('test.')),
        false,
      );
      assert.equal((await call('GET', '/api/measures', null)).statusCode, 401);
    });

    it('gives staff the owners, measures and update times, and refuses the staff view to the public', async () => {
      const res = await call('GET', `/api/manage/plans/${planId}`, partner);
      assert.equal(res.statusCode, 200);
      const a = res.json().schedule[0].actions[0];
      for (const k of ['ownerDepartmentId', 'measureKey', 'measured', 'progressSource', 'updatedAt', 'evidence']) assert.ok(k in a, k);
      assert.ok(Array.isArray(res.json().warnings));
      assert.equal((await call('GET', `/api/manage/plans/${planId}`, null)).statusCode, 401);
      assert.equal((await call('GET', '/api/manage/plans/999999', viewer)).statusCode, 404);
    });
  });
}
