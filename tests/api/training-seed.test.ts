/** The example training cohort (finhub seed-training-example): the whole chain, once, with the figures it yields. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedTrainingExample } from '../../src/modules/training/seed.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { staffSession } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';

for (const kind of DB_KINDS) {
  describe(`training example cohort (${kind})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(kind);
    });
    after(() => t.close());

    it('runs 14 applicants through selection, attendance, evaluation, certificates, placements and follow-up', async () => {
      const { created, figures } = await seedTrainingExample(t.database.db, { publicUrl: 'http://finhub.test' });
      assert.equal(created, true);
      assert.equal(figures.byCohort.length, 1);
      const c = figures.byCohort[0]!;
      console.log(`# example cohort figures (${kind}): ${JSON.stringify(c)}`);
      assert.deepEqual(
        { selected: c.selected, completed: c.completed, completionRate: c.completionRate, placed: c.placed, placementRate: c.placementRate },
        { selected: 10, completed: 8, completionRate: 80, placed: 5, placementRate: 62.5 },
      );
      assert.deepEqual({ followedUp: c.followedUp, retained: c.retained, retentionRate: c.retentionRate }, { followedUp: 5, retained: 4, retentionRate: 80 });
      assert.equal(figures.byTrack[0]!.track, 'pension_fund');

      const manager = await staffSession(t, 'manager');
      const list = await t.app.inject({ method: 'GET', url: `/api/training/cohorts/${c.cohortId}/applications`, headers: manager.headers });
      assert.equal(list.statusCode, 200, list.body);
      assert.deepEqual(list.json().cohort.counts, { submitted: 0, selected: 10, waitlisted: 2, rejected: 1, withdrawn: 1 });
      const items = list.json().items as { status: string; decisionReason: string; attendancePct: number; certificate: unknown }[];
      assert.equal(items[10]!.status, 'selected', 'the first on the waiting list moved up when no. 3 withdrew');
      assert.match(items[10]!.decisionReason, /대기/);
      assert.equal(items.filter((a) => a.certificate).length, 8);
      const sessions = await t.app.inject({ method: 'GET', url: `/api/training/cohorts/${c.cohortId}/sessions`, headers: manager.headers });
      assert.deepEqual(
        sessions.json().items.map((s: { present: number; absent: number }) => [s.present, s.absent]),
        [
          [10, 0],
          [9, 1],
          [9, 1],
          [10, 0],
        ],
      );
      const evaluation = await t.app.inject({ method: 'GET', url: `/api/training/cohorts/${c.cohortId}/evaluation`, headers: manager.headers });
      assert.equal(evaluation.json().responses, 7);
      assert.equal(evaluation.json().invited, 10);
      console.log(`# example cohort evaluation (${kind}): ${JSON.stringify(evaluation.json())}`);

      const again = await seedTrainingExample(t.database.db, { publicUrl: 'http://finhub.test' });
      assert.equal(again.created, false);
      assert.deepEqual(again.figures, figures);
    });
  });
}
