/**
 * Data that makes sense before it is published (issue 14): each refusal is a 4xx naming the
 * field in Korean and English and writes nothing; the secured-money override is audited with its
 * reason — on PGlite and PostgreSQL.
 * - 완료 / 이행 후 계속추진 need progress 100 (DONE_NEEDS_FULL_PROGRESS); progress 100 is not
 *   추진예정 / 정상추진 (FULL_PROGRESS_NOT_UNDER_WAY);
 * - an execution is dated inside its budget year and does not pass the money secured, unless
 *   the explicit override is sent with a reason;
 * - a held event has real dates and has started; an ended event is no longer planned.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedGenieForumEditions } from '../../src/modules/events/event-seed.ts';
import { seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import type { Json } from '../support/json.ts';
import { actionAt, countRows, planActions, RUNNING_TABLES, type SeedAction } from '../support/running.ts';

const TABLES = [...RUNNING_TABLES, 'events'] as const;

/** The refusal's code and status, its field, and both languages present. */
function assertRefusal(res: { statusCode: number; json: () => Json; body: string }, status: number, code: string, field: string) {
  assert.equal(res.statusCode, status, res.body);
  const { error } = res.json();
  assert.equal(error.code, code);
  assert.ok(error.message.ko && error.message.en, res.body);
  assert.deepEqual(
    error.fields.map((f: Json) => f.field),
    [field],
  );
  assert.match(error.fields[0].message.ko, /[가-힣]/);
  assert.match(error.fields[0].message.en, /[a-z]/);
  assert.doesNotMatch(error.message.ko, /을\(를\)|이\(가\)|\(으\)로/);
}

