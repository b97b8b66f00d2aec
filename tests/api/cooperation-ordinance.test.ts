/**
 * The ordinance (조례) moving through its stages onto the public answer — forward only, each with
 * its date, opinions of the legislative notice answered, documents per stage, amendments as later
 * rounds — and institution attraction (금융기관 유치): the confidential pipeline, the funnel, the
 * public counts; both bound to the plan as measures. On PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/db/executor.ts';
import { seedOrdinance } from '../../src/modules/cooperation/ordinance/seed.ts';
import { seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import { samples } from '../support/files.ts';
import type { Json } from '../support/json.ts';
import { multipart } from '../support/multipart.ts';
import { actionAt, planActions } from '../support/running.ts';

for (const kind of DB_KINDS) {
  describe(`cooperation: ordinance and attraction on ${kind}`, () => {
    let t: TestApp;
    let planId: number;
    let manager: Session;
    let officer: Session;
    let viewer: Session;
    let partner: Session;

    const call = (method: 'GET' | 'PATCH' | 'POST' | 'DELETE', url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });
    const audits = async (action: string) => (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where action = ${action}`))[0]!.n;
    const count = async (table: string) => (await rows<{ n: number }>(t.database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;

    before(async () => {
      t = await openTestApp(kind);
      planId = (await seedPlanIfEmpty(t.database.db))!;
      manager = await staffSession(t, 'manager');
      officer = await staffSession(t, 'officer');
      viewer = await staffSession(t, 'viewer');
      partner = await staffSession(t, 'partner');
    });
    after(() => t.close());

    it('seeds the plan’s ordinance once, linked to its plan line, in drafting', async () => {
      const created = await seedOrdinance(t.database.db);
      assert.ok(created);
      assert.equal(await seedOrdinance(t.database.db), null, 'a second start adds nothing');
      assert.equal(await count('ordinances'), 1);
      assert.equal(await count('ordinance_rounds'), 1);
      const res = await call('GET', '/api/ordinance', null);
      assert.equal(res.statusCode, 200, res.body);
      const o = res.json();
      assert.equal(o.title.ko, '전주시 금융산업 육성 및 지원에 관한 조례');
      assert.equal(o.planId, planId);
      assert.match(o.planLine, /금융산업 육성 및 지원에 관한 조례 제정/);
      assert.deepEqual([o.current.round, o.current.kind, o.current.stage, o.current.stageIndex, o.stageCount], [1, 'enactment', 'drafting', 0, 8]);
      assert.deepEqual(
        o.current.stages.map((s: Json) => s.stage),
        ['drafting', 'legislative_notice', 'regulation_review', 'council_submission', 'committee', 'plenary', 'promulgation', 'in_force'],
      );
      assert.equal(o.current.stages[1].label.ko, '입법예고');
      assert.equal(res.headers['cache-control']?.includes('no-store') ?? false, false, 'the public answer may be cached');
    });

    it('moves forward only, one stage at a time, with dates; the notice’s opinions are answered before moving on', async () => {
      const staff = (await call('GET', '/api/manage/ordinance', viewer)).json();
      const roundId = staff.current.id as number;
      assert.equal(staff.nextStage, 'legislative_notice');
      const move = (who: Session, body: object) => call('POST', `/api/ordinance/rounds/${roundId}/stage`, who, body);

      // Officers may not move stages; skipping is refused with the next stage named.
      assert.equal((await move(officer, { stage: 'legislative_notice', reachedOn: '2025-02-01', noticeEndsOn: '2025-02-21' })).statusCode, 403);
      const skip = await move(manager, { stage: 'committee', reachedOn: '2025-02-01' });
      assert.equal(skip.statusCode, 409, skip.body);
      assert.equal(skip.json().error.code, 'ORDINANCE_STAGE_ORDER');
      assert.match(skip.json().error.message.ko, /다음 단계는 입법예고입니다/);
      // The notice needs its period, and a day that is not in the future.
      const noPeriod = await move(manager, { stage: 'legislative_notice', reachedOn: '2025-02-01' });
      assert.equal(noPeriod.statusCode, 400);
      assert.equal(noPeriod.json().error.fields[0].field, 'noticeEndsOn');
      const future = await move(manager, { stage: 'legislative_notice', reachedOn: '2999-01-01', noticeEndsOn: '2999-02-01' });
      assert.equal(future.statusCode, 400);
      assert.equal(future.json().error.fields[0].field, 'reachedOn');
      assert.equal(await audits('ordinance.stage'), 0, 'refusals write nothing');

      const notice = await move(manager, { stage: 'legislative_notice', reachedOn: '2025-02-01', noticeEndsOn: '2025-02-21' });
      assert.equal(notice.statusCode, 200, notice.body);
      assert.deepEqual(notice.json().current.notice, { startsOn: '2025-02-01', endsOn: '2025-02-21' });

      // Opinions: a kind of sender only — a name or phone is not even accepted.
      const withName = await call('POST', `/api/ordinance/rounds/${roundId}/opinions`, officer, {
        source: 'citizen',
        receivedOn: '2025-02-05',
        summary: '좋습니다',
        name: '홍길동',
      });
      assert.equal(withName.statusCode, 400);
      const op1 = await call('POST', `/api/ordinance/rounds/${roundId}/opinions`, officer, {
        source: 'citizen',
        receivedOn: '2025-02-05',
        summary: '인재 양성 조항을 넣어 주십시오.',
      });
      assert.equal(op1.statusCode, 201, op1.body);
      const op2 = await call('POST', `/api/ordinance/rounds/${roundId}/opinions`, officer, {
        source: 'organisation',
        receivedOn: '2025-02-10',
        summary: '지원 대상을 넓혀 주십시오.',
      });
      assert.equal(op2.statusCode, 201);
      const early = await call('POST', `/api/ordinance/rounds/${roundId}/opinions`, officer, { source: 'citizen', receivedOn: '2025-01-05', summary: '예고 전' });
      assert.equal(early.statusCode, 400);
      assert.equal(early.json().error.fields[0].field, 'receivedOn');

      // Leaving the notice with an unanswered opinion: 409.
      await call('PATCH', `/api/ordinance/opinions/${op1.json().id}`, officer, { answer: '제5조에 반영하였습니다.', accepted: true, answeredOn: '2025-02-25' });
      const unanswered = await move(manager, { stage: 'regulation_review', reachedOn: '2025-03-05' });
      assert.equal(unanswered.statusCode, 409);
      assert.equal(unanswered.json().error.code, 'ORDINANCE_OPINIONS_UNANSWERED');
      assert.match(unanswered.json().error.message.ko, /1건/);
      const ans2 = await call('PATCH', `/api/ordinance/opinions/${op2.json().id}`, officer, { answer: '시행규칙에서 정합니다.', accepted: false, answeredOn: '2025-02-25' });
      assert.equal(ans2.statusCode, 200, ans2.body);
      // …and not within the notice period.
      const during = await move(manager, { stage: 'regulation_review', reachedOn: '2025-02-20' });
      assert.equal(during.statusCode, 400);
      assert.equal(during.json().error.fields[0].field, 'reachedOn');

      const steps: [string, string][] = [
        ['regulation_review', '2025-03-05'],
        ['council_submission', '2025-03-20'],
        ['committee', '2025-04-10'],
      ];
      for (const [stage, reachedOn] of steps) {
        const r = await move(manager, { stage, reachedOn });
        assert.equal(r.statusCode, 200, `${stage}: ${r.body}`);
      }
      // Backward, repeated, and a date before the previous stage.
      for (const stage of ['drafting', 'legislative_notice', 'committee']) {
        const back = await move(manager, { stage, reachedOn: '2025-04-11' });
        assert.equal(back.statusCode, 409, `${stage}: ${back.body}`);
        assert.equal(back.json().error.code, 'ORDINANCE_STAGE_ORDER');
      }
      const before = await move(manager, { stage: 'plenary', reachedOn: '2025-04-01' });
      assert.equal(before.statusCode, 400);
      // Opinions are closed once the notice has passed.
      const late = await call('POST', `/api/ordinance/rounds/${roundId}/opinions`, officer, { source: 'citizen', receivedOn: '2025-04-01', summary: '늦은 의견' });
      assert.equal(late.statusCode, 409);
      assert.equal(late.json().error.code, 'ORDINANCE_NOT_IN_NOTICE');

      // Documents per stage: a published one reaches the public answer; a stage not reached is refused.
      const upload = (stage: string, published: boolean, bytes = samples.pdf(), fileName = 'ordinance.pdf') => {
        const body = multipart([
          { name: 'stage', value: stage },
          { name: 'title', value: `${stage} 문서` },
          { name: 'published', value: String(published) },
          { name: 'file', file: bytes, fileName },
        ]);
        return t.app.inject({ method: 'POST', url: `/api/ordinance/rounds/${roundId}/documents`, headers: { ...officer.headers, ...body.headers }, payload: body.payload });
      };
      const pub = await upload('legislative_notice', true);
      assert.equal(pub.statusCode, 201, pub.body);
      const internal = await upload('committee', false, samples.txt(), 'memo.txt');
      assert.equal(internal.statusCode, 201, internal.body);
      const ahead = await upload('promulgation', true);
      assert.equal(ahead.statusCode, 400);
      const fake = await upload('committee', true, Buffer.from('MZ\x90\x00 not a pdf'), 'x.pdf');
      assert.equal(fake.statusCode, 415);
      const file = await call('GET', pub.json().url, null);
      assert.equal(file.statusCode, 200);
      assert.deepEqual(file.rawPayload, samples.pdf());
      assert.equal((await call('GET', internal.json().url, null)).statusCode, 404, 'unpublished: not for the public');
      assert.equal((await call('GET', internal.json().url, viewer)).statusCode, 200, 'unpublished: staff may read it');

      for (const [stage, reachedOn] of [
        ['plenary', '2025-04-20'],
        ['promulgation', '2025-05-01'],
        ['in_force', '2025-05-01'],
      ] as const) {
        assert.equal((await move(manager, { stage, reachedOn })).statusCode, 200);
      }
      const last = await move(manager, { stage: 'in_force', reachedOn: '2025-05-02' });
      assert.equal(last.statusCode, 409);
      assert.match(last.json().error.message.ko, /개정/);
      assert.equal(await audits('ordinance.stage'), 7);

      // The public answer: the stage, every date, the notice, counts of opinions (not their text), published documents only.
      const o = (await call('GET', '/api/ordinance', null)).json();
      assert.deepEqual([o.current.stage, o.current.stageIndex, o.current.stageLabel.ko], ['in_force', 7, '시행']);
      assert.deepEqual(
        o.current.stages.map((s: Json) => s.reachedOn),
        [null, '2025-02-01', '2025-03-05', '2025-03-20', '2025-04-10', '2025-04-20', '2025-05-01', '2025-05-01'],
      );
      assert.deepEqual(o.current.opinionCounts, { received: 2, answered: 2, accepted: 1 });
      assert.deepEqual(
        o.current.documents.map((d: Json) => d.title),
        ['legislative_notice 문서'],
      );
      const text = JSON.stringify(o);
      for (const secret of ['인재 양성 조항', '시행규칙에서', 'memo.txt', 'opinions']) assert.ok(!text.includes(secret), `public answer leaks ${secret}`);
    });

    it('keeps an ordinance document’s file, and a speaker’s photo, when evidence with the same bytes is deleted (shared file store)', async () => {
      const o = (await call('GET', '/api/ordinance', null)).json();
      const doc = o.current.documents[0];
      const action = actionAt(await planActions(t, planId), 2023, 'Q3');
      const body = multipart([{ name: 'file', file: samples.pdf(), fileName: 'same.pdf' }]);
      const ev = await t.app.inject({ method: 'POST', url: `/api/actions/${action.id}/evidence`, headers: { ...manager.headers, ...body.headers }, payload: body.payload });
      assert.equal(ev.statusCode, 201, ev.body);
      assert.equal((await call('DELETE', `/api/evidence/${ev.json().id}`, manager)).statusCode, 204);
      const file = await call('GET', doc.url, null);
      assert.equal(file.statusCode, 200, 'the document keeps its file');
      assert.deepEqual(file.rawPayload, samples.pdf());

      // The same holds for a speaker's photo (events): evidence with the same PNG comes and goes.
      const ev2 = await call('POST', '/api/events', manager, {
        kind: 'seminar',
        title: { ko: '사진 공유 세미나' },
        startsAt: '2026-09-17T09:00:00+09:00',
        endsAt: '2026-09-17T18:00:00+09:00',
        published: true,
      });
      assert.equal(ev2.statusCode, 201, ev2.body);
      const sp = (await call('POST', `/api/events/${ev2.json().id}/speakers`, manager, { name: { ko: '박연사' } })).json();
      const photo = multipart([{ name: 'file', file: samples.png(), fileName: 'photo.png', contentType: 'image/png' }]);
      const put = await t.app.inject({ method: 'POST', url: `/api/speakers/${sp.id}/photo`, headers: { ...manager.headers, ...photo.headers }, payload: photo.payload });
      assert.equal(put.statusCode, 200, put.body);
      const pngEvidence = multipart([{ name: 'file', file: samples.png(), fileName: 'same.png' }]);
      const ev3 = await t.app.inject({
        method: 'POST',
        url: `/api/actions/${action.id}/evidence`,
        headers: { ...manager.headers, ...pngEvidence.headers },
        payload: pngEvidence.payload,
      });
      assert.equal(ev3.statusCode, 201, ev3.body);
      assert.equal((await call('DELETE', `/api/evidence/${ev3.json().id}`, manager)).statusCode, 204);
      const still = await call('GET', `/api/speakers/${sp.id}/photo`, null);
      assert.equal(still.statusCode, 200, 'the speaker keeps the photo');
      assert.deepEqual(still.rawPayload, samples.png());
    });

    it('starts an amendment as a later round once in force, and only then', async () => {
      const res = await call('POST', '/api/ordinance/rounds', manager, { summary: { ko: '지원 대상에 핀테크 기업 추가', en: 'Adds fintech firms' }, startedOn: '2025-09-01' });
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual([res.json().current.round, res.json().current.kind, res.json().current.stage, res.json().rounds.length], [2, 'amendment', 'drafting', 2]);
      assert.equal(res.json().current.stages[0].reachedOn, '2025-09-01');
      const again = await call('POST', '/api/ordinance/rounds', manager, { summary: { ko: '또' }, startedOn: '2025-09-02' });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'ORDINANCE_ROUND_OPEN');
      const pub = (await call('GET', '/api/ordinance', null)).json();
      assert.deepEqual([pub.current.round, pub.rounds[0].stage], [2, 'in_force']);
    });

    it('the plan’s action for the ordinance reads its progress from the stage', async () => {
      const actions = await planActions(t, planId);
      const action = actionAt(actions, 2025, 'Q2');
      const bound = await call('PATCH', `/api/actions/${action.id}/assignment`, manager, { measureKey: 'cooperation.ordinance_stage', target: { count: 7, unit: '단계' } });
      assert.equal(bound.statusCode, 200, bound.body);
      // By the end of Q2 2025 (2025-07-01) the enactment is in force: 7 of 7.
      assert.deepEqual([bound.json().measured, bound.json().progress, bound.json().progressSource], [7, 100, 'measure']);
      // An action of Q1 2025 reads the stage reached by 2025-04-01: council submission (3) → 42 %.
      const q1 = actionAt(actions, 2025, 'Q1');
      const early = await call('PATCH', `/api/actions/${q1.id}/assignment`, manager, { measureKey: 'cooperation.ordinance_stage', target: { count: 7, unit: '단계' } });
      assert.deepEqual([early.json().measured, early.json().progress], [3, 42]);
      const measures = (await call('GET', '/api/measures', viewer)).json().items.map((m: Json) => m.key);
      for (const key of ['cooperation.ordinance_stage', 'cooperation.mous_signed', 'cooperation.offices_opened']) assert.ok(measures.includes(key), key);
    });

    it('keeps the attraction pipeline to city staff; the public sees counts and announced names only', async () => {
      const create = (name: string, kindOf: string, extra: object = {}) =>
        call('POST', '/api/attraction/targets', officer, { name: { ko: name }, kind: kindOf, identifiedOn: '2025-01-15', ...extra });
      const a = await create('가나자산운용', 'asset_manager', { announce: true, nextStep: '대표 면담', nextStepDue: '2025-02-01', ownerId: officer.userId });
      assert.equal(a.statusCode, 201, a.body);
      assert.deepEqual([a.json().stage, a.json().owner.id, a.json().stages[0].reachedOn], ['identified', officer.userId, '2025-01-15']);
      const b = await create('비밀수탁은행', 'custodian');
      const c = await create('다라핀테크', 'fintech', { announce: true });
      const d = await create('마바증권', 'securities', { announce: true });
      for (const r of [b, c, d]) assert.equal(r.statusCode, 201, r.body);
      const toPartner = await create('파트너 담당', 'other', { ownerId: partner.userId });
      assert.equal(toPartner.statusCode, 400);
      assert.equal(toPartner.json().error.fields[0].field, 'ownerId');

      const move = (id: number, stage: string, reachedOn: string) => call('POST', `/api/attraction/targets/${id}/stage`, officer, { stage, reachedOn });
      // a: contacted in Q1, then straight to MOU in Q2 (interested and negotiating share the day), office in Q3.
      assert.equal((await move(a.json().id, 'contacted', '2025-02-01')).statusCode, 200);
      const mou = await move(a.json().id, 'mou', '2025-05-10');
      assert.equal(mou.statusCode, 200, mou.body);
      assert.deepEqual(
        mou.json().stages.map((s: Json) => s.reachedOn),
        ['2025-01-15', '2025-02-01', '2025-05-10', '2025-05-10', '2025-05-10', null],
      );
      assert.equal((await move(a.json().id, 'office_opened', '2025-08-20')).statusCode, 200);
      // b signs an MOU but does not agree to be named; c is only interested (agreed, but not signed); d signs in Q3.
      assert.equal((await move(b.json().id, 'mou', '2025-06-01')).statusCode, 200);
      assert.equal((await move(c.json().id, 'interested', '2025-03-01')).statusCode, 200);
      assert.equal((await move(d.json().id, 'mou', '2025-07-15')).statusCode, 200);
      const back = await move(a.json().id, 'negotiating', '2025-09-01');
      assert.equal(back.statusCode, 409);
      assert.equal(back.json().error.code, 'ATTRACTION_STAGE_ORDER');
      const same = await move(c.json().id, 'interested', '2025-09-01');
      assert.equal(same.statusCode, 409);
      const early = await move(c.json().id, 'negotiating', '2025-02-01');
      assert.equal(early.statusCode, 400);

      const support = await call('POST', `/api/attraction/targets/${a.json().id}/support`, officer, {
        kind: 'rent',
        amountWon: 120_000_000,
        note: '3년 임차료',
        offeredOn: '2025-04-01',
      });
      assert.equal(support.statusCode, 201, support.body);
      await call('POST', `/api/attraction/targets/${a.json().id}/support`, officer, { kind: 'hiring_subsidy', amountWon: 30_000_000, offeredOn: '2025-04-02' });
      const withTraining = await call('POST', `/api/attraction/targets/${a.json().id}/support`, officer, { kind: 'training_link', offeredOn: '2025-04-03' });
      assert.equal(withTraining.json().supportTotalWon, 150_000_000);
      assert.equal(withTraining.json().support.length, 3);

      const funnel = await call('GET', '/api/attraction/funnel?year=2025', viewer);
      assert.equal(funnel.statusCode, 200, funnel.body);
      const byStage = Object.fromEntries(funnel.json().stages.map((s: Json) => [s.stage, s]));
      assert.deepEqual([byStage.identified.reached, byStage.identified.current, byStage.identified.byQuarter], [4, 0, [4, 0, 0, 0]]);
      assert.deepEqual([byStage.mou.reached, byStage.mou.current, byStage.mou.byQuarter], [3, 2, [0, 2, 1, 0]]);
      assert.deepEqual([byStage.office_opened.reached, byStage.office_opened.byQuarter], [1, [0, 0, 1, 0]]);
      assert.equal(funnel.json().supportOfferedWon, 150_000_000);

      const pub = await call('GET', '/api/attraction/public', null);
      assert.equal(pub.statusCode, 200);
      assert.deepEqual([pub.json().mousSigned, pub.json().officesOpened], [3, 1]);
      assert.deepEqual(
        pub.json().announced.map((x: Json) => [x.name.ko, x.stage]),
        [
          ['가나자산운용', 'office_opened'],
          ['마바증권', 'mou'],
        ],
      );
      for (const secret of ['비밀수탁은행', '다라핀테크', '대표 면담', '120000000', 'owner', 'support']) assert.ok(!pub.body.includes(secret), `public answer leaks ${secret}`);

      // Confidential: partners and the public get nothing of the pipeline; viewers read but do not write.
      for (const url of ['/api/attraction/targets', `/api/attraction/targets/${b.json().id}`, '/api/attraction/funnel']) {
        assert.equal((await call('GET', url, partner)).statusCode, 403, url);
        assert.equal((await call('GET', url, null)).statusCode, 401, url);
      }
      assert.equal((await call('GET', '/api/attraction/targets', viewer)).json().items.length, 4);
      assert.equal((await call('PATCH', `/api/attraction/targets/${b.json().id}`, viewer, { announce: true })).statusCode, 403);
      const agreed = await call('PATCH', `/api/attraction/targets/${b.json().id}`, officer, { announce: true, nextStep: null });
      assert.equal(agreed.statusCode, 200, agreed.body);
      assert.equal((await call('GET', '/api/attraction/public', null)).json().announced.length, 3);
      assert.equal(await audits('attraction.stage'), 6);
      assert.equal(await audits('attraction.update'), 1);

      // Measures: MOUs signed and offices opened in the action's period.
      const actions = await planActions(t, planId);
      const q2 = actionAt(actions, 2025, 'Q2');
      const bound = await call('PATCH', `/api/actions/${q2.id}/assignment`, manager, { measureKey: 'cooperation.mous_signed', target: { count: 4, unit: '건' } });
      assert.deepEqual([bound.json().measured, bound.json().progress], [2, 50]);
      const q3 = actionAt(actions, 2025, 'Q3');
      const offices = await call('PATCH', `/api/actions/${q3.id}/assignment`, manager, { measureKey: 'cooperation.offices_opened', target: { count: 1, unit: '개소' } });
      assert.deepEqual([offices.json().measured, offices.json().progress], [1, 100]);
    });
  });
}
