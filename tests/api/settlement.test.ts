/**
 * Living infrastructure and settlement conditions (issue 17), on PGlite and PostgreSQL: the four
 * facilities seeded and public, stage forward only, inspections with photos; a feedback item
 * from submission to a published, redacted answer (with the writer told through the outbox);
 * the yearly survey's comparison; improvement items checked each quarter; the three measures.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { loadConfig } from '../../src/config.ts';
import { rows } from '../../src/db/executor.ts';
import { startServer } from '../../src/server/start.ts';
import { auditLog } from '../../src/modules/audit/schema.ts';
import { outbox } from '../../src/modules/notifications/schema.ts';
import { renderBody } from '../../src/modules/notifications/service.ts';
import { getMeasure } from '../../src/modules/plan/measures.ts';
import { seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { quarterRange } from '../../src/modules/plan/seoul-time.ts';
import { seedFacilities } from '../../src/modules/settlement/facilities/seed.ts';
import { ANSWER_WITHIN_DAYS } from '../../src/modules/settlement/feedback/triage.ts';
import { settlementFeedback } from '../../src/modules/settlement/schema.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { createTestDepartment, ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { createPostgresDatabase, DB_KINDS } from '../support/db.ts';
import { samples } from '../support/files.ts';
import type { Json } from '../support/json.ts';
import { multipart } from '../support/multipart.ts';

const DAY = 86_400_000;

for (const kind of DB_KINDS) {
  describe(`settlement: facilities, feedback, survey, improvements (${kind})`, () => {
    let t: TestApp;
    let manager: Session;
    let officerA: Session;
    let officerB: Session;
    let viewer: Session;
    let deptA: { id: number; name: string };
    let deptB: { id: number; name: string };
    let planId: number;

    const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, who: Session | null, payload?: unknown) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload === undefined ? {} : { payload: payload as object }) });

    before(async () => {
      t = await openTestApp(kind);
      planId = (await seedPlanIfEmpty(t.database.db))!;
      deptA = await createTestDepartment(t.database, '혁신도시지원과');
      deptB = await createTestDepartment(t.database, '대중교통과');
      manager = await staffSession(t, 'manager');
      officerA = await staffSession(t, 'officer', deptA.id);
      officerB = await staffSession(t, 'officer', deptB.id);
      viewer = await staffSession(t, 'viewer');
    });
    after(() => t.close());

    describe('facilities', () => {
      let sportsId: number;

      it('seeds the plan’s four facilities once, linked to the inspection action, and lists them publicly as the contract says', async () => {
        const created = await seedFacilities(t.database.db);
        assert.equal(created.length, 4);
        assert.deepEqual(await seedFacilities(t.database.db), [], 'a second start adds nothing');
        const res = await call('GET', '/api/facilities', null);
        assert.equal(res.statusCode, 200);
        const items = res.json().items as Json[];
        assert.deepEqual(
          items.map((f) => f.name.ko),
          ['혁신동 주민센터', '복합혁신센터', '혁신도시 다목적 체육센터', '어린이(가족) 친화공간'],
        );
        for (const f of items) {
          assert.deepEqual(Object.keys(f).sort(), ['id', 'milestones', 'name', 'progress', 'stage']);
          assert.deepEqual(Object.keys(f.name).sort(), ['en', 'ko']);
          assert.equal(f.stage, 'planning');
          assert.equal(f.progress, 0);
          assert.equal(f.milestones.length, 5);
          assert.deepEqual(Object.keys(f.milestones[0]).sort(), ['doneOn', 'name', 'plannedOn']);
        }
        sportsId = items[2]!.id;
        const [link] = await rows<{ text: string }>(t.database.db, sql`select a.text from facilities f join actions a on a.id = f.plan_action_id where f.id = ${sportsId}`);
        const text = link?.text;
        assert.match(text ?? '', /건립 추진상황 점검/);
      });

      it('moves a stage forward only, sets department, milestones and budget (staff), audited', async () => {
        const unassigned = await call('PATCH', `/api/manage/facilities/${sportsId}`, officerA, { stage: 'design' });
        assert.equal(unassigned.statusCode, 403, 'officers change only their department’s facilities');
        assert.equal(unassigned.json().error.code, 'OTHER_DEPARTMENT');
        const assigned = await call('PATCH', `/api/manage/facilities/${sportsId}`, manager, { departmentId: deptA.id });
        assert.equal(assigned.statusCode, 200, assigned.body);
        assert.equal((await call('PATCH', `/api/manage/facilities/${sportsId}`, officerB, { stage: 'design' })).json().error.code, 'OTHER_DEPARTMENT');
        assert.equal((await call('PATCH', `/api/manage/facilities/${sportsId}`, officerA, { departmentId: deptB.id })).statusCode, 403, 'the department is a manager’s choice');
        const forward = await call('PATCH', `/api/manage/facilities/${sportsId}`, officerA, { stage: 'construction' });
        assert.equal(forward.statusCode, 200, forward.body);
        assert.equal(forward.json().stage, 'construction');
        assert.equal(forward.json().progress, 50);
        assert.equal(forward.json().department.name, '혁신도시지원과');
        const back = await call('PATCH', `/api/manage/facilities/${sportsId}`, manager, { stage: 'design' });
        assert.equal(back.statusCode, 409);
        assert.equal(back.json().error.code, 'FACILITY_STAGE_BACKWARDS');
        assert.equal((await call('PATCH', `/api/manage/facilities/${sportsId}`, viewer, { stage: 'opening' })).statusCode, 403);
        const milestoneId = forward.json().milestones[2].id;
        const m = await call('PATCH', `/api/manage/facilities/${sportsId}/milestones/${milestoneId}`, officerA, { plannedOn: '2024-03-01', doneOn: '2024-03-15' });
        assert.equal(m.statusCode, 200, m.body);
        assert.deepEqual([m.json().milestones[2].plannedOn, m.json().milestones[2].doneOn], ['2024-03-01', '2024-03-15']);
        assert.equal((await call('PATCH', `/api/manage/facilities/${sportsId}/milestones/${milestoneId}`, officerA, { plannedOn: '2024-02-30' })).statusCode, 400);
        const b = await call('PUT', `/api/manage/facilities/${sportsId}/budget`, manager, {
          lines: [
            { source: 'national', amountWon: 3_000_000_000 },
            { source: 'city', amountWon: 2_500_000_000 },
          ],
        });
        assert.equal(b.statusCode, 200, b.body);
        assert.equal(b.json().budget.totalWon, 5_500_000_000);
        assert.equal((await call('PUT', `/api/manage/facilities/${sportsId}/budget`, officerA, { lines: [] })).statusCode, 403);
        const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entity, 'facility'));
        assert.ok(audits.some((a) => a.action === 'facility.update'));
        assert.ok(audits.some((a) => a.action === 'facility.budget'));
      });

      it('records an inspection with follow-ups and a photo; the public page shows the photo but not the notes', async () => {
        const i = await call('POST', `/api/manage/facilities/${sportsId}/inspections`, officerA, {
          heldOn: '2023-08-10',
          findings: '골조 공사 공정률 40%.\n안전 펜스 보강 필요.',
          followUps: ['안전 펜스 보강', '우수 배수로 정비'],
        });
        assert.equal(i.statusCode, 201, i.body);
        const inspection = i.json().inspections[0];
        assert.equal(inspection.followUps.length, 2);
        const photo = multipart([
          { name: 'file', file: samples.png(), fileName: 'site.png', contentType: 'image/png' },
          { name: 'caption', value: '골조 공사 현장' },
        ]);
        const up = await t.app.inject({
          method: 'POST',
          url: `/api/manage/inspections/${inspection.id}/photos`,
          headers: { ...officerA.headers, ...photo.headers },
          payload: photo.payload,
        });
        assert.equal(up.statusCode, 201, up.body);
        const pdf = multipart([{ name: 'file', file: samples.pdf(), fileName: 'report.pdf' }]);
        const refused = await t.app.inject({
          method: 'POST',
          url: `/api/manage/inspections/${inspection.id}/photos`,
          headers: { ...officerA.headers, ...pdf.headers },
          payload: pdf.payload,
        });
        assert.equal(refused.statusCode, 415);
        const done = await call('PATCH', `/api/manage/follow-ups/${inspection.followUps[0].id}`, officerA, { done: true });
        assert.equal(done.statusCode, 200);
        assert.equal(done.json().inspections[0].followUps[0].done, true);

        const pub = await call('GET', `/api/facilities/${sportsId}`, null);
        assert.equal(pub.statusCode, 200);
        assert.deepEqual(pub.json().inspections, [], 'inspection notes are for staff');
        assert.equal(pub.json().photos.length, 1);
        assert.equal(pub.json().photos[0].caption, '골조 공사 현장');
        const img = await call('GET', pub.json().photos[0].url, null);
        assert.equal(img.statusCode, 200);
        assert.equal(img.headers['content-type'], 'image/png');
        assert.deepEqual(img.rawPayload, samples.png());
        const staff = await call('GET', `/api/manage/facilities/${sportsId}`, viewer);
        assert.match(staff.json().inspections[0].findings, /안전 펜스/);

        const measure = getMeasure('settlement.inspections_held')!;
        const q3 = quarterRange(2023, 3);
        assert.equal(await measure.measure(t.database.db, { planId, actionId: 0, ...q3 }), 1);
        assert.equal(await measure.measure(t.database.db, { planId, actionId: 0, ...quarterRange(2023, 4) }), 0);
      });
    });

    it('keeps an inspection photo when evidence with the same content is deleted (one shared file store)', async () => {
      const [action] = await rows<{ id: number }>(t.database.db, sql`select id from actions order by id limit 1`);
      const form = multipart([{ name: 'file', file: samples.png(), fileName: 'same.png', contentType: 'image/png' }]);
      const ev = await t.app.inject({ method: 'POST', url: `/api/actions/${action!.id}/evidence`, headers: { ...manager.headers, ...form.headers }, payload: form.payload });
      assert.equal(ev.statusCode, 201, ev.body);
      const del = await t.app.inject({ method: 'DELETE', url: `/api/evidence/${ev.json().id}`, headers: manager.headers });
      assert.equal(del.statusCode, 204, del.body);
      const pub = (await call('GET', `/api/facilities/${(await call('GET', '/api/facilities', null)).json().items[2].id}`, null)).json();
      const img = await call('GET', pub.photos[0].url, null);
      assert.equal(img.statusCode, 200, 'the photo still has its file');
    });

    it('binds "inspections held" to the plan’s inspection action with a target and shows measured progress', async () => {
      const [action] = await rows<{ id: number }>(
        t.database.db,
        sql`select a.id from actions a join schedule_entries e on e.id = a.entry_id where a.text like ${'%건립 추진상황 점검%'} and e.year = 2023 and e.period = 'Q3'`,
      );
      assert.ok(action, 'the seed plan has the inspection action');
      const bound = await call('PATCH', `/api/actions/${action.id}/assignment`, manager, { measureKey: 'settlement.inspections_held', target: { count: 2, unit: '회' } });
      assert.equal(bound.statusCode, 200, bound.body);
      assert.deepEqual([bound.json().measured, bound.json().progress, bound.json().progressSource], [1, 50, 'measure']);
      const staff = await call('GET', `/api/manage/plans/${planId}`, viewer);
      assert.ok(staff.body.includes('"progressSource":"measure"'));
    });

    describe('feedback', () => {
      let id: number;
      let token: string;

      it('refuses a contact without consent, an anonymous item with a contact, and a bad phone; writes nothing', async () => {
        const bad = [
          { category: 'transport', text: '버스가 부족합니다', anonymous: false, contact: { phone: '010-1234-5678' } },
          { category: 'transport', text: '버스가 부족합니다', anonymous: true, contact: { phone: '010-1234-5678' }, consent: true },
          { category: 'transport', text: '버스가 부족합니다', anonymous: false, contact: { phone: '12345' }, consent: true },
          { category: 'transport', text: '버스가 부족합니다', anonymous: false, consent: true },
          { category: 'parking', text: '주차', anonymous: true },
          { category: 'transport', text: '', anonymous: true },
        ];
        for (const body of bad) {
          const res = await call('POST', '/api/settlement/feedback', null, body);
          assert.equal(res.statusCode, 400, `${JSON.stringify(body)} → ${res.body}`);
          assert.ok(res.json().error.fields?.length);
        }
        const [n] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(settlementFeedback);
        assert.equal(Number(n!.n), 0);
      });

      it('takes feedback with a contact: 201 {id, trackingUrl}, and the writer’s message carries the link', async () => {
        const res = await call('POST', '/api/settlement/feedback', null, {
          category: 'transport',
          text: '출퇴근 시간 혁신도시-전주역 버스 배차가 깁니다. 김철수 씨 차량 12가3456이 정류장에 늘 주차되어 있습니다. 연락은 010-9876-5432 로 주세요.',
          anonymous: false,
          contact: { name: '이영희', phone: '010-9876-5432', email: 'younghee@citizen.test' },
          consent: true,
        });
        assert.equal(res.statusCode, 201, res.body);
        assert.deepEqual(Object.keys(res.json()).sort(), ['id', 'trackingUrl']);
        id = res.json().id;
        const url = new URL(res.json().trackingUrl);
        assert.equal(url.origin, 'http://finhub.test');
        const m = /^\/settlement\/feedback\/track\/([A-Za-z0-9_-]{43})$/.exec(url.pathname);
        assert.ok(m, url.pathname);
        token = m[1]!;
        const [msg] = await t.database.db.select().from(outbox).where(eq(outbox.kind, 'settlement.received'));
        assert.equal(msg!.recipient, 'younghee@citizen.test');
        assert.ok(!msg!.body.includes(token), 'the stored body holds a template, not the token');
        assert.ok(renderBody(msg!.body, msg!.linkToken).includes(res.json().trackingUrl));
        const anon = await call('POST', '/api/settlement/feedback', null, { category: 'childcare', text: '어린이집 대기가 깁니다.', anonymous: true });
        assert.equal(anon.statusCode, 201);
        assert.equal((await t.database.db.select().from(outbox)).length, 1, 'nobody to tell about anonymous feedback');
      });

      it('shows the writer the status by token, takes one photo, and hides everything from a wrong token', async () => {
        const track = await call('GET', `/api/settlement/feedback/${token}`, null);
        assert.equal(track.statusCode, 200);
        assert.equal(track.json().status, 'received');
        assert.equal(track.json().answer, null);
        assert.equal((await call('GET', `/api/settlement/feedback/${'A'.repeat(43)}`, null)).statusCode, 404);
        const photo = multipart([{ name: 'file', file: samples.jpeg(), fileName: 'bus-stop.jpg', contentType: 'image/jpeg' }]);
        const up = await t.app.inject({ method: 'POST', url: `/api/settlement/feedback/${token}/photo`, headers: { origin: ORIGIN, ...photo.headers }, payload: photo.payload });
        assert.equal(up.statusCode, 201, up.body);
        assert.equal(up.json().hasPhoto, true);
        const again = await t.app.inject({ method: 'POST', url: `/api/settlement/feedback/${token}/photo`, headers: { origin: ORIGIN, ...photo.headers }, payload: photo.payload });
        assert.equal(again.statusCode, 409);
        const staffPhoto = await call('GET', `/api/manage/settlement/feedback/${id}/photo`, viewer);
        assert.equal(staffPhoto.statusCode, 200);
        assert.equal(staffPhoto.headers['content-type'], 'image/jpeg');
      });

      it('goes received → assigned → answered → closed in order; officers answer their department’s items only', async () => {
        assert.equal((await call('POST', `/api/manage/settlement/feedback/${id}/answer`, manager, { text: '답변' })).json().error.code, 'FEEDBACK_STATUS_ORDER');
        const list = await call('GET', '/api/manage/settlement/feedback?status=received', viewer);
        assert.equal(list.statusCode, 200);
        const item = (list.json().items as Json[]).find((i) => i.id === id)!;
        assert.deepEqual(item.contact, { name: '이*희', phoneMasked: '010-****-5432', emailMasked: 'y***@citizen.test' });
        assert.ok(!list.body.includes('010-9876-5432"'), 'the contact is masked');
        const assigned = await call('POST', `/api/manage/settlement/feedback/${id}/assign`, manager, { departmentId: deptB.id });
        assert.equal(assigned.statusCode, 200, assigned.body);
        assert.equal(assigned.json().status, 'assigned');
        const other = await call('POST', `/api/manage/settlement/feedback/${id}/answer`, officerA, { text: '답변' });
        assert.equal(other.statusCode, 403);
        assert.equal(other.json().error.code, 'OTHER_DEPARTMENT');
        const answer = '출퇴근 시간대 배차를 15분으로 줄이겠습니다. 담당 박민수 주무관(063-281-1234)에게 문의하십시오. 12가3456 차량은 단속하겠습니다.';
        const answered = await call('POST', `/api/manage/settlement/feedback/${id}/answer`, officerB, { text: answer });
        assert.equal(answered.statusCode, 200, answered.body);
        assert.equal(answered.json().status, 'answered');
        const proposed = answered.json().proposed;
        assert.ok(!/김철수|12가3456|010-9876-5432/.test(proposed.text), proposed.text);
        assert.match(proposed.text, /\[이름\] 씨 차량 \[차량번호\]/);
        assert.ok(!/박민수|063-281-1234|12가3456/.test(proposed.answer), proposed.answer);
        const [told] = await t.database.db.select().from(outbox).where(eq(outbox.kind, 'settlement.answered'));
        assert.equal(told!.recipient, 'younghee@citizen.test');
        assert.ok(told!.body.includes('15분'));
        assert.equal((await call('POST', `/api/manage/settlement/feedback/${id}/assign`, manager, { departmentId: deptA.id })).statusCode, 409);
        const track = (await call('GET', `/api/settlement/feedback/${token}`, null)).json();
        assert.equal(track.status, 'answered');
        assert.equal(track.answer.department, '대중교통과');
        assert.equal(track.answer.text, answer, 'the writer reads the answer as written');
      });

      it('publishes only after a manager approves the redaction; the board lists only published items', async () => {
        assert.deepEqual((await call('GET', '/api/settlement/feedback', null)).json(), { items: [] });
        assert.equal((await call('POST', `/api/manage/settlement/feedback/${id}/publication`, officerB, { published: true })).statusCode, 403);
        const anonId = (await t.database.db.select().from(settlementFeedback).where(eq(settlementFeedback.category, 'childcare')))[0]!.id;
        const early = await call('POST', `/api/manage/settlement/feedback/${anonId}/publication`, manager, { published: true });
        assert.equal(early.json().error.code, 'FEEDBACK_NOT_ANSWERED');
        const pub = await call('POST', `/api/manage/settlement/feedback/${id}/publication`, manager, { published: true });
        assert.equal(pub.statusCode, 200, pub.body);
        const board = await call('GET', '/api/settlement/feedback', null);
        assert.equal(board.statusCode, 200);
        const items = board.json().items as Json[];
        assert.equal(items.length, 1);
        const first = items[0]!;
        assert.deepEqual(Object.keys(first).sort(), ['answer', 'category', 'id', 'text']);
        assert.deepEqual(Object.keys(first.answer).sort(), ['answeredAt', 'department', 'text']);
        assert.equal(first.answer.department, '대중교통과');
        assert.ok(!/김철수|이영희|12가3456|010-9876-5432|younghee|박민수|063-281-1234/.test(board.body), board.body);
        assert.match(first.text, /\[전화번호\]/);
        // a manager's own edit of the redaction is what shows
        const edited = await call('POST', `/api/manage/settlement/feedback/${id}/publication`, manager, { published: true, text: '출퇴근 버스 배차가 깁니다.' });
        assert.equal(edited.statusCode, 200);
        assert.equal((await call('GET', '/api/settlement/feedback', null)).json().items[0].text, '출퇴근 버스 배차가 깁니다.');
        const closed = await call('POST', `/api/manage/settlement/feedback/${id}/close`, officerB);
        assert.equal(closed.statusCode, 200, closed.body);
        assert.equal(closed.json().status, 'closed');
        assert.equal((await call('GET', '/api/settlement/feedback', null)).json().items.length, 1, 'closing keeps it on the board');
        const withdrawn = await call('POST', `/api/manage/settlement/feedback/${id}/publication`, manager, { published: false });
        assert.equal(withdrawn.statusCode, 200);
        assert.deepEqual((await call('GET', '/api/settlement/feedback', null)).json(), { items: [] });
        await call('POST', `/api/manage/settlement/feedback/${id}/publication`, manager, { published: true });
      });

      it('measures feedback answered within the days the measure names', async () => {
        const measure = getMeasure('settlement.feedback_answered_within_days')!;
        const now = Date.now();
        assert.equal(await measure.measure(t.database.db, { planId, actionId: 0, from: new Date(now - DAY), to: new Date(now + DAY) }), 1);
        await t.database.db
          .update(settlementFeedback)
          .set({ createdAt: new Date(now - (ANSWER_WITHIN_DAYS + 6) * DAY) })
          .where(eq(settlementFeedback.id, id));
        assert.equal(
          await measure.measure(t.database.db, { planId, actionId: 0, from: new Date(now - 30 * DAY), to: new Date(now + DAY) }),
          0,
          `answered after ${ANSWER_WITHIN_DAYS + 6} days`,
        );
      });
    });

    describe('survey and improvements', () => {
      it('records yearly results and compares them year to year', async () => {
        const y1 = await call('PUT', '/api/manage/settlement/surveys/2024', manager, {
          respondents: 412,
          results: [
            { topic: 'transport', satisfied: 41.5 },
            { topic: 'housing', satisfied: 58 },
            { topic: 'childcare', satisfied: 62.3 },
          ],
        });
        assert.equal(y1.statusCode, 200, y1.body);
        const y2 = await call('PUT', '/api/manage/settlement/surveys/2025', manager, {
          respondents: 530,
          results: [
            { topic: 'transport', satisfied: 48.2 },
            { topic: 'housing', satisfied: 55.5 },
            { topic: 'medical', satisfied: 40 },
          ],
        });
        assert.equal(y2.statusCode, 200, y2.body);
        assert.equal((await call('PUT', '/api/manage/settlement/surveys/2025', officerA, { respondents: 1, results: [{ topic: 'transport', satisfied: 1 }] })).statusCode, 403);
        const dup = await call('PUT', '/api/manage/settlement/surveys/2026', manager, {
          respondents: 1,
          results: [
            { topic: 'transport', satisfied: 1 },
            { topic: 'transport', satisfied: 2 },
          ],
        });
        assert.equal(dup.statusCode, 400);
        const res = await call('GET', '/api/settlement/surveys', null);
        assert.equal(res.statusCode, 200);
        const body = res.json();
        assert.deepEqual(
          body.years.map((y: Json) => [y.year, y.respondents]),
          [
            [2024, 412],
            [2025, 530],
          ],
        );
        const transport = body.comparison.find((c: Json) => c.topic === 'transport');
        assert.deepEqual(transport.byYear, [
          { year: 2024, satisfied: 41.5 },
          { year: 2025, satisfied: 48.2 },
        ]);
        assert.equal(transport.change, 6.7);
        assert.equal(body.comparison.find((c: Json) => c.topic === 'housing').change, -2.5);
        assert.equal(body.comparison.find((c: Json) => c.topic === 'medical').change, null);
        assert.equal(
          body.comparison.find((c: Json) => c.topic === 'culture'),
          undefined,
        );
      });

      it('checks improvement items each quarter; done items count for the measure', async () => {
        const created = await call('POST', '/api/manage/settlement/improvements', manager, { kind: 'commuter_bus', title: '혁신도시 통근버스 증차', departmentId: deptB.id });
        assert.equal(created.statusCode, 201, created.body);
        const itemId = created.json().id;
        assert.equal((await call('POST', `/api/manage/settlement/improvements/${itemId}/checks`, officerA, { year: 2025, quarter: 3, status: 'in_progress' })).statusCode, 403);
        const q3 = await call('POST', `/api/manage/settlement/improvements/${itemId}/checks`, officerB, { year: 2025, quarter: 3, status: 'in_progress', note: '노선 협의 중' });
        assert.equal(q3.statusCode, 200, q3.body);
        const q4 = await call('POST', `/api/manage/settlement/improvements/${itemId}/checks`, officerB, { year: 2025, quarter: 4, status: 'done' });
        assert.equal(q4.json().status, 'done');
        assert.deepEqual(
          q4.json().checks.map((c: Json) => [c.year, c.quarter, c.status]),
          [
            [2025, 3, 'in_progress'],
            [2025, 4, 'done'],
          ],
        );
        const list = await call('GET', '/api/settlement/improvements', null);
        assert.equal(list.json().items[0].department, '대중교통과');
        const measure = getMeasure('settlement.improvements_done')!;
        const now = Date.now();
        assert.equal(await measure.measure(t.database.db, { planId, actionId: 0, from: new Date(now - DAY), to: new Date(now + DAY) }), 1);
      });
    });
  });
}

for (const kind of DB_KINDS) {
  describe(`the four facilities after the first start (${kind})`, () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-settlement-start-'));
    let drop: (() => Promise<void>) | undefined;
    after(async () => {
      await drop?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('are there, linked to the plan’s inspection action, and a second start adds none', async () => {
      const env: NodeJS.ProcessEnv = { FINHUB_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
      if (kind === 'postgres') {
        const pgdb = await createPostgresDatabase();
        drop = pgdb.drop;
        env.DATABASE_URL = pgdb.url;
      }
      const snapshot = async () => {
        const server = await startServer(loadConfig(env));
        try {
          return await rows<{ id: number; key: string; stage: string; text: string | null }>(
            server.database.db,
            sql`select f.id, f.key, f.stage, a.text from facilities f left join actions a on a.id = f.plan_action_id order by f.position`,
          );
        } finally {
          await server.close();
        }
      };
      const first = await snapshot();
      assert.deepEqual(
        first.map((f) => f.key),
        ['community-center', 'innovation-complex', 'sports-center', 'family-space'],
      );
      for (const f of first) {
        assert.equal(f.stage, 'planning');
        assert.match(f.text ?? '', /건립 추진상황 점검/);
      }
      assert.deepEqual(await snapshot(), first);
    });
  });
}
