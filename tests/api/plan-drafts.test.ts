/**
 * Drafts with preview (issue 14): changes to actions that reach the public plan page are saved
 * as drafts, shown nowhere public, previewed by staff as the public page would read, and
 * published together in one audited transaction — on PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { createTestDepartment, ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import type { Json } from '../support/json.ts';
import { actionAt, countRows, planActions, RUNNING_TABLES, type SeedAction } from '../support/running.ts';

const TABLES = [...RUNNING_TABLES, 'plan_drafts'] as const;

for (const kind of DB_KINDS) {
  describe(`plan drafts on ${kind}`, () => {
    let t: TestApp;
    let planId: number;
    let actions: SeedAction[];
    let manager: Session;
    let officerA: Session;
    let officerB: Session;
    let viewer: Session;
    let deptA: number;

    const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });
    const counts = () => countRows(t, TABLES);
    const publicAction = async (id: number) => {
      const plan = (await call('GET', `/api/plans/${planId}`, null)).json();
      return plan.schedule.flatMap((e: Json) => e.actions).find((a: Json) => a.id === id);
    };

    before(async () => {
      t = await openTestApp(kind);
      planId = (await seedPlanIfEmpty(t.database.db))!;
      actions = await planActions(t, planId);
      deptA = (await createTestDepartment(t.database, '금융산업과')).id;
      manager = await staffSession(t, 'manager');
      officerA = await staffSession(t, 'officer', deptA);
      officerB = await staffSession(t, 'officer', (await createTestDepartment(t.database, '혁신도시과')).id);
      viewer = await staffSession(t, 'viewer');
    });
    after(() => t.close());

    it('saves two drafts that the public page does not show, previews them, and publishes them together, audited', async () => {
      const [a, b] = [actionAt(actions, 2024, 'Q1', 0), actionAt(actions, 2024, 'Q2', 0)];
      await call('PATCH', `/api/actions/${a.id}/assignment`, manager, { ownerDepartmentId: deptA });
      const publicBefore = (await call('GET', `/api/plans/${planId}`, null)).body;

      const da = await call('PUT', `/api/actions/${a.id}/draft`, officerA, { status: 'on_track', progress: 40, comment: '착수 보고' });
      assert.equal(da.statusCode, 200, da.body);
      assert.deepEqual([da.json().draft.status, da.json().draft.progress, da.json().draft.comment], ['on_track', 40, '착수 보고']);
      const db = await call('PUT', `/api/actions/${b.id}/draft`, manager, { status: 'done', progress: 100 });
      assert.equal(db.statusCode, 200, db.body);

      // Nothing public moved: the plan, the action, its history.
      assert.equal((await call('GET', `/api/plans/${planId}`, null)).body, publicBefore);
      assert.deepEqual([(await publicAction(a.id)).status, (await publicAction(a.id)).progress], ['planned', 0]);
      assert.deepEqual((await call('GET', `/api/actions/${a.id}/history`, viewer)).json().items, []);

      const list = await call('GET', `/api/manage/plans/${planId}/drafts`, viewer);
      assert.equal(list.statusCode, 200, list.body);
      assert.deepEqual(
        list.json().items.map((d: Json) => [d.actionId, d.status, d.progress, d.published.status, d.updatedBy.email]),
        [
          [a.id, 'on_track', 40, 'planned', officerA.email],
          [b.id, 'done', 100, 'planned', manager.email],
        ],
      );

      const preview = await call('GET', `/api/manage/plans/${planId}/preview`, viewer);
      assert.equal(preview.statusCode, 200, preview.body);
      assert.match(String(preview.headers['cache-control']), /no-store/);
      const previewed = preview.json().plan.schedule.flatMap((e: Json) => e.actions);
      assert.deepEqual([previewed.find((x: Json) => x.id === a.id).status, previewed.find((x: Json) => x.id === a.id).progress], ['on_track', 40]);
      assert.deepEqual([previewed.find((x: Json) => x.id === b.id).status, previewed.find((x: Json) => x.id === b.id).progress], ['done', 100]);
      assert.deepEqual(preview.json().drafted.sort(), [a.id, b.id].sort());
      assert.ok(preview.json().plan.figures.overall.done > JSON.parse(publicBefore).figures.overall.done, 'the preview’s figures count the drafts');
      assert.equal((await call('GET', `/api/manage/plans/${planId}/preview`, null)).statusCode, 401);

      // Publishing: managers only.
      assert.equal((await call('POST', `/api/manage/plans/${planId}/drafts/publish`, officerA)).statusCode, 403);
      const published = await call('POST', `/api/manage/plans/${planId}/drafts/publish`, manager);
      assert.equal(published.statusCode, 200, published.body);
      assert.deepEqual(published.json(), { published: 2 });
      assert.deepEqual([(await publicAction(a.id)).status, (await publicAction(a.id)).progress], ['on_track', 40]);
      assert.deepEqual([(await publicAction(b.id)).status, (await publicAction(b.id)).progress], ['done', 100]);
      const history = (await call('GET', `/api/actions/${a.id}/history`, viewer)).json().items;
      assert.deepEqual([history[0].statusAfter, history[0].progressAfter, history[0].comment], ['on_track', 40, '착수 보고']);
      assert.deepEqual((await call('GET', `/api/manage/plans/${planId}/drafts`, viewer)).json().items, []);

      const audit = (await call('GET', `/api/audit?action=plan.drafts.publish&entityId=${planId}`, manager)).json().items;
      assert.equal(audit.length, 1);
      assert.equal(audit[0].actorEmail, manager.email);
      assert.deepEqual(
        audit[0].after.actions.map((x: Json) => x.id),
        [a.id, b.id],
      );
      const updates = (await call('GET', `/api/audit?action=action.update&entity=action&entityId=${b.id}`, manager)).json().items;
      assert.equal(updates.length, 1, 'each published draft is an audited action update');
      const drafted = (await call('GET', `/api/audit?action=action.draft&entityId=${a.id}`, manager)).json().items;
      assert.equal(drafted[0].actorEmail, officerA.email);

      // Nothing left: publishing again writes nothing.
      const before2 = await counts();
      assert.deepEqual((await call('POST', `/api/manage/plans/${planId}/drafts/publish`, manager)).json(), { published: 0 });
      assert.deepEqual(await counts(), before2);
    });

    it('checks a draft by the same rules as a save, keeps officers to their department, and discards', async () => {
      const c = actionAt(actions, 2024, 'Q3', 0);
      const before = await counts();
      const refused = await call('PUT', `/api/actions/${c.id}/draft`, manager, { status: 'done', progress: 30 });
      assert.equal(refused.statusCode, 422, refused.body);
      assert.equal(refused.json().error.code, 'DONE_NEEDS_FULL_PROGRESS');
      assert.equal(refused.json().error.fields[0].field, 'progress');
      const other = await call('PUT', `/api/actions/${c.id}/draft`, officerB, { progress: 10 });
      assert.equal(other.statusCode, 403);
      assert.equal(other.json().error.code, 'OTHER_DEPARTMENT');
      assert.equal((await call('PUT', `/api/actions/${c.id}/draft`, viewer, { progress: 10 })).statusCode, 403);
      assert.equal((await call('PUT', `/api/actions/${c.id}/draft`, manager, {})).statusCode, 400);
      assert.equal((await call('PUT', '/api/actions/999999/draft', manager, { progress: 10 })).statusCode, 404);
      assert.deepEqual(await counts(), before, 'nothing written');

      // A draft equal to the published values is no draft; a second save replaces the first (merging).
      assert.deepEqual((await call('PUT', `/api/actions/${c.id}/draft`, manager, { status: 'planned', progress: 0 })).json(), { draft: null });
      await call('PUT', `/api/actions/${c.id}/draft`, manager, { status: 'on_track' });
      const merged = (await call('PUT', `/api/actions/${c.id}/draft`, manager, { progress: 20 })).json().draft;
      assert.deepEqual([merged.status, merged.progress], ['on_track', 20]);

      const gone = await call('DELETE', `/api/actions/${c.id}/draft`, manager);
      assert.equal(gone.statusCode, 204);
      assert.deepEqual((await call('GET', `/api/manage/plans/${planId}/drafts`, viewer)).json().items, []);
      const audit = (await call('GET', `/api/audit?action=action.draft.discard&entityId=${c.id}`, manager)).json().items;
      assert.deepEqual([audit[0].before.status, audit[0].before.progress], ['on_track', 20]);
    });

    it('publishes none when one draft no longer fits, naming it', async () => {
      const [d, e] = [actionAt(actions, 2023, 'Q3', 0), actionAt(actions, 2023, 'Q3', 1)];
      await call('PUT', `/api/actions/${d.id}/draft`, manager, { status: 'on_track', progress: 50 });
      await call('PUT', `/api/actions/${e.id}/draft`, manager, { progress: 60 });
      // Meanwhile e is marked done directly: its draft (progress 60) would leave it done at 60%.
      assert.equal((await call('PATCH', `/api/actions/${e.id}`, manager, { status: 'done', progress: 100 })).statusCode, 200);
      const before = await counts();
      const res = await call('POST', `/api/manage/plans/${planId}/drafts/publish`, manager);
      assert.equal(res.statusCode, 422, res.body);
      assert.equal(res.json().error.code, 'DONE_NEEDS_FULL_PROGRESS');
      assert.match(res.json().error.message.ko, /초안: /);
      assert.equal(res.json().error.fields[0].field, `drafts.${e.id}.progress`);
      assert.deepEqual(await counts(), before, 'nothing published');
      assert.equal((await publicAction(d.id)).status, 'planned');
    });
  });
}
