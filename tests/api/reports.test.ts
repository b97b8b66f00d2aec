/** Quarterly reports: live until reported, then a frozen snapshot that is never rewritten; XLSX download. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SYSTEM_ACTOR } from '../../src/modules/audit/service.ts';
import { createReport } from '../../src/modules/plan/report-service.ts';
import { seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { AppError } from '../../src/server/errors.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { createTestDepartment, ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import { readXlsx, type XlsxCell } from '../support/independent.ts';
import { actionAt, countRows, planActions, RUNNING_TABLES, type SeedAction } from '../support/running.ts';
import type { Json } from '../support/json.ts';

for (const kind of DB_KINDS) {
  describe(`quarterly reports on ${kind}`, () => {
    let t: TestApp;
    let planId: number;
    let actions: SeedAction[];
    let deptName: string;
    let manager: Session;
    let officer: Session;
    let viewer: Session;
    let frozen: Json;

    const call = (method: 'GET' | 'PATCH' | 'POST', url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });
    const counts = () => countRows(t, RUNNING_TABLES);

    before(async () => {
      t = await openTestApp(kind);
      planId = (await seedPlanIfEmpty(t.database.db))!;
      actions = await planActions(t, planId);
      const dept = await createTestDepartment(t.database, '금융산업과');
      deptName = dept.name;
      manager = await staffSession(t, 'manager');
      officer = await staffSession(t, 'officer', dept.id);
      viewer = await staffSession(t, 'viewer');

      const [forum, facilities, school] = [0, 1, 2].map((i) => actionAt(actions, 2023, 'Q3', i));
      await call('PATCH', `/api/actions/${forum!.id}/assignment`, manager, { ownerDepartmentId: dept.id });
      await call('PATCH', `/api/actions/${forum!.id}`, officer, { status: 'on_track', progress: 60 });
      await call('PATCH', `/api/actions/${facilities!.id}`, manager, { status: 'done', progress: 100 });
      await call('PATCH', `/api/actions/${school!.id}`, manager, { status: 'dropped' });
      await call('PATCH', `/api/actions/${actionAt(actions, 2023, 'Q1').id}`, manager, { status: 'done', progress: 100 });
      await call('POST', `/api/actions/${forum!.id}/links`, manager, { title: '지니포럼 보도자료', url: 'https://example.org/genie', published: true });
      await call('POST', `/api/actions/${forum!.id}/links`, manager, { title: '내부 검토 메모', url: 'https://example.org/memo' });
      for (const [executedOn, amountKrw] of [
        ['2023-05-02', 40_000_000],
        ['2023-08-10', 100_000_000],
        ['2023-11-20', 20_000_000],
      ] as const) {
        await call('POST', `/api/plans/${planId}/executions`, manager, {
          sourceLabel: '시비',
          year: 2023,
          executedOn,
          amountKrw,
          description: `집행 ${executedOn}`,
          exceedSecured: true,
          overrideReason: '시험 자료: 확보액 입력 전 집행',
        });
      }
    });
    after(() => t.close());

    it('computes an unreported quarter live: the entries due then, quarter, cumulative and overall figures, budget', async () => {
      const res = await call('GET', `/api/plans/${planId}/reports/2023/3`, viewer);
      assert.equal(res.statusCode, 200, res.body);
      const { reported, reportedAt, report } = res.json();
      assert.deepEqual([reported, reportedAt], [false, null]);
      assert.deepEqual(report.plan, {
        id: planId,
        title: '전북금융중심지 지정을 위한 협력 및 기반 구축',
        pledge: '100만 통합 전주 광역도시 생활권 조성',
        category: '도시',
        number: 10,
      });
      assert.deepEqual(
        report.entries.map((e: Json) => [e.year, e.period, e.actions.length]),
        [[2023, 'Q3', 3]],
      );
      const [forum] = report.entries[0].actions;
      assert.deepEqual([forum.status, forum.progress, forum.ownerDepartment.name], ['on_track', 60, deptName]);
      assert.deepEqual(
        forum.evidence.map((e: Json) => [e.title, e.kind, e.published]),
        [
          ['지니포럼 보도자료', 'link', true],
          ['내부 검토 메모', 'link', false],
        ],
      );
      // quarter: on_track 60 + done 100 (dropped left out) → 80 %, 1 of 2 done
      assert.deepEqual(report.figures.quarter, { progressRate: 80, completionRate: 50, counted: 2, done: 1 });
      // cumulative to 2023 Q3: 2022 Q3 (2) + Q4 (3) + 2023 Q1 (2) + Q2 (3) + Q3 (2 counted) = 12; done 2; progress 260/12
      assert.deepEqual(report.figures.cumulative, { progressRate: 21.7, completionRate: 16.7, counted: 12, done: 2 });
      assert.equal(report.figures.overall.counted, actions.length - 1);
      // budget: planned '22 + '23 = 4.7억; executed to 2023-09-30 = 1.4억; in the quarter 1.0억
      assert.deepEqual(
        [report.budget.plannedKrw, report.budget.executedKrw, report.budget.executionRate, report.budget.quarterExecutedKrw],
        [470_000_000, 140_000_000, 29.8, 100_000_000],
      );
      assert.deepEqual(
        report.budget.executions.map((x: Json) => x.executedOn),
        ['2023-08-10'],
      );
      const empty = (await call('GET', `/api/plans/${planId}/reports/2021/1`, viewer)).json().report;
      assert.deepEqual([empty.entries, empty.figures.quarter.progressRate], [[], null]);
    });

    it('reports a quarter once: a frozen snapshot, audited; a second report of it is refused with 409', async () => {
      const before = await counts();
      const res = await call('POST', `/api/plans/${planId}/reports`, manager, { year: 2023, quarter: 3 });
      assert.equal(res.statusCode, 201, res.body);
      frozen = res.json();
      assert.equal(frozen.reported, true);
      assert.ok(!Number.isNaN(Date.parse(frozen.reportedAt)));
      assert.equal(frozen.reportedBy.email, manager.email);
      assert.deepEqual(frozen.report.figures.quarter, { progressRate: 80, completionRate: 50, counted: 2, done: 1 });
      const after1 = await counts();
      assert.equal(after1.quarter_reports, before.quarter_reports! + 1);
      assert.equal(after1.audit_log, before.audit_log! + 1);

      const again = await call('POST', `/api/plans/${planId}/reports`, manager, { year: 2023, quarter: 3 });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'QUARTER_REPORTED');
      assert.match(again.json().error.message.ko, /이미 보고/);
      assert.match(again.json().error.message.en, /never rewritten/);
      assert.deepEqual(await counts(), after1);

      const list = (await call('GET', `/api/plans/${planId}/reports`, viewer)).json().items;
      assert.deepEqual(
        list.map((r: Json) => [r.year, r.quarter, r.reportedBy.email]),
        [[2023, 3, manager.email]],
      );
      const audit = (await call('GET', '/api/audit?entity=quarter_report', manager)).json().items;
      assert.deepEqual([audit[0].action, audit[0].after.year, audit[0].after.quarter], ['report.create', 2023, 3]);
    });

    it('keeps the reported snapshot as it was while the live figures move on', async () => {
      const forum = actionAt(actions, 2023, 'Q3', 0);
      await call('PATCH', `/api/actions/${forum.id}`, officer, { status: 'done', progress: 100, comment: '포럼 개최 완료' });
      await call('POST', `/api/plans/${planId}/executions`, manager, {
        sourceLabel: '시비',
        year: 2023,
        executedOn: '2023-09-01',
        amountKrw: 5_000_000,
        description: '추가 집행',
        exceedSecured: true,
        overrideReason: '시험 자료: 확보액 입력 전 집행',
      });
      await call('POST', `/api/actions/${forum.id}/links`, manager, { title: '결과 보고', url: 'https://example.org/result', published: true });

      const res = (await call('GET', `/api/plans/${planId}/reports/2023/3`, viewer)).json();
      assert.equal(res.reported, true);
      assert.deepEqual(res, frozen, 'the reported quarter is exactly what was reported');
      assert.equal(res.report.entries[0].actions[0].status, 'on_track');

      // the live state has moved: the public plan, and an unreported quarter
      const pub = (await call('GET', `/api/plans/${planId}`, null)).json();
      const liveQ3 = pub.figures.byQuarter.find((q: Json) => q.year === 2023 && q.quarter === 3);
      assert.deepEqual([liveQ3.progressRate, liveQ3.completionRate], [100, 100]);
      const q4 = (await call('GET', `/api/plans/${planId}/reports/2023/4`, viewer)).json();
      assert.equal(q4.reported, false);
      // 2023 Q4 adds 3 actions: 15 counted; progress 100 + 100 + 100 over 15 = 20 %; 3 done
      assert.deepEqual(q4.report.figures.cumulative, { progressRate: 20, completionRate: 20, counted: 15, done: 3 });
      assert.equal(q4.report.budget.executedKrw, 165_000_000);
    });

    it('refuses bad quarters, years outside the period, quarters not yet begun, and other roles — writing nothing', async () => {
      const before = await counts();
      for (const [payload, field] of [
        [{ year: 2023, quarter: 5 }, 'quarter'],
        [{ year: 2023, quarter: 0 }, 'quarter'],
        [{ year: 'x', quarter: 1 }, 'year'],
        [{ year: 2023 }, 'quarter'],
        [{ year: 2027, quarter: 1 }, 'year'],
        [{ year: 2021, quarter: 4 }, 'year'],
      ] as const) {
        const res = await call('POST', `/api/plans/${planId}/reports`, manager, payload);
        assert.equal(res.statusCode, 400, `${JSON.stringify(payload)}: ${res.body}`);
        assert.equal(res.json().error.fields[0].field, field);
      }
      await assert.rejects(
        createReport(t.database.db, SYSTEM_ACTOR, manager.userId, planId, 2023, 4, new Date('2023-09-30T14:59:00Z')),
        (e: unknown) => e instanceof AppError && e.code === 'VALIDATION_FAILED' && e.fields?.[0]?.field === 'quarter',
      );
      assert.equal((await call('POST', `/api/plans/${planId}/reports`, officer, { year: 2023, quarter: 2 })).statusCode, 403);
      assert.equal((await call('POST', `/api/plans/${planId}/reports`, viewer, { year: 2023, quarter: 2 })).statusCode, 403);
      assert.equal((await call('POST', `/api/plans/${planId}/reports`, null, { year: 2023, quarter: 2 })).statusCode, 401);
      assert.equal((await call('POST', '/api/plans/999999/reports', manager, { year: 2023, quarter: 2 })).statusCode, 404);
      assert.deepEqual(await counts(), before);

      for (const url of ['2023/5', '2023/0', '2023/x', '1999/1', '2023/3.csv']) {
        assert.equal((await call('GET', `/api/plans/${planId}/reports/${url}`, viewer)).statusCode, 400, url);
      }
      assert.equal((await call('GET', '/api/plans/999999/reports/2023/3', viewer)).statusCode, 404);
      assert.equal((await call('GET', `/api/plans/${planId}/reports/2023/3`, null)).statusCode, 401);
    });

    it('downloads a report as an XLSX workbook that openpyxl reads back: numbers, Seoul dates, empty cells', async () => {
      const res = await call('GET', `/api/plans/${planId}/reports/2023/3.xlsx`, viewer);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      assert.match(String(res.headers['content-disposition']), /^attachment; filename=".*2023-Q3\.xlsx"/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');

      const wb = readXlsx(res.rawPayload);
      assert.deepEqual(Object.keys(wb), ['요약 Summary', '추진계획 Actions', '예산 Budget']);
      const values = (row: XlsxCell[] | undefined) => (row ?? []).map((c) => c.value);
      const summary = wb['요약 Summary']!;
      const find = (label: string) => summary.find((r) => String(r[0]?.value ?? '').startsWith(label))!;
      assert.equal(summary[0]![0]!.value, '전북금융중심지 지정을 위한 협력 및 기반 구축');
      const state = find('상태');
      assert.equal(state[1]!.value, '보고됨 Reported');
      assert.equal(state[2]!.type, 'datetime', 'reported at: a date cell');
      assert.equal(state[2]!.format, 'yyyy-mm-dd hh:mm:ss');
      const reportedAt = (await call('GET', `/api/plans/${planId}/reports/2023/3`, viewer)).json().reportedAt as string;
      assert.equal(String(state[2]!.value).slice(0, 19), new Date(new Date(reportedAt).getTime() + 9 * 3_600_000).toISOString().slice(0, 19), 'Seoul wall clock');
      assert.equal(find('작성 시각')[1]!.type, 'datetime');
      assert.deepEqual(values(find('해당 분기')).slice(1, 5), [80, 50, 2, 1], 'the frozen quarter figures');
      assert.deepEqual(
        find('해당 분기')
          .slice(1, 5)
          .map((c) => c.type),
        ['int', 'int', 'int', 'int'],
      );
      assert.deepEqual(values(find('집행(분기 말까지)')).slice(1, 3), [1.4, 140_000_000], '억원 and 원');
      assert.equal(find('집행(분기 말까지)')[2]!.type, 'int');
      assert.equal(find('집행률')[1]!.value, 29.8);
      assert.equal(find('집행률')[1]!.type, 'float');

      const acts = wb['추진계획 Actions']!.slice(1);
      assert.equal(acts.length, 3);
      assert.deepEqual(values(acts[0]).slice(0, 2), [2023, '3분기 Q3']);
      assert.equal(acts[0]![0]!.type, 'int');
      assert.deepEqual(values(acts[0]).slice(6, 9), ['정상추진 / On track', 60, deptName]);
      assert.equal(acts[0]![7]!.type, 'int', 'progress: a number');
      assert.match(String(acts[0]![9]!.value), /지니포럼 보도자료\n내부 검토 메모 \(비공개 internal\)/);
      assert.equal(acts[2]![6]!.value, '폐기 / Dropped');
      for (const row of acts) for (const c of row) assert.ok(c.value !== '', `no empty string cell: ${JSON.stringify(row)}`);
      // A target is its count (a number) and its unit; an action without one has empty cells.
      for (const row of acts) assert.ok(row[4]!.type === 'int' || (row[4]!.type === 'NoneType' && row[5]!.type === 'NoneType'), JSON.stringify(row));

      const budget = wb['예산 Budget']!.slice(1);
      assert.deepEqual(
        budget[0]!.map((c) => c.type),
        ['datetime', 'str', 'int', 'int', 'int', 'str'],
      );
      assert.deepEqual(values(budget[0]), ['2023-08-10T00:00:00', '시비', 2023, 1, 100_000_000, '집행 2023-08-10']);
      assert.equal(budget[0]![0]!.format, 'yyyy-mm-dd');
      assert.equal(budget.at(-1)![0]!.value, '합계 Total');
      assert.deepEqual(
        [budget.at(-1)![1]!.type, budget.at(-1)![2]!.type, budget.at(-1)![5]!.type],
        ['NoneType', 'NoneType', 'NoneType'],
        'the total row leaves its other cells empty',
      );

      // an unreported quarter downloads live
      const live = await call('GET', `/api/plans/${planId}/reports/2023/4.xlsx`, manager);
      const state4 = readXlsx(live.rawPayload)['요약 Summary']!.find((r) => String(r[0]?.value).startsWith('상태'))!;
      assert.match(String(state4[1]!.value), /미보고/);
      assert.equal(state4[2]?.type ?? 'NoneType', 'NoneType');
      assert.equal((await call('GET', `/api/plans/${planId}/reports/2023/3.xlsx`, null)).statusCode, 401);
    });
  });
}
