/**
 * Events core: bilingual events, rooms, programme, speakers with photos, the public list and
 * detail, iCalendar export, the seeded GENIE Forum editions and the plan binding — on PGlite and
 * PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { seedGenieForumEditions } from '../../src/modules/events/event-seed.ts';
import { seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import { samples } from '../support/files.ts';
import { multipart } from '../support/multipart.ts';
import { countRows } from '../support/running.ts';
import { rows } from '../../src/db/executor.ts';
import type { Json } from '../support/json.ts';

const TABLES = ['events', 'event_rooms', 'event_programme', 'speakers', 'programme_speakers', 'audit_log', 'action_updates'] as const;

/** Unfolds RFC 5545 content lines and unescapes a TEXT value. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
const prop = (ics: string, name: string) =>
  unfold(ics)
    .split('\r\n')
    .find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
const unescapeText = (v: string) => v.replace(/\\n/gi, '\n').replace(/\\([,;\\])/g, '$1');

for (const kind of DB_KINDS) {
  describe(`events core on ${kind}`, () => {
    let t: TestApp;
    let manager: Session;
    let officer: Session;
    let viewer: Session;

    const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });
    const counts = () => countRows(t, TABLES);

    async function newEvent(over: Json = {}): Promise<Json> {
      const res = await call('POST', '/api/events', manager, {
        kind: 'seminar',
        title: { ko: '전주 금융세미나; 자산운용, 연기금', en: 'Jeonju finance seminar' },
        description: { ko: '연기금과 자산운용', en: 'Pensions and asset management' },
        startsAt: '2026-09-17T09:00:00+09:00',
        endsAt: '2026-09-17T18:00:00+09:00',
        venue: { ko: '전주 한국소리문화의전당', en: 'Sori Arts Center, Jeonju' },
        streamUrl: 'https://example.org/live',
        published: true,
        ...over,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json();
    }

    before(async () => {
      t = await openTestApp(kind);
      manager = await staffSession(t, 'manager');
      officer = await staffSession(t, 'officer');
      viewer = await staffSession(t, 'viewer');
    });
    after(() => t.close());

    it('creates and updates a bilingual event with rooms, speakers and a timetable', async () => {
      const e = await newEvent();
      assert.deepEqual(e.title, { ko: '전주 금융세미나; 자산운용, 연기금', en: 'Jeonju finance seminar' });
      assert.equal(e.startsAt, '2026-09-17T00:00:00.000Z');
      assert.equal(e.status, 'planned');
      const room = (await call('POST', `/api/events/${e.id}/rooms`, manager, { name: { ko: '대공연장', en: 'Main hall' } })).json();
      const sp = await call('POST', `/api/events/${e.id}/speakers`, manager, {
        name: { ko: '김연사', en: 'Kim Yeonsa' },
        affiliation: { ko: '국민연금공단' },
        bio: { ko: '기금운용 전문가', en: 'Fund manager' },
      });
      assert.equal(sp.statusCode, 201, sp.body);
      const item = await call('POST', `/api/events/${e.id}/programme`, manager, {
        kind: 'keynote',
        title: { ko: '기조연설', en: 'Keynote' },
        startsAt: '2026-09-17T09:30:00+09:00',
        endsAt: '2026-09-17T10:30:00+09:00',
        roomId: room.id,
        speakers: [{ speakerId: sp.json().id, role: '발표' }],
      });
      assert.equal(item.statusCode, 201, item.body);
      assert.deepEqual(item.json().speakers, [{ id: sp.json().id, role: '발표' }]);
      const patched = await call('PATCH', `/api/events/${e.id}/programme/${item.json().id}`, manager, { title: { ko: '기조연설: 금융중심지' }, speakers: [] });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.deepEqual(patched.json().title, { ko: '기조연설: 금융중심지', en: null });
      assert.deepEqual(patched.json().speakers, []);
      const upd = await call('PATCH', `/api/events/${e.id}`, manager, { title: { ko: '전주 금융세미나 2026', en: 'Jeonju Finance Seminar 2026' }, edition: 1 });
      assert.equal(upd.statusCode, 200, upd.body);
      const pub = (await call('GET', `/api/events/${e.id}`, null)).json();
      assert.deepEqual(pub.title, { ko: '전주 금융세미나 2026', en: 'Jeonju Finance Seminar 2026' });
      assert.deepEqual(
        pub.rooms.map((r: Json) => r.name.en),
        ['Main hall'],
      );
      assert.equal(pub.programme.length, 1);
      assert.equal(pub.programme[0].roomId, room.id);
      assert.deepEqual(pub.speakers[0].affiliation, { ko: '국민연금공단', en: null });
      assert.equal(pub.speakers[0].photoUrl, null);
      assert.deepEqual([pub.categories, pub.questions], [[], []]);
      const actions = (await rows<{ action: string }>(t.database.db, sql`select action from audit_log where action like 'event.%' order by id`)).map((r) => r.action);
      for (const a of ['event.create', 'event.room.create', 'event.speaker.create', 'event.programme.create', 'event.programme.update', 'event.update'])
        assert.ok(actions.includes(a), a);
      // officers and viewers may not write; viewers read the staff list
      assert.equal((await call('POST', '/api/events', officer, {})).statusCode, 403);
      assert.equal((await call('GET', '/api/manage/events', viewer)).statusCode, 200);
    });

    it('refuses bad input with a 400 naming the fields and writes nothing', async () => {
      const e = await newEvent({ title: { ko: '검증용 행사' } });
      const before = await counts();
      const long = await call('POST', '/api/events', manager, {
        kind: 'forum',
        title: { ko: '가'.repeat(201) },
        startsAt: '2026-09-17T09:00:00+09:00',
        endsAt: '2026-09-17T18:00:00+09:00',
      });
      assert.equal(long.statusCode, 400);
      assert.ok(
        long.json().error.fields.some((f: Json) => f.field.startsWith('title')),
        long.body,
      );
      const backwards = await call('POST', '/api/events', manager, {
        kind: 'forum',
        title: { ko: '거꾸로' },
        startsAt: '2026-09-17T18:00:00+09:00',
        endsAt: '2026-09-17T09:00:00+09:00',
      });
      assert.equal(backwards.statusCode, 400);
      assert.deepEqual(
        backwards.json().error.fields.map((f: Json) => f.field),
        ['endsAt'],
      );
      assert.ok(backwards.json().error.message.ko && backwards.json().error.message.en);
      const badRoom = await call('POST', `/api/events/${e.id}/programme`, manager, {
        kind: 'talk',
        title: { ko: '발표' },
        startsAt: '2026-09-17T11:00:00+09:00',
        endsAt: '2026-09-17T12:00:00+09:00',
        roomId: 999_999,
      });
      assert.equal(badRoom.statusCode, 400);
      assert.deepEqual(
        badRoom.json().error.fields.map((f: Json) => f.field),
        ['roomId'],
      );
      const badSpeaker = await call('POST', `/api/events/${e.id}/programme`, manager, {
        kind: 'talk',
        title: { ko: '발표' },
        startsAt: '2026-09-17T11:00:00+09:00',
        endsAt: '2026-09-17T12:00:00+09:00',
        speakers: [{ speakerId: 999_999 }],
      });
      assert.equal(badSpeaker.statusCode, 400);
      assert.deepEqual(
        badSpeaker.json().error.fields.map((f: Json) => f.field),
        ['speakers'],
      );
      const itemBackwards = await call('POST', `/api/events/${e.id}/programme`, manager, {
        kind: 'break',
        title: { ko: '휴식' },
        startsAt: '2026-09-17T12:00:00+09:00',
        endsAt: '2026-09-17T11:00:00+09:00',
      });
      assert.equal(itemBackwards.statusCode, 400);
      const patchBackwards = await call('PATCH', `/api/events/${e.id}`, manager, { endsAt: '2026-09-16T09:00:00+09:00' });
      assert.equal(patchBackwards.statusCode, 400);
      assert.deepEqual(
        patchBackwards.json().error.fields.map((f: Json) => f.field),
        ['endsAt'],
      );
      const badAction = await call('PATCH', `/api/events/${e.id}`, manager, { planActionId: 999_999 });
      assert.equal(badAction.statusCode, 400);
      assert.deepEqual(
        badAction.json().error.fields.map((f: Json) => f.field),
        ['planActionId'],
      );
      const badStream = await call('PATCH', `/api/events/${e.id}`, manager, { streamUrl: 'javascript:alert(1)' });
      assert.equal(badStream.statusCode, 400);
      assert.deepEqual(await counts(), before);
    });

    it('hides unpublished events from the public, shows them to staff', async () => {
      const hidden = await newEvent({ title: { ko: '비공개 행사' }, published: false });
      const shown = await newEvent({ title: { ko: '공개 행사' }, kind: 'conference' });
      const list = (await call('GET', '/api/events', null)).json().items.map((x: Json) => x.id);
      assert.ok(list.includes(shown.id));
      assert.ok(!list.includes(hidden.id));
      assert.equal((await call('GET', `/api/events/${hidden.id}`, null)).statusCode, 404);
      assert.equal((await call('GET', `/api/events/${hidden.id}/calendar.ics`, null)).statusCode, 404);
      assert.equal((await call('GET', `/api/events/${hidden.id}`, viewer)).statusCode, 200);
      assert.ok((await call('GET', '/api/manage/events', viewer)).json().items.some((x: Json) => x.id === hidden.id));
      const conf = (await call('GET', '/api/events?kind=conference', null)).json().items;
      assert.ok(conf.length >= 1 && conf.every((x: Json) => x.kind === 'conference'));
    });

    it('exports the event and each session as iCalendar (UTC times, escaped Korean text)', async () => {
      const e = await newEvent({ title: { ko: '지니포럼; 전주, 금융\\중심', en: 'GENIE' } });
      const room = (await call('POST', `/api/events/${e.id}/rooms`, manager, { name: { ko: '2층 회의실' } })).json();
      const item = (
        await call('POST', `/api/events/${e.id}/programme`, manager, {
          kind: 'panel',
          title: { ko: '토론: 연기금, 자산운용', en: 'Panel' },
          startsAt: '2026-09-17T14:00:00+09:00',
          endsAt: '2026-09-17T15:30:00+09:00',
          roomId: room.id,
        })
      ).json();
      const res = await call('GET', `/api/events/${e.id}/calendar.ics`, null);
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /^text\/calendar/);
      const ics = res.body;
      assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n'));
      assert.ok(ics.includes('BEGIN:VEVENT\r\n') && ics.includes('END:VEVENT\r\n') && ics.trimEnd().endsWith('END:VCALENDAR'));
      assert.equal(prop(ics, 'DTSTART'), 'DTSTART:20260917T000000Z');
      assert.equal(prop(ics, 'DTEND'), 'DTEND:20260917T090000Z');
      const summary = prop(ics, 'SUMMARY')!;
      assert.equal(summary, 'SUMMARY:지니포럼\\; 전주\\, 금융\\\\중심 / GENIE');
      assert.equal(unescapeText(summary.slice('SUMMARY:'.length)), '지니포럼; 전주, 금융\\중심 / GENIE');
      // content lines are folded at 75 octets without splitting a UTF-8 character
      for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, line);
      const one = await call('GET', `/api/events/${e.id}/programme/${item.id}/calendar.ics`, null);
      assert.equal(one.statusCode, 200);
      assert.equal(prop(one.body, 'DTSTART'), 'DTSTART:20260917T050000Z');
      assert.equal(prop(one.body, 'DTEND'), 'DTEND:20260917T063000Z');
      assert.ok(unescapeText(prop(one.body, 'SUMMARY')!).startsWith('SUMMARY:토론: 연기금, 자산운용 / Panel'));
      assert.ok(unescapeText(prop(one.body, 'LOCATION')!).includes('2층 회의실'));
      assert.equal((await call('GET', `/api/events/${e.id}/programme/999999/calendar.ics`, null)).statusCode, 404);
    });

    it('takes a speaker photo checked by content and serves it', async () => {
      const e = await newEvent({ title: { ko: '사진 행사' } });
      const sp = (await call('POST', `/api/events/${e.id}/speakers`, manager, { name: { ko: '박연사' } })).json();
      const upload = (file: Buffer, fileName: string) => {
        const body = multipart([{ name: 'file', file, fileName, contentType: 'image/png' }]);
        return t.app.inject({ method: 'POST', url: `/api/speakers/${sp.id}/photo`, payload: body.payload, headers: { ...manager.headers, ...body.headers } });
      };
      const before = await counts();
      const pdf = await upload(samples.pdf(), 'photo.png');
      assert.equal(pdf.statusCode, 415, pdf.body);
      assert.deepEqual(
        pdf.json().error.fields.map((f: Json) => f.field),
        ['file'],
      );
      const notImage = await upload(samples.pdf(), 'cv.pdf');
      assert.equal(notImage.statusCode, 415);
      assert.deepEqual(await counts(), before);
      const ok = await upload(samples.png(), 'photo.png');
      assert.equal(ok.statusCode, 200, ok.body);
      assert.match(ok.json().photoUrl, new RegExp(`^/api/speakers/${sp.id}/photo`));
      const got = await call('GET', `/api/speakers/${sp.id}/photo`, null);
      assert.equal(got.statusCode, 200);
      assert.equal(got.headers['content-type'], 'image/png');
      assert.deepEqual(got.rawPayload, samples.png());
      // a speaker of an unpublished event: staff only
      const hidden = await newEvent({ title: { ko: '비공개 사진 행사' }, published: false });
      const sp2 = (await call('POST', `/api/events/${hidden.id}/speakers`, manager, { name: { ko: '최연사' } })).json();
      const body = multipart([{ name: 'file', file: samples.jpeg(), fileName: 'me.jpg' }]);
      assert.equal(
        (await t.app.inject({ method: 'POST', url: `/api/speakers/${sp2.id}/photo`, payload: body.payload, headers: { ...manager.headers, ...body.headers } })).statusCode,
        200,
      );
      assert.equal((await call('GET', `/api/speakers/${sp2.id}/photo`, null)).statusCode, 404);
      assert.equal((await call('GET', `/api/speakers/${sp2.id}/photo`, viewer)).statusCode, 200);
    });

    it('seeds the plan’s GENIE Forum editions once, linked to their plan actions', async () => {
      const planId = (await seedPlanIfEmpty(t.database.db))!;
      assert.ok(planId);
      const first = await seedGenieForumEditions(t.database.db);
      assert.equal(first.length, 4);
      assert.deepEqual(await seedGenieForumEditions(t.database.db), []);
      const all = (await call('GET', '/api/manage/events?kind=forum', viewer)).json().items.filter((x: Json) => x.edition >= 3 && x.edition <= 6);
      assert.deepEqual(
        all.map((x: Json) => x.edition),
        [3, 4, 5, 6],
      );
      assert.deepEqual(
        all.map((x: Json) => x.startsAt),
        ['2022-06-30T15:00:00.000Z', '2023-06-30T15:00:00.000Z', '2024-06-30T15:00:00.000Z', '2025-09-30T15:00:00.000Z'],
      );
      assert.ok(all.every((x: Json) => x.dateApproximate && !x.published && x.status === 'planned'));
      assert.equal(all[1].title.ko, '제4회 지니포럼 (GENIE Forum)');
      assert.equal(all[1].title.en, 'The 4th GENIE Forum (Global Emerging Network In Economy forum)');
      // not public until staff publish them
      assert.ok(!(await call('GET', '/api/events', null)).json().items.some((x: Json) => x.kind === 'forum' && x.edition === 4));
      const plan = (await call('GET', `/api/plans/${planId}`, null)).json();
      const texts = new Map<number, string>(plan.schedule.flatMap((en: Json) => en.actions.map((a: Json) => [a.id, a.text])));
      for (const x of all) {
        const d = (await call('GET', `/api/events/${x.id}`, viewer)).json();
        assert.ok(d.planActionId, `edition ${x.edition} linked`);
        assert.ok(texts.get(d.planActionId)!.includes(`제${x.edition}회 지니포럼`));
      }
    });

    it('marking an event held marks its plan action done (history + audit), in one transaction', async () => {
      await seedPlanIfEmpty(t.database.db);
      await seedGenieForumEditions(t.database.db);
      const forum = (await call('GET', '/api/manage/events?kind=forum', viewer)).json().items.find((x: Json) => x.edition === 5);
      const detail = (await call('GET', `/api/events/${forum.id}`, viewer)).json();
      const actionId = detail.planActionId as number;
      const res = await call('PATCH', `/api/events/${forum.id}`, manager, {
        status: 'held',
        startsAt: '2024-09-26T09:00:00+09:00',
        endsAt: '2024-09-27T18:00:00+09:00',
        outcome: { ko: '참가자 500명', en: '500 participants' },
        published: true,
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, 'held');
      assert.equal(res.json().dateApproximate, false);
      assert.deepEqual(res.json().outcome, { ko: '참가자 500명', en: '500 participants' });
      const staffPlan = await call('GET', `/api/actions/${actionId}/history`, manager);
      assert.equal(staffPlan.statusCode, 200, staffPlan.body);
      const history = staffPlan.json();
      const items = (Array.isArray(history) ? history : history.items) as Json[];
      assert.equal(items[0]!.statusAfter, 'done');
      assert.equal(items[0]!.progressAfter, 100);
      const row = await rows<Json>(t.database.db, sql`select status, progress from actions where id = ${actionId}`);
      assert.deepEqual(row[0], { status: 'done', progress: 100 });
      const audit = await rows<Json>(t.database.db, sql`select action from audit_log where entity = 'action' and entity_id = ${String(actionId)}`);
      assert.ok(audit.some((r) => r.action === 'action.update'));
      // a failing change rolls back the plan too: nothing written
      const other = (await call('GET', '/api/manage/events?kind=forum', viewer)).json().items.find((x: Json) => x.edition === 6);
      const before = await counts();
      const bad = await call('PATCH', `/api/events/${other.id}`, manager, { status: 'held', endsAt: '2020-01-01T00:00:00+09:00' });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(await counts(), before);
    });
  });
}
