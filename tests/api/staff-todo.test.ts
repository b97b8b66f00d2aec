/**
 * The staff to-do list (GET /api/staff/todo) and the outbox for managers (GET /api/outbox, POST
 * /api/outbox/:id/retry), on PGlite and PostgreSQL: each kind of work appears for the roles that
 * do it, leaves the list when done, and links to its page; the outbox masks recipients, filters,
 * pages, and a retry (failed messages only, audited) puts the message back for the worker.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { rows } from '../../src/db/executor.ts';
import { FileChannel, FileSmsSender, SmsChannel } from '../../src/modules/notifications/channels/index.ts';
import { outbox } from '../../src/modules/notifications/schema.ts';
import { enqueueNotification } from '../../src/modules/notifications/service.ts';
import { drainOutbox } from '../../src/modules/notifications/worker.ts';
import { actionsToDo } from '../../src/modules/plan/todo.ts';
import { seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { createTestDepartment, ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import type { Json } from '../support/json.ts';
import { actionAt, countRows, planActions, type SeedAction } from '../support/running.ts';

const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

for (const kind of DB_KINDS) {
  describe(`staff to-do and outbox on ${kind}`, () => {
    let t: TestApp;
    let planId: number;
    let actions: SeedAction[];
    let dept: number;
    let manager: Session;
    let officer: Session;
    let otherOfficer: Session;
    let viewer: Session;
    let partner: Session;
    let sessionId: number;

    const call = (method: 'GET' | 'PATCH' | 'POST', url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });
    const todo = async (who: Session) => {
      const res = await call('GET', '/api/staff/todo', who);
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    let tokenSeq = 0;
    const registration = (poolId: number, status: string, phone: string, offerExpiresAt: string | null = null) =>
      t.database.db.execute(sql`insert into registrations (pool_id, status, name, phone, consent_at, consent_version, token_hash, offer_expires_at)
        values (${poolId}, ${status}::registration_status, '홍길동', ${phone}, now(), 'v1', ${`todo-${kind}-${++tokenSeq}`}, ${offerExpiresAt}::timestamptz)`);

    before(async () => {
      t = await openTestApp(kind);
      planId = (await seedPlanIfEmpty(t.database.db))!;
      actions = await planActions(t, planId);
      dept = (await createTestDepartment(t.database, '금융산업과')).id;
      const otherDept = (await createTestDepartment(t.database, '혁신도시과')).id;
      manager = await staffSession(t, 'manager');
      officer = await staffSession(t, 'officer', dept);
      otherOfficer = await staffSession(t, 'officer', otherDept);
      viewer = await staffSession(t, 'viewer');
      partner = await staffSession(t, 'partner');
      const s = await call('POST', '/api/academy/sessions', manager, {
        title: { ko: '금융아카데미 1강', en: 'Financial academy 1' },
        startsAt: at(72 * HOUR),
        endsAt: at(74 * HOUR),
        venue: '전주시청 강당',
        capacity: 5,
        registrationOpensAt: at(-HOUR),
        registrationClosesAt: at(48 * HOUR),
      });
      assert.equal(s.statusCode, 201, s.body);
      sessionId = s.json().id;
    });
    after(() => t.close());

    it('shows an officer only their department’s overdue actions; a settled action leaves the list', async () => {
      const mine = actionAt(actions, 2023, 'Q3', 0);
      const unowned = actionAt(actions, 2023, 'Q3', 1);
      assert.equal((await call('PATCH', `/api/actions/${mine.id}/assignment`, manager, { ownerDepartmentId: dept })).statusCode, 200);

      const list = await todo(officer);
      assert.equal(list.scope, 'department');
      assert.deepEqual(
        list.overdueActions.map((a: Json) => a.id),
        [mine.id],
      );
      const item = list.overdueActions[0];
      assert.equal(item.href, `/staff/plans/${planId}?action=${mine.id}#action-${mine.id}`);
      assert.deepEqual(item.department, { ko: '금융산업과', en: null });
      assert.equal(item.dueAt, '2023-09-30T15:00:00.000Z', 'Q3 2023 ends at midnight Seoul time, 1 October');
      assert.deepEqual([list.unreportedQuarters, list.pendingApprovals, list.schoolApplications], [[], [], []], 'an officer does none of these');
      assert.equal(list.failedMessages.total, 0);
      assert.deepEqual((await todo(otherOfficer)).overdueActions, []);

      const all = await todo(manager);
      assert.equal(all.scope, 'all');
      const ids = all.overdueActions.map((a: Json) => a.id);
      assert.ok(ids.includes(mine.id) && ids.includes(unowned.id), 'a manager sees every department’s');

      const upd = await call('PATCH', `/api/actions/${mine.id}`, officer, { status: 'on_track', progress: 50 });
      assert.equal(upd.statusCode, 200, upd.body);
      assert.equal((await todo(officer)).overdueActions.length, 1, 'on track but past its period: still overdue');
      assert.equal((await call('PATCH', `/api/actions/${mine.id}`, officer, { status: 'done', progress: 100 })).statusCode, 200);
      assert.deepEqual((await todo(officer)).overdueActions, []);
      assert.ok(!(await todo(manager)).overdueActions.some((a: Json) => a.id === mine.id));
    });

    it('lists running actions with no update this quarter as stale (at a chosen moment)', async () => {
      const a = actionAt(actions, 2023, 'Q4', 0);
      await call('PATCH', `/api/actions/${a.id}/assignment`, manager, { ownerDepartmentId: dept });
      const inQ4 = new Date('2023-11-15T03:00:00Z');
      const before = await actionsToDo(t.database.db, dept, inQ4);
      assert.ok(before.stale.some((s) => s.id === a.id));
      assert.ok(!before.overdue.some((s) => s.id === a.id), 'its period has not ended then');
      // An update made in 2023 Q4 keeps it off the list in that quarter, not in the next one.
      await t.database.db.execute(sql`insert into action_updates (action_id, at, status_before, status_after, progress_before, progress_after)
        values (${a.id}, '2023-10-05T00:00:00Z', 'planned', 'on_track', 0, 20)`);
      assert.ok(!(await actionsToDo(t.database.db, dept, inQ4)).stale.some((s) => s.id === a.id));
    });

    it('lists finished quarters not reported, for managers, until reported', async () => {
      const list = await todo(manager);
      const q = list.unreportedQuarters.find((x: Json) => x.year === 2023 && x.quarter === 3);
      assert.ok(q, 'Q3 2023 is not reported');
      assert.equal(q.href, `/staff/plans/${planId}/reports?year=2023&quarter=3`);
      assert.ok(!list.unreportedQuarters.some((x: Json) => new Date(Date.UTC(x.year, x.quarter * 3, 1)) > new Date(Date.now() + 9 * HOUR)), 'no quarter that has not ended');
      assert.equal((await call('POST', `/api/plans/${planId}/reports`, manager, { year: 2023, quarter: 3 })).statusCode, 201);
      assert.ok(!(await todo(manager)).unreportedQuarters.some((x: Json) => x.year === 2023 && x.quarter === 3));
    });

    it('lists registrations awaiting approval and offers expiring within a day, by session', async () => {
      const [{ pool_id: poolId }] = (await rows<Json>(t.database.db, sql`select pool_id from academy_sessions where id = ${sessionId}`)) as [Json];
      await registration(poolId, 'pending', '01011110001');
      await registration(poolId, 'pending', '01011110002');
      await registration(poolId, 'offered', '01011110003', at(3 * HOUR));
      await registration(poolId, 'offered', '01011110004', at(30 * HOUR));
      const list = await todo(manager);
      const approval = list.pendingApprovals.find((p: Json) => p.ownerId === sessionId);
      assert.deepEqual([approval.kind, approval.count, approval.href, approval.title.ko], ['academy_session', 2, `/staff/academy/sessions/${sessionId}`, '금융아카데미 1강']);
      const offer = list.expiringOffers.find((p: Json) => p.ownerId === sessionId);
      assert.equal(offer.count, 1, 'the offer due in 30 hours is not yet pressing');
      assert.ok(Math.abs(Date.parse(offer.firstOfferDeadline) - Date.now() - 3 * HOUR) < 60_000);
      assert.deepEqual((await todo(officer)).pendingApprovals, []);
      assert.deepEqual((await todo(viewer)).expiringOffers, []);
    });

    it('lists school applications to decide, per year', async () => {
      const [survey] = await rows<Json>(
        t.database.db,
        sql`insert into school_surveys (year, opens_at, closes_at, target_schools) values (2031, now() - interval '1 day', now() + interval '9 days', 3) returning id`,
      );
      for (const [i, status] of ['submitted', 'submitted', 'selected'].entries()) {
        await t.database.db.execute(sql`insert into school_applications (survey_id, school_name, level, teacher_name, grade, students, preferred_dates, topics, status, consent_at, consent_version, token_hash)
          values (${survey!.id}, ${`전주초등학교 ${i}`}, 'elementary', '김교사', '5학년', 25, '{}', '용돈 관리', ${status}::application_status, now(), 'v1', ${`school-${kind}-${i}`})`);
      }
      const item = (await todo(manager)).schoolApplications.find((s: Json) => s.year === 2031);
      assert.deepEqual([item.count, item.href], [2, `/staff/school?survey=${survey!.id}`]);
    });

    it('lists failed messages (masked) and lets a manager send one again, audited', async () => {
      const db = t.database.db;
      const add = async (recipient: string, channel: 'email' | 'sms', kind: string, status: 'pending' | 'sent' | 'failed', lastError: string | null = null) => {
        await enqueueNotification(db, { channel, recipient, subject: '[금융아카데미] 신청 확정', body: '확정되었습니다.', kind });
        const [r] = await db.select({ id: outbox.id }).from(outbox).orderBy(sql`id desc`).limit(1);
        await db
          .update(outbox)
          .set({ status, attempts: status === 'failed' ? 10 : 0, lastError })
          .where(eq(outbox.id, r!.id));
        return r!.id;
      };
      const failedMail = await add('hong@example.com', 'email', 'registration.confirmed', 'failed', '550 mailbox unavailable');
      const failedSms = await add('01012345678', 'sms', 'school.decision', 'failed', 'gateway timeout');
      const purged = await add('', 'sms', 'school.decision', 'failed', 'gateway timeout');
      const pending = await add('kim@example.com', 'email', 'registration.confirmed', 'pending');
      await add('lee@example.com', 'email', 'registration.reminder', 'sent');

      const todoList = await todo(manager);
      assert.equal(todoList.failedMessages.total, 3);
      assert.equal(todoList.failedMessages.href, '/staff/outbox?status=failed');
      assert.equal((await todo(officer)).failedMessages.total, 0);

      const failed = (await call('GET', '/api/outbox?status=failed', manager)).json();
      assert.equal(failed.total, 3);
      assert.deepEqual(
        failed.items.map((m: Json) => [m.id, m.recipient, m.lastError, m.canRetry]),
        [
          [purged, null, 'gateway timeout', false],
          [failedSms, '010-****-5678', 'gateway timeout', true],
          [failedMail, 'h***@example.com', '550 mailbox unavailable', true],
        ],
      );
      assert.ok(!JSON.stringify(failed).includes('hong@'), 'no recipient in full');
      assert.ok(failed.kinds.includes('registration.reminder') && failed.kinds.includes('school.decision'));
      assert.deepEqual(
        (await call('GET', '/api/outbox?kind=registration.reminder', manager)).json().items.map((m: Json) => m.status),
        ['sent'],
      );
      const today = new Date(Date.now() + 9 * HOUR).toISOString().slice(0, 10);
      assert.equal((await call('GET', `/api/outbox?from=${today}&to=${today}&status=failed`, manager)).json().total, 3);
      assert.equal((await call('GET', '/api/outbox?to=2020-01-01', manager)).json().total, 0);
      const first = (await call('GET', '/api/outbox?status=failed&limit=2', manager)).json();
      assert.equal(first.items.length, 2);
      const second = (await call('GET', `/api/outbox?status=failed&limit=2&after=${first.nextAfter}`, manager)).json();
      assert.deepEqual(
        second.items.map((m: Json) => m.id),
        [failedMail],
      );
      assert.equal(second.nextAfter, null);
      assert.equal((await call('GET', '/api/outbox?status=lost', manager)).statusCode, 400);

      const tables = ['outbox', 'audit_log'];
      const before = await countRows(t, tables);
      const refusedPending = await call('POST', `/api/outbox/${pending}/retry`, manager);
      assert.equal(refusedPending.statusCode, 409);
      assert.equal(refusedPending.json().error.code, 'MESSAGE_NOT_FAILED');
      assert.match(refusedPending.json().error.message.ko, /실패한 메시지만/);
      const refusedPurged = await call('POST', `/api/outbox/${purged}/retry`, manager);
      assert.equal(refusedPurged.json().error.code, 'MESSAGE_PURGED');
      assert.equal((await call('POST', `/api/outbox/${failedMail}/retry`, officer)).statusCode, 403);
      assert.equal((await call('POST', '/api/outbox/999999/retry', manager)).statusCode, 404);
      assert.deepEqual(await countRows(t, tables), before, 'refusals write nothing');
      const [unchanged] = await db.select().from(outbox).where(eq(outbox.id, failedMail));
      assert.equal(unchanged!.status, 'failed');

      const retried = await call('POST', `/api/outbox/${failedMail}/retry`, manager);
      assert.equal(retried.statusCode, 200, retried.body);
      assert.deepEqual([retried.json().status, retried.json().attempts, retried.json().canRetry], ['pending', 0, false]);
      const [audit] = await rows<Json>(db, sql`select action, entity, entity_id, before, after from audit_log where action = 'outbox.retry' order by id desc limit 1`);
      assert.deepEqual(
        [audit!.entity, audit!.entity_id, audit!.before.status, audit!.before.lastError, audit!.after.status],
        ['outbox', String(failedMail), 'failed', '550 mailbox unavailable', 'pending'],
      );
      assert.equal((await call('POST', `/api/outbox/${failedMail}/retry`, manager)).json().error.code, 'MESSAGE_NOT_FAILED', 'a second retry while it waits');

      // The worker takes it again: sent, with a fresh count of attempts.
      const channels = { email: new FileChannel(t.dataDir), sms: new SmsChannel(new FileSmsSender(t.dataDir)) };
      await drainOutbox(db, channels);
      const [sent] = await db.select().from(outbox).where(eq(outbox.id, failedMail));
      assert.deepEqual([sent!.status, sent!.attempts], ['sent', 1]);
      assert.ok(fs.readdirSync(path.join(t.dataDir, 'outbox')).some((f) => f.startsWith(`${failedMail}-`)));
      assert.equal((await todo(manager)).failedMessages.total, 2);
    });

    it('shows partners and viewers nothing to do', async () => {
      for (const who of [viewer, partner]) {
        const list = await todo(who);
        assert.equal(list.scope, 'none');
        assert.deepEqual([list.overdueActions, list.staleActions, list.unreportedQuarters], [[], [], []]);
      }
    });
  });
}
