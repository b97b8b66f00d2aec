/**
 * Editing in place (issue 14): every record that can be added can be changed — rooms, speakers,
 * programme items (one item per room at a time), categories, questions, academy sessions, ledger
 * executions, evidence titles. For each PATCH: the change, a bilingual 400 naming the field with
 * nothing written, the access refusal, and the audit row — on PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/db/executor.ts';
import { seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import type { Json } from '../support/json.ts';
import { countRows, planActions } from '../support/running.ts';

const TABLES = [
  'event_rooms',
  'speakers',
  'event_programme',
  'programme_speakers',
  'event_questions',
  'capacity_pools',
  'budget_executions',
  'evidence',
  'academy_sessions',
  'audit_log',
] as const;
const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
/** A day next year, so registration is open whenever the test runs. */
const DAY = `${new Date().getUTCFullYear() + 1}-09-17`;

for (const kind of DB_KINDS) {
  describe(`editing in place on ${kind}`, () => {
    let t: TestApp;
    let manager: Session;
    let viewer: Session;
    let officer: Session;
    let planId: number;
    let phoneSeq = 1000;

    const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });
    const counts = () => countRows(t, TABLES);
    const audits = async (action: string, entityId: number) =>
      rows<{ before: Json; after: Json; actor_email: string }>(
        t.database.db,
        sql`select before, after, actor_email from audit_log where action = ${action} and entity_id = ${String(entityId)} order by id`,
      );
    /** A refused write: the status, the field named in both languages, and no row changed. */
    async function refused(send: () => Promise<{ statusCode: number; body: string }>, status: number, field: string | null) {
      const before = await counts();
      const res = await send();
      assert.equal(res.statusCode, status, res.body);
      const error = JSON.parse(res.body).error;
      assert.ok(error.message.ko && error.message.en, res.body);
      if (field) {
        const f = (error.fields ?? []).find((x: Json) => x.field === field);
        assert.ok(f, `field ${field} named: ${res.body}`);
        assert.ok(f.message.ko && f.message.en, res.body);
      }
      assert.deepEqual(await counts(), before, 'nothing written');
      return error;
    }

    async function newEvent(): Promise<Json> {
      const res = await call('POST', '/api/events', manager, {
        kind: 'seminar',
        title: { ko: '편집 시험 세미나', en: 'Editing seminar' },
        startsAt: `${DAY}T09:00:00+09:00`,
        endsAt: `${DAY}T18:00:00+09:00`,
        published: true,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json();
    }

    before(async () => {
      t = await openTestApp(kind);
      manager = await staffSession(t, 'manager');
      viewer = await staffSession(t, 'viewer');
      officer = await staffSession(t, 'officer');
      planId = (await seedPlanIfEmpty(t.database.db))!;
    });
    after(() => t.close());

    it('edits a room and a speaker: the change, a named 400, 403 to non-managers, the audit row', async () => {
      const e = await newEvent();
      const room = (await call('POST', `/api/events/${e.id}/rooms`, manager, { name: { ko: '소회의실' } })).json();
      const res = await call('PATCH', `/api/events/${e.id}/rooms/${room.id}`, manager, { name: { ko: '대회의실', en: 'Main room' } });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().name, { ko: '대회의실', en: 'Main room' });
      const [a] = await audits('event.room.update', room.id);
      assert.equal((a!.before as Json).name.ko, '소회의실');
      assert.equal((a!.after as Json).name.ko, '대회의실');
      assert.equal(a!.actor_email, manager.email);
      await refused(() => call('PATCH', `/api/events/${e.id}/rooms/${room.id}`, manager, { name: { ko: '' } }), 400, 'name.ko');
      await refused(() => call('PATCH', `/api/events/${e.id}/rooms/${room.id}`, manager, { name: { ko: '줄\n바꿈' } }), 400, 'name.ko');
      await refused(() => call('PATCH', `/api/events/${e.id}/rooms/${room.id}`, officer, { name: { ko: '바뀜' } }), 403, null);
      await refused(() => call('PATCH', `/api/events/${e.id}/rooms/${room.id}`, null, { name: { ko: '바뀜' } }), 401, null);

      const sp = (await call('POST', `/api/events/${e.id}/speakers`, manager, { name: { ko: '김연사' } })).json();
      const s2 = await call('PATCH', `/api/events/${e.id}/speakers/${sp.id}`, manager, { name: { ko: '김연사', en: 'Kim' }, affiliation: { ko: '국민연금공단' } });
      assert.equal(s2.statusCode, 200, s2.body);
      assert.deepEqual(s2.json().affiliation, { ko: '국민연금공단', en: null });
      assert.equal((await audits('event.speaker.update', sp.id)).length, 1);
      await refused(() => call('PATCH', `/api/events/${e.id}/speakers/${sp.id}`, manager, { name: { ko: 'x'.repeat(101) } }), 400, 'name.ko');
      await refused(() => call('PATCH', `/api/events/${e.id}/speakers/${sp.id}`, viewer, { name: { ko: '바뀜' } }), 403, null);
    });

    it('refuses two programme items in one room at once, on create and on edit, naming the clashing item', async () => {
      const e = await newEvent();
      const hall = (await call('POST', `/api/events/${e.id}/rooms`, manager, { name: { ko: '대강당', en: 'Hall' } })).json();
      const side = (await call('POST', `/api/events/${e.id}/rooms`, manager, { name: { ko: '세미나실', en: 'Seminar room' } })).json();
      const item = (body: Json) => call('POST', `/api/events/${e.id}/programme`, manager, { kind: 'talk', ...body });
      const keynote = await item({ title: { ko: '기조연설', en: 'Keynote' }, startsAt: `${DAY}T10:00:00+09:00`, endsAt: `${DAY}T11:00:00+09:00`, roomId: hall.id });
      assert.equal(keynote.statusCode, 201, keynote.body);
      // Touching ends, another room and no room at all are fine.
      const next = await item({ title: { ko: '발표 1' }, startsAt: `${DAY}T11:00:00+09:00`, endsAt: `${DAY}T11:30:00+09:00`, roomId: hall.id });
      assert.equal(next.statusCode, 201, next.body);
      assert.equal((await item({ title: { ko: '분과' }, startsAt: `${DAY}T10:30:00+09:00`, endsAt: `${DAY}T11:30:00+09:00`, roomId: side.id })).statusCode, 201);
      assert.equal((await item({ title: { ko: '안내' }, startsAt: `${DAY}T10:00:00+09:00`, endsAt: `${DAY}T10:10:00+09:00` })).statusCode, 201);

      const error = await refused(
        () => item({ title: { ko: '겹치는 발표' }, startsAt: `${DAY}T10:30:00+09:00`, endsAt: `${DAY}T11:15:00+09:00`, roomId: hall.id }),
        409,
        'startsAt',
      );
      assert.equal(error.code, 'PROGRAMME_OVERLAP');
      assert.equal(error.message.ko, "같은 장소의 '기조연설'(10:00–11:00) 항목과 시간이 겹칩니다.");
      assert.equal(error.message.en, "The time overlaps 'Keynote' (10:00–11:00, Korea time) in the same room.");

      // Editing: moving into the hall's busy hour, or moving the busy item into the side room's slot.
      const moved = await refused(() => call('PATCH', `/api/events/${e.id}/programme/${next.json().id}`, manager, { startsAt: `${DAY}T10:45:00+09:00` }), 409, 'startsAt');
      assert.match(moved.message.ko, /'기조연설'/);
      const intoSide = await refused(() => call('PATCH', `/api/events/${e.id}/programme/${keynote.json().id}`, manager, { roomId: side.id }), 409, 'startsAt');
      assert.match(intoSide.message.ko, /'분과'/);
      // An item does not clash with itself; a real edit goes through and is audited.
      const ok = await call('PATCH', `/api/events/${e.id}/programme/${keynote.json().id}`, manager, {
        title: { ko: '기조연설: 전북 금융중심지', en: 'Keynote' },
        endsAt: `${DAY}T10:50:00+09:00`,
      });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().title.ko, '기조연설: 전북 금융중심지');
      const [a] = await audits('event.programme.update', keynote.json().id);
      assert.equal((a!.before as Json).title.ko, '기조연설');
      await refused(() => call('PATCH', `/api/events/${e.id}/programme/${keynote.json().id}`, manager, { endsAt: `${DAY}T09:00:00+09:00` }), 400, 'endsAt');
      await refused(() => call('PATCH', `/api/events/${e.id}/programme/${keynote.json().id}`, viewer, { title: { ko: '바뀜' } }), 403, null);
    });

    it('edits a category; its capacity never drops below the seats taken', async () => {
      const e = await newEvent();
      const c = await call('POST', `/api/events/${e.id}/categories`, manager, {
        category: 'general',
        capacity: 3,
        opensAt: at(-HOUR),
        closesAt: at(24 * HOUR),
      });
      assert.equal(c.statusCode, 201, c.body);
      const id = c.json().id;
      for (let i = 0; i < 2; i++) {
        const r = await call('POST', `/api/events/${e.id}/registrations`, null, {
          category: 'general',
          name: '홍길동',
          phone: `010-5555-${String(phoneSeq).padStart(4, '0')}`,
          email: `p${phoneSeq++}@example.org`,
          consent: true,
        });
        assert.equal(r.statusCode, 201, r.body);
      }
      const error = await refused(() => call('PATCH', `/api/events/${e.id}/categories/${id}`, manager, { capacity: 1 }), 409, null);
      assert.equal(error.code, 'CAPACITY_BELOW_TAKEN');
      await refused(() => call('PATCH', `/api/events/${e.id}/categories/${id}`, manager, { capacity: -1 }), 400, 'capacity');
      await refused(() => call('PATCH', `/api/events/${e.id}/categories/${id}`, manager, { closesAt: at(-2 * HOUR) }), 400, 'closesAt');
      await refused(() => call('PATCH', `/api/events/${e.id}/categories/${id}`, viewer, { capacity: 10 }), 403, null);
      const res = await call('PATCH', `/api/events/${e.id}/categories/${id}`, manager, { capacity: 2, requiresApproval: true });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual([res.json().capacity, res.json().seatsLeft, res.json().requiresApproval], [2, 0, true]);
      const [a] = await audits('event.category.update', id);
      assert.equal((a!.before as Json).capacity, 3);
      assert.equal((a!.after as Json).capacity, 2);
    });

    it('edits a question; an answered one keeps its kind and the options people chose', async () => {
      const e = await newEvent();
      await call('POST', `/api/events/${e.id}/categories`, manager, { category: 'general', capacity: 10, opensAt: at(-HOUR), closesAt: at(24 * HOUR) });
      const q = await call('POST', `/api/events/${e.id}/questions`, manager, {
        kind: 'choice',
        label: { ko: '식사' },
        options: [
          { value: 'lunch', ko: '점심' },
          { value: 'none', ko: '안 함' },
        ],
      });
      assert.equal(q.statusCode, 201, q.body);
      const id = q.json().id;
      const renamed = await call('PATCH', `/api/events/${e.id}/questions/${id}`, manager, { label: { ko: '식사 여부', en: 'Meal' }, required: true });
      assert.equal(renamed.statusCode, 200, renamed.body);
      assert.deepEqual([renamed.json().label, renamed.json().required], [{ ko: '식사 여부', en: 'Meal' }, true]);
      const [a] = await audits('event.question.update', id);
      assert.equal((a!.before as Json).label.ko, '식사');
      assert.equal((a!.after as Json).label.ko, '식사 여부');
      await refused(() => call('PATCH', `/api/events/${e.id}/questions/${id}`, manager, { options: null }), 400, 'options');
      await refused(() => call('PATCH', `/api/events/${e.id}/questions/${id}`, manager, { label: { ko: '' } }), 400, 'label.ko');
      await refused(() => call('PATCH', `/api/events/${e.id}/questions/${id}`, manager, {}), 400, null);
      await refused(() => call('PATCH', `/api/events/${e.id}/questions/${id}`, viewer, { required: false }), 403, null);

      const r = await call('POST', `/api/events/${e.id}/registrations`, null, {
        category: 'general',
        name: '홍길동',
        phone: `010-5555-${String(phoneSeq).padStart(4, '0')}`,
        email: `p${phoneSeq++}@example.org`,
        consent: true,
        answers: { [id]: 'lunch' },
      });
      assert.equal(r.statusCode, 201, r.body);
      const kindChange = await refused(() => call('PATCH', `/api/events/${e.id}/questions/${id}`, manager, { kind: 'text', options: null }), 409, 'kind');
      assert.equal(kindChange.code, 'QUESTION_ANSWERED');
      const lost = await refused(() => call('PATCH', `/api/events/${e.id}/questions/${id}`, manager, { options: [{ value: 'none', ko: '안 함' }] }), 409, 'options');
      assert.match(lost.message.ko, /lunch/);
      // Adding an option and keeping the chosen one is fine.
      const more = await call('PATCH', `/api/events/${e.id}/questions/${id}`, manager, {
        options: [
          { value: 'lunch', ko: '점심 도시락' },
          { value: 'dinner', ko: '만찬' },
        ],
      });
      assert.equal(more.statusCode, 200, more.body);
      assert.deepEqual(
        more.json().options.map((o: Json) => o.value),
        ['lunch', 'dinner'],
      );
    });

    it('corrects a ledger execution: the change, a named 400, 403 to officers, the audit row', async () => {
      await call('PUT', `/api/plans/${planId}/ledger/secured`, manager, { sourceLabel: '시비', year: 2023, securedKrw: 240_000_000 });
      const x = await call('POST', `/api/plans/${planId}/executions`, manager, {
        sourceLabel: '시비',
        year: 2023,
        executedOn: '2023-08-10',
        amountKrw: 100_000_000,
        description: '포럼 지원',
      });
      assert.equal(x.statusCode, 201, x.body);
      const id = x.json().id;
      const res = await call('PATCH', `/api/executions/${id}`, manager, { amountKrw: 90_000_000, description: '제4회 지니포럼 개최 지원', executedOn: '2023-08-11' });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(
        [res.json().amountKrw, res.json().description, res.json().executedOn, res.json().createdBy.email],
        [90_000_000, '제4회 지니포럼 개최 지원', '2023-08-11', manager.email],
      );
      const ledger = (await call('GET', `/api/plans/${planId}/ledger`, viewer)).json();
      assert.equal(ledger.rows.find((r: Json) => r.year === 2023).executedKrw, 90_000_000);
      const [a] = await audits('execution.update', id);
      assert.deepEqual([(a!.before as Json).amountKrw, (a!.after as Json).amountKrw], [100_000_000, 90_000_000]);
      await refused(() => call('PATCH', `/api/executions/${id}`, manager, { executedOn: '2023-02-30' }), 400, 'executedOn');
      await refused(() => call('PATCH', `/api/executions/${id}`, manager, { year: 2031 }), 400, 'year');
      await refused(() => call('PATCH', `/api/executions/${id}`, manager, { amountKrw: 0 }), 400, 'amountKrw');
      await refused(() => call('PATCH', `/api/executions/${id}`, manager, { sourceLabel: '국비' }), 400, 'sourceLabel');
      await refused(() => call('PATCH', `/api/executions/${id}`, officer, { amountKrw: 1 }), 403, null);
      await refused(() => call('PATCH', '/api/executions/999999', manager, { amountKrw: 1 }), 404, null);
    });

    it('renames evidence and edits an academy session in place', async () => {
      const [action] = await planActions(t, planId);
      const link = await call('POST', `/api/actions/${action!.id}/links`, manager, { title: '회의 자료', url: 'https://example.org/a', published: false });
      assert.equal(link.statusCode, 201, link.body);
      const ev = await call('PATCH', `/api/evidence/${link.json().id}`, manager, { title: '제1차 회의 자료' });
      assert.equal(ev.statusCode, 200, ev.body);
      assert.equal(ev.json().title, '제1차 회의 자료');
      assert.equal((await audits('evidence.update', link.json().id)).length, 1);
      await refused(() => call('PATCH', `/api/evidence/${link.json().id}`, manager, { title: '탭\t문자' }), 400, 'title');
      await refused(() => call('PATCH', `/api/evidence/${link.json().id}`, viewer, { title: '바뀜' }), 403, null);

      const s = await call('POST', '/api/academy/sessions', manager, {
        title: { ko: '금융아카데미 1강' },
        startsAt: at(48 * HOUR),
        endsAt: at(50 * HOUR),
        venue: '전주시청 강당',
        capacity: 20,
        registrationOpensAt: at(-HOUR),
        registrationClosesAt: at(24 * HOUR),
      });
      assert.equal(s.statusCode, 201, s.body);
      const edited = await call('PATCH', `/api/academy/sessions/${s.json().id}`, manager, { venue: '전주시청 회의실', capacity: 30 });
      assert.equal(edited.statusCode, 200, edited.body);
      assert.deepEqual([edited.json().venue, edited.json().capacity], ['전주시청 회의실', 30]);
      assert.equal((await audits('academy.session.update', s.json().id)).length, 1);
      await refused(() => call('PATCH', `/api/academy/sessions/${s.json().id}`, manager, { endsAt: at(47 * HOUR) }), 400, 'endsAt');
      await refused(() => call('PATCH', `/api/academy/sessions/${s.json().id}`, manager, { venue: '' }), 400, 'venue');
      await refused(() => call('PATCH', `/api/academy/sessions/${s.json().id}`, officer, { venue: '바뀜' }), 403, null);
    });
  });
}
