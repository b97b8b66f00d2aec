/**
 * The training measures drive the plan's training actions: a manager binds "training.completions"
 * to "금융전문인력 양성 계획 수립 및 분야별 전문인력 양성" ('23 Q2) and "training.placements" to
 * "금융전문인력양성 교육평가 및 일자리 연계방안 논의" ('23 Q4), giving numeric targets the plan's text
 * lacks, and the plan page shows the measured progress.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import type { Json } from '../support/json.ts';
import { planActions, type SeedAction } from '../support/running.ts';

for (const kind of DB_KINDS) {
  describe(`training measures on the plan (${kind})`, () => {
    let t: TestApp;
    let manager: Session;
    let planId: number;
    let actions: SeedAction[];
    const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });

    before(async () => {
      t = await openTestApp(kind);
      manager = await staffSession(t, 'manager');
      planId = (await seedPlanIfEmpty(t.database.db))!;
      actions = await planActions(t, planId);
    });
    after(() => t.close());

    it('binds the completions and placements measures to the training actions and sees measured progress', async () => {
      const training = actions.find((a) => a.year === 2023 && a.period === 'Q2' && /금융전문인력 양성 계획 수립/.test(a.text))!;
      const linkage = actions.find((a) => a.year === 2023 && a.period === 'Q4' && /일자리 연계방안/.test(a.text))!;
      assert.ok(training && linkage, 'the seeded plan has both training actions');
      assert.equal(training.target, null, 'the plan gives no numeric target');

      // A cohort that ended in May 2023, two graduates; one placed in November 2023.
      const course = await call('POST', '/api/training/courses', manager, {
        track: 'asset_management',
        title: { ko: '자산운용 기초', en: 'Asset management basics' },
        hours: 8,
        minAttendancePct: 50,
        minScore: 60,
      });
      const cohort = await call('POST', '/api/training/cohorts', manager, {
        courseId: course.json().id,
        name: '2023년 1기',
        startsOn: '2023-05-01',
        endsOn: '2023-05-31',
        capacity: 5,
        applyOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
        applyClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
        criteria: { ko: '누구나', en: 'Anyone' },
        documents: { ko: '이력서', en: 'CV' },
      });
      assert.equal(cohort.statusCode, 201, cohort.body);
      const cohortId = cohort.json().id;
      for (const [name, phone] of [
        ['가나다', '010-4100-0001'],
        ['라마바', '010-4100-0002'],
      ]) {
        const r = await call('POST', `/api/training/cohorts/${cohortId}/applications`, null, { name, phone, statement: '지원', consent: true, referralConsent: true });
        assert.equal(r.statusCode, 201, r.body);
      }
      const apps = (await call('GET', `/api/training/cohorts/${cohortId}/applications`, manager)).json().items as { id: number }[];
      for (const a of apps) assert.equal((await call('POST', `/api/training/applications/${a.id}/decision`, manager, { decision: 'selected', reason: '선발' })).statusCode, 200);
      const session = await call('POST', `/api/training/cohorts/${cohortId}/sessions`, manager, {
        title: { ko: '1회차', en: 'Session 1' },
        startsAt: '2023-05-02T10:00:00+09:00',
        endsAt: '2023-05-02T17:00:00+09:00',
        room: '교육장',
      });
      await call('PUT', `/api/training/sessions/${session.json().id}/attendance`, manager, { items: apps.map((a) => ({ applicationId: a.id, status: 'present' })) });
      await call('PUT', `/api/training/cohorts/${cohortId}/scores`, manager, { items: apps.map((a) => ({ applicationId: a.id, post: 80 })) });
      const issued = await call('POST', `/api/training/cohorts/${cohortId}/certificates`, manager);
      assert.equal(issued.json().issued.length, 2);
      assert.equal(issued.json().issued[0].completedOn, '2023-05-31');
      const employer = await call('POST', '/api/training/employers', manager, { name: { ko: '전북은행', en: 'Jeonbuk Bank' }, kind: 'partner' });
      const placed = await call('POST', '/api/training/placements', manager, {
        applicationId: apps[0]!.id,
        employerId: employer.json().id,
        jobTitle: '자산관리',
        startedOn: '2023-11-01',
      });
      assert.equal(placed.statusCode, 201, placed.body);

      const bind = await call('PATCH', `/api/actions/${training.id}/assignment`, manager, { measureKey: 'training.completions', target: { count: 4, unit: '명' } });
      assert.equal(bind.statusCode, 200, bind.body);
      assert.deepEqual([bind.json().measured, bind.json().progress, bind.json().progressSource], [2, 50, 'measure']);
      const bind2 = await call('PATCH', `/api/actions/${linkage.id}/assignment`, manager, { measureKey: 'training.placements', target: { count: 1, unit: '명' } });
      assert.equal(bind2.statusCode, 200, bind2.body);
      assert.deepEqual([bind2.json().measured, bind2.json().progress], [1, 100]);

      const plan = (await call('GET', `/api/manage/plans/${planId}`, manager)).json();
      const shown = plan.schedule.flatMap((e: Json) => e.actions).find((a: Json) => a.id === training.id);
      assert.deepEqual([shown.measureKey, shown.measured, shown.progress, shown.progressSource], ['training.completions', 2, 50, 'measure']);
      const publicPlan = (await call('GET', `/api/plans/${planId}`, null)).json();
      assert.equal(publicPlan.schedule.flatMap((e: Json) => e.actions).find((a: Json) => a.id === training.id).progress, 50);

      // A revoked certificate no longer counts.
      const certId = issued.json().issued[1].id;
      await call('POST', `/api/training/certificates/${certId}/revoke`, manager, { reason: '오류' });
      const after = (await call('GET', `/api/manage/plans/${planId}`, manager)).json();
      assert.equal(after.schedule.flatMap((e: Json) => e.actions).find((a: Json) => a.id === training.id).measured, 1);
    });
  });
}