for (const kind of DB_KINDS) {
  describe(`data rules on ${kind}`, () => {
    let t: TestApp;
    let planId: number;
    let actions: SeedAction[];
    let manager: Session;

    const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });
    const counts = () => countRows(t, TABLES);

    before(async () => {
      t = await openTestApp(kind);
      planId = (await seedPlanIfEmpty(t.database.db))!;
      actions = await planActions(t, planId);
      manager = await staffSession(t, 'manager');
    });
    after(() => t.close());

    it('refuses 완료 below progress 100 with a code the form turns into a question, and saves it with 100', async () => {
      const action = actionAt(actions, 2024, 'Q1', 0);
      const before = await counts();
      const done = await call('PATCH', `/api/actions/${action.id}`, manager, { status: 'done', progress: 60 });
      assertRefusal(done, 422, 'DONE_NEEDS_FULL_PROGRESS', 'progress');
      assert.match(done.json().error.message.ko, /'완료'로 바꾸려면 진척도가 100%여야 합니다\. 지금 진척도는 60%입니다\./);
      assert.match(done.json().error.message.en, /progress must be 100%/);
      // 이행 후 계속추진 too; status alone on an action at 0% as well.
      const continuing = await call('PATCH', `/api/actions/${action.id}`, manager, { status: 'done_continuing' });
      assertRefusal(continuing, 422, 'DONE_NEEDS_FULL_PROGRESS', 'progress');
      assert.match(continuing.json().error.message.ko, /'이행 후 계속추진'으로 바꾸려면/);
      assert.deepEqual(await counts(), before, 'nothing written');

      const ok = await call('PATCH', `/api/actions/${action.id}`, manager, { status: 'done', progress: 100, comment: '완료 보고' });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual([ok.json().status, ok.json().progress], ['done', 100]);
      // Lowering the progress of a done action: refused on the field that was sent.
      assertRefusal(await call('PATCH', `/api/actions/${action.id}`, manager, { progress: 90 }), 422, 'DONE_NEEDS_FULL_PROGRESS', 'progress');
    });

    it('refuses progress 100 with 추진예정 or 정상추진, naming the field that was sent', async () => {
      const action = actionAt(actions, 2024, 'Q2', 0);
      const before = await counts();
      const full = await call('PATCH', `/api/actions/${action.id}`, manager, { progress: 100 });
      assertRefusal(full, 422, 'FULL_PROGRESS_NOT_UNDER_WAY', 'progress');
      assert.match(full.json().error.message.ko, /진척도 100%인 추진계획은 '추진예정' 상태일 수 없습니다/);
      const both = await call('PATCH', `/api/actions/${action.id}`, manager, { status: 'on_track', progress: 100 });
      assertRefusal(both, 422, 'FULL_PROGRESS_NOT_UNDER_WAY', 'status');
      assert.match(both.json().error.message.en, /cannot be on track/);
      assert.deepEqual(await counts(), before, 'nothing written');
      const ok = await call('PATCH', `/api/actions/${action.id}`, manager, { status: 'on_track', progress: 99 });
      assert.equal(ok.statusCode, 200, ok.body);
      // A comment alone is never refused.
      assert.equal((await call('PATCH', `/api/actions/${action.id}`, manager, { comment: '메모' })).statusCode, 200);
    });

    it('refuses an execution dated outside its budget year, on booking and on correcting', async () => {
      await call('PUT', `/api/plans/${planId}/ledger/secured`, manager, { sourceLabel: '시비', year: 2024, securedKrw: 100_000_000 });
      const before = await counts();
      const outside = await call('POST', `/api/plans/${planId}/executions`, manager, {
        sourceLabel: '시비',
        year: 2024,
        executedOn: '2025-01-03',
        amountKrw: 10_000_000,
        description: '연도 밖 집행',
      });
      assertRefusal(outside, 422, 'EXECUTION_OUTSIDE_YEAR', 'executedOn');
      assert.match(outside.json().error.message.ko, /집행일은 예산 연도\(2024년\) 안이어야 합니다/);
      assert.deepEqual(await counts(), before, 'nothing written');

      const ok = await call('POST', `/api/plans/${planId}/executions`, manager, {
        sourceLabel: '시비',
        year: 2024,
        executedOn: '2024-12-31',
        amountKrw: 10_000_000,
        description: '연말 집행',
      });
      assert.equal(ok.statusCode, 201, ok.body);
      const moved = await call('PATCH', `/api/executions/${ok.json().id}`, manager, { year: 2023 });
      assertRefusal(moved, 422, 'EXECUTION_OUTSIDE_YEAR', 'executedOn');
    });

    it('refuses an execution beyond the secured money without the override, and audits the override with its reason', async () => {
      await call('PUT', `/api/plans/${planId}/ledger/secured`, manager, { sourceLabel: '시비', year: 2025, securedKrw: 50_000_000 });
      const first = await call('POST', `/api/plans/${planId}/executions`, manager, {
        sourceLabel: '시비',
        year: 2025,
        executedOn: '2025-03-02',
        amountKrw: 40_000_000,
        description: '아카데미',
      });
      assert.equal(first.statusCode, 201, first.body);

      const before = await counts();
      const over = { sourceLabel: '시비', year: 2025, executedOn: '2025-09-10', amountKrw: 20_000_000, description: '제6회 지니포럼 지원' };
      const refused = await call('POST', `/api/plans/${planId}/executions`, manager, over);
      assertRefusal(refused, 409, 'EXECUTION_EXCEEDS_SECURED', 'amountKrw');
      assert.match(refused.json().error.message.ko, /시비 2025년 확보액 50,000,000원 중 40,000,000원이 이미 집행되어 10,000,000원만 남았습니다/);
      assert.match(refused.json().error.message.en, /KRW 10,000,000 is left/);
      // The flag without a reason: still refused, on the reason.
      assertRefusal(
        await call('POST', `/api/plans/${planId}/executions`, manager, { ...over, exceedSecured: true, overrideReason: '   ' }),
        400,
        'VALIDATION_FAILED',
        'overrideReason',
      );
      // A correction raising an amount past the secured money is refused too.
      assertRefusal(await call('PATCH', `/api/executions/${first.json().id}`, manager, { amountKrw: 60_000_000 }), 409, 'EXECUTION_EXCEEDS_SECURED', 'amountKrw');
      assert.deepEqual(await counts(), before, 'nothing written');

      const overridden = await call('POST', `/api/plans/${planId}/executions`, manager, { ...over, exceedSecured: true, overrideReason: '추경 확정 전 선집행(도 협의 완료)' });
      assert.equal(overridden.statusCode, 201, overridden.body);
      assert.equal('exceedSecured' in overridden.json(), false, 'the flag is not part of the execution');
      const audit = (await call('GET', `/api/audit?entity=execution&entityId=${overridden.json().id}`, manager)).json().items;
      assert.equal(audit.length, 1);
      assert.equal(audit[0].action, 'execution.create');
      assert.deepEqual(audit[0].after.override, {
        reason: '추경 확정 전 선집행(도 협의 완료)',
        securedKrw: 50_000_000,
        executedBeforeKrw: 40_000_000,
        executedAfterKrw: 60_000_000,
      });
      assert.equal(audit[0].actorEmail, manager.email);
      const ledger = (await call('GET', `/api/plans/${planId}/ledger`, manager)).json();
      assert.equal(ledger.rows.find((r: Json) => r.year === 2025).executedKrw, 60_000_000);

      // Correcting the description of an execution over the line needs no new override; within the secured money needs none.
      const fix = await call('PATCH', `/api/executions/${overridden.json().id}`, manager, { description: '제6회 지니포럼 운영 지원' });
      assert.equal(fix.statusCode, 200, fix.body);
      const fixAudit = (await call('GET', `/api/audit?action=execution.update&entityId=${overridden.json().id}`, manager)).json().items;
      assert.equal(fixAudit[0].after.override, undefined);
    });

    it('refuses a held event without real dates or before it starts, and an ended event kept as planned', async () => {
      await seedGenieForumEditions(t.database.db);
      const editions = (await call('GET', '/api/manage/events', manager)).json().items.filter((e: Json) => e.kind === 'forum');
      const fourth = editions.find((e: Json) => e.edition === 4);
      assert.ok(fourth?.dateApproximate, 'seeded with placeholder dates');
      const before = await counts();
      const heldApprox = await call('PATCH', `/api/events/${fourth.id}`, manager, { status: 'held' });
      assertRefusal(heldApprox, 422, 'EVENT_HELD_NEEDS_DATES', 'dateApproximate');
      assert.match(heldApprox.json().error.message.ko, /개최된 행사에는 실제 날짜가 있어야 합니다/);
      const keptPlanned = await call('PATCH', `/api/events/${fourth.id}`, manager, { startsAt: '2023-09-14T09:00:00+09:00', endsAt: '2023-09-14T18:00:00+09:00' });
      assertRefusal(keptPlanned, 422, 'EVENT_ENDED_STILL_PLANNED', 'status');
      assert.match(keptPlanned.json().error.message.ko, /지난 행사는 '예정'으로 둘 수 없습니다/);
      assert.deepEqual(await counts(), before, 'nothing written');
      // A title alone does not need the dates (the seeded past editions stay editable).
      assert.equal((await call('PATCH', `/api/events/${fourth.id}`, manager, { published: false })).statusCode, 200);

      const held = await call('PATCH', `/api/events/${fourth.id}`, manager, { status: 'held', startsAt: '2023-09-14T09:00:00+09:00', endsAt: '2023-09-14T18:00:00+09:00' });
      assert.equal(held.statusCode, 200, held.body);
      assert.deepEqual([held.json().status, held.json().dateApproximate], ['held', false]);

      const future = await call('POST', '/api/events', manager, {
        kind: 'seminar',
        title: { ko: '미래 세미나', en: 'Future seminar' },
        startsAt: '2099-05-01T10:00:00+09:00',
        endsAt: '2099-05-01T12:00:00+09:00',
      });
      assert.equal(future.statusCode, 201, future.body);
      const early = await call('PATCH', `/api/events/${future.json().id}`, manager, { status: 'held' });
      assertRefusal(early, 422, 'EVENT_HELD_NEEDS_DATES', 'status');
      assert.match(early.json().error.message.en, /before it starts/);
    });
  });
}
