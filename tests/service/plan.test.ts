/**
 * The plan module's rules, called directly on a real database (no HTTP): a plan is imported once
 * and replaced only while it is not being run (PLAN_EXISTS, PLAN_RUNNING); a quarter is reported
 * once (QUARTER_REPORTED); officers change only their department's actions (OTHER_DEPARTMENT);
 * a measure-bound action's progress is not typed (PROGRESS_FROM_MEASURE).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { count, eq, sql } from 'drizzle-orm';
import { createDepartment } from '../../src/modules/accounts/service.ts';
import { parsePlanFile } from '../../src/modules/plan/importer/parse.ts';
import { registerMeasure } from '../../src/modules/plan/measures.ts';
import { createReport, getReport } from '../../src/modules/plan/report-service.ts';
import { plans } from '../../src/modules/plan/schema.ts';
import { SEED_PLAN_FILE } from '../../src/modules/plan/seed.ts';
import { importPlan } from '../../src/modules/plan/service.ts';
import { assignAction, updateAction } from '../../src/modules/plan/tracking-service.ts';
import { quarterReports } from '../../src/modules/plan/tracking-schema.ts';
import { AppError, type ErrorCode } from '../../src/server/errors.ts';
import { DB_KINDS } from '../support/db.ts';
import { auditActions, openServiceTest, rows, staffActor, type ServiceTest } from '../support/service.ts';

async function refused(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof AppError, `an AppError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    return true;
  });
}

const seedPlan = () => parsePlanFile(fs.readFileSync(SEED_PLAN_FILE));

for (const kind of DB_KINDS) {
  describe(`plan services on ${kind}`, () => {
    let s: ServiceTest;
    before(async () => {
      s = await openServiceTest(kind);
    });
    after(() => s?.close());

    const planCount = async () => (await s.db.select({ n: count() }).from(plans))[0]!.n;
    /** The actions of a plan, in schedule order, with what the rules look at. */
    const actionsOf = (planId: number) =>
      rows<{ id: number; target_count: number | null; year: number }>(
        s.db,
        sql`select a.id, a.target_count, e.year from actions a join schedule_entries e on e.id = a.entry_id where e.plan_id = ${planId} order by e.position, a.position`,
      );

    it('imports a plan once; replacing it is allowed until it is run, then refused as PLAN_RUNNING with nothing changed', async () => {
      const first = await importPlan(s.db, seedPlan(), { actor: s.actor });
      assert.equal(first.replaced, false);
      await refused(importPlan(s.db, seedPlan(), { actor: s.actor }), 'PLAN_EXISTS');
      const replaced = await importPlan(s.db, seedPlan(), { actor: s.actor, replace: true });
      assert.equal(replaced.replaced, true);
      assert.notEqual(replaced.id, first.id);
      assert.equal(await planCount(), 1);
      assert.deepEqual(await auditActions(s.db, 'plan', replaced.id), ['plan.replace']);

      // Running it: one action's progress typed by a manager.
      const [action] = await actionsOf(replaced.id);
      await updateAction(s.db, s.actor, s.manager, action!.id, { status: 'on_track', progress: 40 });
      await refused(importPlan(s.db, seedPlan(), { actor: s.actor, replace: true }), 'PLAN_RUNNING');
      const [kept] = await s.db.select({ id: plans.id }).from(plans);
      assert.equal(kept!.id, replaced.id, 'the running plan is still the one');
      assert.equal(await planCount(), 1);
    });

    it('reports a quarter once, as a frozen snapshot; a second report is QUARTER_REPORTED', async () => {
      const [p] = await s.db.select({ id: plans.id, start: plans.periodStart }).from(plans);
      const year = p!.start;
      const first = await createReport(s.db, s.actor, s.manager.id, p!.id, year, 1);
      assert.equal(first.reported, true);
      assert.equal(first.reportedBy?.id, s.manager.id);
      await refused(createReport(s.db, s.actor, s.manager.id, p!.id, year, 1), 'QUARTER_REPORTED');
      const stored = await s.db.select().from(quarterReports).where(eq(quarterReports.planId, p!.id));
      assert.equal(stored.length, 1);
      assert.deepEqual(await getReport(s.db, p!.id, year, 1), first);
      // Out of the plan's period, or a quarter not begun: a field error, not a report.
      await assert.rejects(createReport(s.db, s.actor, s.manager.id, p!.id, year - 1, 1), (e: AppError) => e.code === 'VALIDATION_FAILED' && e.fields?.[0]?.field === 'year');
      await assert.rejects(
        createReport(s.db, s.actor, s.manager.id, p!.id, year, 2, new Date(Date.UTC(year, 0, 15))),
        (e: AppError) => e.code === 'VALIDATION_FAILED' && e.fields?.[0]?.field === 'quarter',
      );
    });

    it('an officer changes only the actions of their own department (OTHER_DEPARTMENT otherwise); history and audit follow', async () => {
      const [p] = await s.db.select({ id: plans.id }).from(plans);
      const [, action] = await actionsOf(p!.id);
      const mine = await createDepartment(s.db, s.actor, { name: '금융정책과' });
      const theirs = await createDepartment(s.db, s.actor, { name: '일자리정책과' });
      const officer = await staffActor(s.db, 'officer', mine.id);
      const outsider = await staffActor(s.db, 'officer', theirs.id);
      await refused(updateAction(s.db, officer.actor, officer.user, action!.id, { progress: 10 }), 'OTHER_DEPARTMENT'); // no owner yet
      await assignAction(s.db, s.actor, action!.id, { ownerDepartmentId: mine.id });
      await refused(updateAction(s.db, outsider.actor, outsider.user, action!.id, { progress: 10 }), 'OTHER_DEPARTMENT');
      const viewer = await staffActor(s.db, 'viewer');
      await refused(updateAction(s.db, viewer.actor, viewer.user, action!.id, { progress: 10 }), 'FORBIDDEN');
      const changed = await updateAction(s.db, officer.actor, officer.user, action!.id, { status: 'on_track', progress: 25, comment: '  착수  ' });
      assert.deepEqual([changed.status, changed.progress], ['on_track', 25]);
      const history = await rows<{ actor_id: number; progress_before: number; progress_after: number; comment: string }>(
        s.db,
        sql`select actor_id, progress_before, progress_after, comment from action_updates where action_id = ${action!.id}`,
      );
      assert.deepEqual(history, [{ actor_id: officer.user.id, progress_before: 0, progress_after: 25, comment: '착수' }]);
      assert.deepEqual(await auditActions(s.db, 'action', action!.id), ['action.assign', 'action.update']);
    });

    it('a measure-bound action takes its progress from the measure: typing it is PROGRESS_FROM_MEASURE', async () => {
      const [p] = await s.db.select({ id: plans.id }).from(plans);
      const target = (await actionsOf(p!.id)).find((a) => a.target_count !== null);
      assert.ok(target, 'the seed plan has an action with a numeric target');
      const unregister = registerMeasure({ key: 'test.service_measure', label: { ko: '시험', en: 'Test' }, unit: '회', measure: async () => 1 });
      try {
        await assignAction(s.db, s.actor, target.id, { measureKey: 'test.service_measure' });
        await refused(updateAction(s.db, s.actor, s.manager, target.id, { progress: 50 }), 'PROGRESS_FROM_MEASURE');
        // The status alone may still be set.
        const done = await updateAction(s.db, s.actor, s.manager, target.id, { status: 'on_track' });
        assert.equal(done.status, 'on_track');
        assert.deepEqual([done.progressSource, done.measured], ['measure', 1]);
      } finally {
        unregister();
      }
    });
  });
}
