/**
 * The plan's public record: 기준일 on the figures, an action's public explanation (staff write
 * it, the public reads it), its public status history (no names, no internal comments), reported
 * quarters as PDF, XLSX and HWPX (read back by poppler, openpyxl, python zipfile + ElementTree and
 * hwpxjs), drafts never public, and the pledge disclosure.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HwpxReader } from '@ssabrojs/hwpxjs';
import { seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { createTestDepartment, ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import { pdfFonts, pdfText, readHwpx, readXlsx } from '../support/independent.ts';
import type { Json } from '../support/json.ts';
import { actionAt, countRows, planActions, type SeedAction } from '../support/running.ts';

const TABLES = ['action_explanations', 'audit_log'] as const;

for (const kind of DB_KINDS) {
  describe(`the plan's public record on ${kind}`, () => {
    let t: TestApp;
    let planId: number;
    let actions: SeedAction[];
    let forum: SeedAction;
    let other: SeedAction;
    let manager: Session;
    let officer: Session;
    let stranger: Session;
    let viewer: Session;
    let deptName: string;

    const call = (method: 'GET' | 'PUT' | 'PATCH' | 'POST', url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });
    const ok = async (res: Promise<{ statusCode: number; body: string; json(): Json }>, status = 200) => {
      const r = await res;
      assert.equal(r.statusCode, status, r.body);
      return r.json();
    };

    before(async () => {
      t = await openTestApp(kind);
      planId = (await seedPlanIfEmpty(t.database.db))!;
      actions = await planActions(t, planId);
      const dept = await createTestDepartment(t.database, '금융산업과');
      deptName = dept.name;
      const otherDept = await createTestDepartment(t.database, '도시재생과');
      manager = await staffSession(t, 'manager');
      officer = await staffSession(t, 'officer', dept.id);
      stranger = await staffSession(t, 'officer', otherDept.id);
      viewer = await staffSession(t, 'viewer');
      forum = actionAt(actions, 2023, 'Q3', 0);
      other = actionAt(actions, 2023, 'Q3', 1);
      await ok(call('PATCH', `/api/actions/${forum.id}/assignment`, manager, { ownerDepartmentId: dept.id }));
      await ok(call('PATCH', `/api/actions/${forum.id}`, officer, { status: 'on_track', progress: 40, comment: '내부 메모: 예산 협의 지연' }));
      await ok(call('PATCH', `/api/actions/${forum.id}`, officer, { comment: '담당자 교체 예정(내부)' }));
      await ok(call('PATCH', `/api/actions/${forum.id}`, officer, { status: 'done', progress: 100 }));
      await ok(call('PATCH', `/api/actions/${other.id}`, manager, { status: 'on_hold', progress: 10 }));
      await ok(call('POST', `/api/actions/${forum.id}/links`, manager, { title: '지니포럼 보도자료', url: 'https://example.org/genie', published: true }), 201);
      await ok(call('POST', `/api/actions/${forum.id}/links`, manager, { title: '내부 검토 메모', url: 'https://example.org/memo' }), 201);
      // the money first: an execution stays within what is secured (the data rules)
      await ok(call('PUT', `/api/plans/${planId}/ledger/secured`, manager, { sourceLabel: '시비', year: 2023, securedKrw: 150_000_000 }));
      await ok(
        call('POST', `/api/plans/${planId}/executions`, manager, { sourceLabel: '시비', year: 2023, executedOn: '2023-08-10', amountKrw: 100_000_000, description: '포럼 개최비' }),
        201,
      );
    });
    after(() => t.close());

    describe('기준일 on the public figures', () => {
      it('dates the progress figures by the latest action change and the budget by the latest ledger change', async () => {
        const plan = await ok(call('GET', `/api/plans/${planId}`, null));
        const staff = await ok(call('GET', `/api/manage/plans/${planId}`, viewer));
        const latestAction = staff.schedule
          .flatMap((e: Json) => e.actions)
          .map((a: Json) => a.updatedAt)
          .sort()
          .at(-1);
        assert.equal(plan.asOf.progress, latestAction);
        const before = Date.parse(plan.asOf.budget);
        await ok(call('PUT', `/api/plans/${planId}/ledger/secured`, manager, { sourceLabel: '시비', year: 2023, securedKrw: 200_000_000 }));
        const after = (await ok(call('GET', `/api/plans/${planId}`, null))).asOf.budget;
        assert.ok(Date.parse(after) > before, `${after} after ${plan.asOf.budget}`);
      });
    });

    describe('the public explanation of an action', () => {
      const url = () => `/api/actions/${forum.id}/explanation`;

      it('is refused to anonymous callers, viewers and officers of another department, writing nothing', async () => {
        const before = await countRows(t, TABLES);
        assert.equal((await call('PUT', url(), null, { ko: '설명' })).statusCode, 401);
        assert.equal((await call('PUT', url(), viewer, { ko: '설명' })).statusCode, 403);
        const res = await call('PUT', url(), stranger, { ko: '설명' });
        assert.equal(res.statusCode, 403);
        assert.equal(res.json().error.code, 'OTHER_DEPARTMENT');
        assert.deepEqual(await countRows(t, TABLES), before);
      });

      it('answers 404 for a well-formed unknown action and 400 for an odd id, writing nothing', async () => {
        const before = await countRows(t, TABLES);
        assert.equal((await call('PUT', '/api/actions/2147483646/explanation', manager, { ko: '설명' })).statusCode, 404);
        for (const odd of ['0', '-1', '0x1', '1e3', 'abc', '2147483648']) {
          const res = await call('PUT', `/api/actions/${odd}/explanation`, manager, { ko: '설명' });
          assert.equal(res.statusCode, 400, `${odd}: ${res.body}`);
        }
        assert.deepEqual(await countRows(t, TABLES), before);
      });

      it('refuses control characters, English alone and overlong text, naming the field', async () => {
        const before = await countRows(t, TABLES);
        for (const [body, field] of [
          [{ ko: '설명\u0007' }, 'ko'],
          [{ ko: '설명', en: 'bell\u0007' }, 'en'],
          [{ ko: '', en: 'English only' }, 'ko'],
          [{ ko: '가'.repeat(2001) }, 'ko'],
          [{ ko: '설명', extra: 1 }, null],
        ] as const) {
          const res = await call('PUT', url(), officer, body);
          assert.equal(res.statusCode, 400, `${JSON.stringify(body)}: ${res.body}`);
          if (field)
            assert.ok(
              res.json().error.fields.some((f: Json) => f.field === field),
              res.body,
            );
        }
        assert.deepEqual(await countRows(t, TABLES), before);
      });

      it('is written by the owning officer (audited), shown to staff and on the public action, and removed when blank', async () => {
        const before = await countRows(t, TABLES);
        const staffAction = await ok(call('PUT', url(), officer, { ko: '지니포럼을 9월에 개최했습니다.\n참석자 300명', en: 'The GENIE Forum was held in September.' }));
        assert.equal(staffAction.explanation.ko, '지니포럼을 9월에 개최했습니다.\n참석자 300명');
        assert.equal(staffAction.explanation.en, 'The GENIE Forum was held in September.');
        const after = await countRows(t, TABLES);
        assert.deepEqual([after.action_explanations, after.audit_log], [before.action_explanations! + 1, before.audit_log! + 1]);
        const audit = await ok(call('GET', `/api/audit?entity=action&entityId=${forum.id}&action=action.explain`, manager));
        assert.equal(audit.items[0].after.ko, '지니포럼을 9월에 개최했습니다.\n참석자 300명');

        const page = await ok(call('GET', `/api/plans/${planId}/actions/${forum.id}`, null));
        assert.deepEqual([page.explanation.ko, page.explanation.en], [staffAction.explanation.ko, staffAction.explanation.en]);
        const staffPlan = await ok(call('GET', `/api/manage/plans/${planId}`, viewer));
        const inPlan = staffPlan.schedule.flatMap((e: Json) => e.actions).find((a: Json) => a.id === forum.id);
        assert.equal(inPlan.explanation.en, 'The GENIE Forum was held in September.');

        await ok(call('PUT', url(), manager, { ko: '  ', en: '' }));
        assert.equal((await ok(call('GET', `/api/plans/${planId}/actions/${forum.id}`, null))).explanation, null);
        const removed = await ok(call('GET', `/api/audit?entity=action&entityId=${forum.id}&action=action.explanation_remove`, manager));
        assert.equal(removed.items.length, 1);
        await ok(call('PUT', url(), officer, { ko: '지니포럼을 9월에 개최했습니다.' }));
      });
    });

    describe('the public action page', () => {
      it('shows status, progress, published evidence and the history of changes — no names, no internal comments', async () => {
        const res = await call('GET', `/api/plans/${planId}/actions/${forum.id}`, null);
        assert.equal(res.statusCode, 200);
        const page = res.json();
        assert.deepEqual([page.plan.id, page.entry.year, page.entry.period], [planId, 2023, 'Q3']);
        assert.deepEqual([page.action.status, page.action.progress], ['done', 100]);
        assert.deepEqual(
          page.action.evidence.map((e: Json) => e.title),
          ['지니포럼 보도자료'],
        );
        // three updates were made; the comment-only one is internal and left out
        assert.deepEqual(
          page.history.map((h: Json) => [h.statusBefore, h.statusAfter, h.progressBefore, h.progressAfter]),
          [
            ['on_track', 'done', 40, 100],
            ['planned', 'on_track', 0, 40],
          ],
        );
        for (const h of page.history) assert.deepEqual(Object.keys(h).sort(), ['at', 'progressAfter', 'progressBefore', 'statusAfter', 'statusBefore']);
        for (const secret of ['내부 메모', '담당자 교체', '내부 검토 메모', officer.email, deptName]) assert.ok(!res.body.includes(secret), `leaks ${secret}`);
        const staff = await ok(call('GET', `/api/manage/plans/${planId}`, viewer));
        assert.equal(page.asOf, staff.schedule.flatMap((e: Json) => e.actions).find((a: Json) => a.id === forum.id).updatedAt);
      });

      it("gives each goal's English by position, null where staff have not written it", async () => {
        const before = (await ok(call('GET', `/api/plans/${planId}/actions/${forum.id}`, null))).entry;
        assert.ok(before.goals.length > 0);
        assert.deepEqual(
          before.goalsEn,
          before.goals.map(() => null),
        );
        const sheet = await ok(call('GET', `/api/manage/plans/${planId}/english`, viewer));
        const goal = sheet.items.find((i: Json) => i.kind === 'goal' && i.ko === before.goals[0]);
        await ok(call('PUT', `/api/plans/${planId}/english`, manager, { texts: [{ key: goal.key, en: 'Forum held' }] }));
        const entry = (await ok(call('GET', `/api/plans/${planId}/actions/${forum.id}`, null))).entry;
        assert.deepEqual(entry.goalsEn, ['Forum held', ...before.goals.slice(1).map(() => null)]);
        await ok(call('PUT', `/api/plans/${planId}/english`, manager, { texts: [{ key: goal.key, en: null }] }));
      });

      it('answers 404 for an action of another plan, an unknown action and a malformed id', async () => {
        assert.equal((await call('GET', `/api/plans/${planId + 1000}/actions/${forum.id}`, null)).statusCode, 404);
        assert.equal((await call('GET', `/api/plans/${planId}/actions/2000000000`, null)).statusCode, 404);
        assert.equal((await call('GET', `/api/plans/${planId}/actions/0x1`, null)).statusCode, 400);
      });
    });

    describe('reported quarterly reports', () => {
      const base = () => `/api/plans/${planId}/public-reports/2023/3`;

      it('are never public before they are reported: the list is empty and every download is 404', async () => {
        assert.deepEqual((await ok(call('GET', `/api/plans/${planId}/public-reports`, null))).items, []);
        for (const ext of ['pdf', 'xlsx', 'hwpx']) assert.equal((await call('GET', `${base()}.${ext}`, null)).statusCode, 404, ext);
        assert.equal((await call('GET', `/api/plans/${planId + 1000}/public-reports`, null)).statusCode, 404);
      });

      it('are listed once reported, with their own figures, 기준일 and downloads', async () => {
        const reported = await ok(call('POST', `/api/plans/${planId}/reports`, manager, { year: 2023, quarter: 3 }), 201);
        // a change after reporting never reaches the frozen report
        await ok(call('PATCH', `/api/actions/${other.id}`, manager, { status: 'done', progress: 100 }));
        const list = await ok(call('GET', `/api/plans/${planId}/public-reports`, null));
        assert.equal(list.items.length, 1);
        const [item] = list.items;
        assert.deepEqual([item.year, item.quarter, item.reportedAt], [2023, 3, reported.reportedAt]);
        assert.deepEqual(item.figures, reported.report.figures.quarter);
        assert.deepEqual(item.downloads, { pdf: `${base()}.pdf`, xlsx: `${base()}.xlsx`, hwpx: `${base()}.hwpx` });
        assert.ok(!JSON.stringify(list).includes(manager.email));
      });

      it('download as PDF: Korean text that poppler reads, every font embedded, nothing internal', async () => {
        const res = await call('GET', `${base()}.pdf`, null);
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['content-type'], 'application/pdf');
        assert.match(String(res.headers['content-disposition']), /attachment; filename="report-.*-2023-Q3\.pdf"/);
        const pdf = res.rawPayload;
        assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
        const text = pdfText(pdf).replace(/\s+/g, ' ');
        for (const expected of ['전북금융중심지 지정을 위한 협력 및 기반 구축', '2023년 3분기', '기준일', '지니포럼 보도자료', '포럼 개최비', '보류 / On hold']) {
          assert.ok(text.includes(expected), `pdftotext reads ${expected}`);
        }
        for (const secret of ['내부 검토 메모', '내부 메모', deptName, manager.email]) assert.ok(!text.includes(secret), `leaks ${secret}`);
        const fonts = pdfFonts(pdf);
        assert.ok(fonts.length > 0);
        for (const f of fonts) assert.ok(f.embedded && f.subset, `${f.name} embedded as a subset`);
      });

      it('download as XLSX that openpyxl reads, without unpublished evidence or departments', async () => {
        const res = await call('GET', `${base()}.xlsx`, null);
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        const sheets = readXlsx(res.rawPayload);
        const cells = Object.values(sheets)
          .flat(2)
          .map((c) => String(c.value ?? ''));
        assert.ok(cells.some((c) => c.includes('지니포럼 보도자료')));
        assert.ok(cells.some((c) => c.includes('보고됨')));
        for (const secret of ['내부 검토 메모', deptName, '비공개']) assert.ok(!cells.some((c) => c.includes(secret)), `leaks ${secret}`);
        const actionsSheet = sheets['추진계획 Actions']!;
        const statuses = actionsSheet.slice(1).map((row) => row[6]!.value);
        assert.ok(statuses.includes('보류 / On hold'), 'the frozen status, not the later one');
      });

      it('download as HWPX (OWPML) that python zipfile + ElementTree and hwpxjs read', async () => {
        const res = await call('GET', `${base()}.hwpx`, null);
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['content-type'], 'application/hwp+zip');
        assert.match(String(res.headers['content-disposition']), /\.hwpx"/);
        const h = readHwpx(res.rawPayload);
        assert.deepEqual(h.members[0], { name: 'mimetype', stored: true });
        assert.equal(h.mimetype, 'application/hwp+zip');
        for (const part of ['version.xml', 'Contents/content.hpf', 'Contents/header.xml', 'Contents/section0.xml', 'META-INF/container.xml', 'settings.xml']) {
          assert.ok(
            h.members.some((m) => m.name === part),
            part,
          );
        }
        assert.equal(h.rootfiles[0], 'Contents/content.hpf');
        assert.deepEqual(h.spine, ['Contents/header.xml', 'Contents/section0.xml']);
        assert.match(h.title!, /2023년 3분기 보고/);
        for (const c of h.headerCounts) assert.equal(c.found, c.declared, `${c.element} declares ${c.declared}, has ${c.found}`);
        assert.deepEqual(h.danglingRefs, []);
        assert.deepEqual(h.pagePr, { width: 59528, height: 84186 });
        assert.equal(h.paragraphs[0], '전북금융중심지 지정을 위한 협력 및 기반 구축');
        assert.ok(h.paragraphs.some((p) => p.startsWith('기준일 / As of: ')));
        for (const tbl of h.tables) {
          assert.equal(tbl.rows.length, tbl.rowCnt);
          for (const row of tbl.rows) assert.equal(row.length, tbl.colCnt);
        }
        const actionsTable = h.tables.find((x) => x.rows[0]![0] === '추진계획 / Action')!;
        assert.equal(actionsTable.rows.length, 1 + 3);
        assert.deepEqual(actionsTable.rows[1]!.slice(2, 5), ['완료 / Done', '100%', '지니포럼 보도자료']);
        assert.ok(!JSON.stringify(h).includes('내부 검토 메모'));

        const reader = new HwpxReader();
        const raw = res.rawPayload;
        await reader.loadFromArrayBuffer(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength) as ArrayBuffer);
        const text = await reader.extractText();
        assert.ok(text.includes('전북금융중심지 지정을 위한 협력 및 기반 구축'), text.slice(0, 200));
        assert.ok(text.includes('2023년 3분기 추진상황 보고'));
      });

      it('answer 404 for a quarter that was never reported and 400 for a quarter out of range', async () => {
        assert.equal((await call('GET', `/api/plans/${planId}/public-reports/2023/4.pdf`, null)).statusCode, 404);
        assert.equal((await call('GET', `/api/plans/${planId}/public-reports/2023/5.hwpx`, null)).statusCode, 400);
      });
    });

    describe('the pledge disclosure', () => {
      it('counts every action by status, lays out 계획·확보·집행 by source and year, and targets achieved, with 기준일', async () => {
        const d = await ok(call('GET', `/api/plans/${planId}/disclosure`, null));
        assert.equal(
          d.statusCounts.reduce((a: number, s: Json) => a + s.count, 0),
          actions.length,
        );
        assert.deepEqual(
          d.statusCounts.map((s: Json) => s.status),
          ['done', 'done_continuing', 'on_track', 'partly', 'on_hold', 'dropped', 'planned'],
        );
        assert.equal(d.statusCounts[0].count, 2);
        const city = d.budget.sources.find((s: Json) => s.sourceLabel === '시비');
        assert.equal(city.source, 'city');
        const y2023 = city.years.find((y: Json) => y.year === 2023);
        assert.deepEqual([y2023.securedKrw, y2023.executedKrw], [200_000_000, 100_000_000]);
        assert.equal(d.budget.total.executedKrw, 100_000_000);
        assert.deepEqual(
          d.budget.years,
          d.budget.byYear.map((y: Json) => y.year),
        );
        const plan = await ok(call('GET', `/api/plans/${planId}`, null));
        assert.deepEqual(d.asOf, plan.asOf);
        assert.deepEqual(d.figures, plan.figures.overall);
        const withTargets = actions.filter((a) => a.target);
        assert.equal(d.targets.length, withTargets.length);
        for (const x of d.targets) {
          assert.equal(x.achievedSource, 'progress');
          assert.ok(x.achieved >= 0 && x.achieved <= x.target.count);
        }
      });

      it('answers 404 for an unknown plan', async () => {
        assert.equal((await call('GET', `/api/plans/${planId + 1000}/disclosure`, null)).statusCode, 404);
      });
    });
  });
}
