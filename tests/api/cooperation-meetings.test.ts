/**
 * Regular consultations with the partner organisations: the seeded organisations, a series with
 * three meetings whose open action items carry over (with history) until closed, a partner
 * account confined to its organisation, invitations (.ics METHOD:REQUEST read by python's
 * icalendar) and approved minutes (PDF read by pdf.js) through the outbox, overdue
 * items, and the measures bound to the plan's cooperation action — on PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { seedPartnerOrganisations } from '../../src/modules/accounts/organisations.ts';
import type { Channels, OutboundMessage } from '../../src/modules/notifications/channels/types.ts';
import { drainOutbox } from '../../src/modules/notifications/worker.ts';
import { seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { createStaff, ORIGIN, signIn, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import type { Json } from '../support/json.ts';
import { planActions } from '../support/running.ts';
import { countRows } from '../support/running.ts';

const READ_ICS = `
import json, sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
ev = [e for e in cal.walk('VEVENT')][0]
att = ev.get('ATTENDEE')
att = att if isinstance(att, list) else ([att] if att else [])
print(json.dumps({'method': str(cal.get('METHOD')), 'uid': str(ev.get('UID')), 'summary': str(ev.get('SUMMARY')),
  'sequence': int(ev.get('SEQUENCE', 0)), 'organizer': str(ev.get('ORGANIZER')), 'attendees': [str(a) for a in att],
  'start': ev.decoded('DTSTART').isoformat(), 'location': str(ev.get('LOCATION'))}))
`;
const readIcs = (ics: string) => JSON.parse(execFileSync('/usr/bin/python3', ['-c', READ_ICS], { input: ics, encoding: 'utf8' }));
/** The text of every page of a PDF, through pdf.js (legacy build, for Node), without white space. */
async function pdfText(buf: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buf), disableFontFace: true, useSystemFonts: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((it) => ('str' in it ? it.str : '')).join('');
  }
  await doc.destroy();
  return text.replace(/\s+/g, '');
}

for (const kind of DB_KINDS) {
  describe(`regular consultations on ${kind}`, () => {
    let t: TestApp;
    let manager: Session;
    let viewer: Session;
    let orgs: Json[];
    let province: number;
    let nps: number;
    let politics: number;
    let npsPartner: Session;
    let provincePartner: Session;
    let seriesId: number;
    const m: number[] = [];
    const sent: OutboundMessage[] = [];
    const capture = { name: 'capture', send: async (msg: OutboundMessage) => void sent.push(msg) };
    const channels: Channels = { email: capture, sms: capture };

    const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });
    const ok = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, who: Session, payload?: object, status = method === 'POST' ? 201 : 200) => {
      const res = await call(method, url, who, payload);
      assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`);
      return res.json();
    };
    async function partnerOf(organisationId: number): Promise<Session> {
      const user = await createStaff(t.database, 'partner');
      await ok('PATCH', `/api/users/${user.id}`, admin, { organisationId });
      return { userId: user.id, email: user.email, headers: await signIn(t, user.email) };
    }
    let admin: Session;

    before(async () => {
      t = await openTestApp(kind);
      manager = await staffSession(t, 'manager');
      viewer = await staffSession(t, 'viewer');
      admin = await staffSession(t, 'admin');
    });
    after(() => t.close());

    it('seeds the plan’s three partner organisations once, and lists them', async () => {
      assert.equal((await seedPartnerOrganisations(t.database.db)).length, 3);
      assert.deepEqual(await seedPartnerOrganisations(t.database.db), [], 'a second start adds nothing');
      orgs = (await ok('GET', '/api/organisations', viewer)).items;
      assert.deepEqual(
        orgs.map((o) => [o.kind, o.name.ko]),
        [
          ['province', '전북특별자치도'],
          ['public_institution', '국민연금공단'],
          ['political_office', '지역 정치권'],
        ],
      );
      [province, nps, politics] = orgs.map((o) => o.id as number) as [number, number, number];
      const bank = await ok('POST', '/api/organisations', manager, {
        kind: 'financial_institution',
        name: { ko: '전북은행', en: 'Jeonbuk Bank' },
        contacts: [{ name: '김담당', email: 'kim@jbbank.test' }],
      });
      assert.equal(bank.name.en, 'Jeonbuk Bank');
      const dup = await call('POST', '/api/organisations', manager, { kind: 'other', name: { ko: '전북은행' } });
      assert.equal(dup.statusCode, 409);
      assert.equal(dup.json().error.code, 'ORGANISATION_EXISTS');
      assert.equal((await call('POST', '/api/organisations', viewer, { kind: 'other', name: { ko: '기관' } })).statusCode, 403);
      npsPartner = await partnerOf(nps);
      provincePartner = await partnerOf(province);
      const me = await ok('GET', '/api/auth/me', npsPartner);
      assert.equal(me.user.organisationId, nps);
    });

    it('carries open action items across three meetings until closed, with their history', async () => {
      seriesId = (
        await ok('POST', '/api/meeting-series', manager, {
          title: { ko: '전북금융중심지 실무협의회', en: 'Jeonbuk financial hub working group' },
          organisationIds: [province, nps],
        })
      ).id;
      const before = await countRows(t, ['meetings', 'audit_log']);
      m.push(
        (
          await ok('POST', `/api/meeting-series/${seriesId}/meetings`, manager, {
            startsAt: '2026-11-02T14:00:00+09:00',
            endsAt: '2026-11-02T16:00:00+09:00',
            venue: '전주시청 회의실',
          })
        ).id,
      );
      m.push(
        (
          await ok('POST', `/api/meeting-series/${seriesId}/meetings`, manager, {
            startsAt: '2027-02-01T14:00:00+09:00',
            endsAt: '2027-02-01T16:00:00+09:00',
            venue: { ko: '국민연금공단 본부', en: 'NPS headquarters' },
          })
        ).id,
      );
      m.push((await ok('POST', `/api/meeting-series/${seriesId}/meetings`, manager, { startsAt: '2027-05-03T14:00:00+09:00', endsAt: '2027-05-03T16:00:00+09:00' })).id);
      const afterCreate = await countRows(t, ['meetings', 'audit_log']);
      assert.deepEqual([afterCreate.meetings! - before.meetings!, afterCreate.audit_log! - before.audit_log!], [3, 3]);
      const bad = await call('POST', `/api/meeting-series/${seriesId}/meetings`, manager, { startsAt: '2027-05-03T14:00:00+09:00', endsAt: '2027-05-03T13:00:00+09:00' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.fields[0].field, 'endsAt');

      const a = (
        await ok('POST', `/api/meetings/${m[0]}/outcomes`, manager, {
          kind: 'action',
          text: { ko: '공동 건의문 초안 작성', en: 'Draft the joint proposal' },
          ownerOrganisationId: nps,
          dueOn: '2026-11-20',
        })
      ).id;
      const b = (
        await ok('POST', `/api/meetings/${m[0]}/outcomes`, manager, {
          kind: 'action',
          text: { ko: '도 의회 설명회 일정 조율' },
          ownerOrganisationId: province,
          dueOn: '2027-01-20',
        })
      ).id;
      await ok('POST', `/api/meetings/${m[0]}/outcomes`, manager, { kind: 'decision', text: { ko: '분기마다 협의회를 연다' } });
      await ok('POST', `/api/meetings/${m[0]}/outcomes`, manager, { kind: 'information', text: { ko: '금융위원회 일정 공유' } });

      const first = await ok('GET', `/api/meetings/${m[0]}`, manager);
      assert.deepEqual([first.id, first.seriesId, first.outcomes.length, first.carriedOver.length], [m[0], seriesId, 4, 0]);
      assert.deepEqual(
        first.outcomes.map((o: Json) => [o.kind, o.status]),
        [
          ['action', 'open'],
          ['action', 'open'],
          ['decision', null],
          ['information', null],
        ],
      );
      const second = await ok('GET', `/api/meetings/${m[1]}`, manager);
      assert.deepEqual(
        second.carriedOver.map((o: Json) => [o.id, o.status, o.fromMeetingId]),
        [
          [a, 'open', m[0]],
          [b, 'open', m[0]],
        ],
      );
      assert.equal(second.carriedOver[0].text.ko, '공동 건의문 초안 작성');
      assert.equal(second.venue.en, 'NPS headquarters');

      // B is closed before the second meeting: it is reported there as done, then no longer carries;
      // a new item of meeting 2 carries into 3.
      const closed = await ok('PATCH', `/api/outcomes/${b}`, manager, { status: 'done', note: '12월 설명회 완료' });
      assert.equal(closed.status, 'done');
      assert.deepEqual(
        closed.history.map((h: Json) => [h.status, h.meetingId, h.note]),
        [
          ['open', m[0], null],
          ['done', m[0], '12월 설명회 완료'],
        ],
      );
      const c = (
        await ok('POST', `/api/meetings/${m[1]}/outcomes`, manager, { kind: 'action', text: { ko: '연기금 운용 인력 현황 공유' }, ownerOrganisationId: nps, dueOn: '2027-04-30' })
      ).id;
      const second2 = await ok('GET', `/api/meetings/${m[1]}`, manager);
      assert.deepEqual(
        second2.carriedOver.map((o: Json) => [o.id, o.status]),
        [
          [a, 'open'],
          [b, 'done'],
        ],
      );
      const third = await ok('GET', `/api/meetings/${m[2]}`, manager);
      assert.deepEqual(
        third.carriedOver.map((o: Json) => [o.id, o.fromMeetingId]),
        [
          [a, m[0]],
          [c, m[1]],
        ],
      );
      assert.equal(third.carriedOver[0].history[0].meetingId, m[0]);
      assert.equal(third.carriedOver[0].overdue, true, 'due 2026-11-20, still open');

      // Reopening B brings it back into the later meetings; information has no status.
      await ok('PATCH', `/api/outcomes/${b}`, manager, { status: 'open' });
      assert.deepEqual(
        (await ok('GET', `/api/meetings/${m[2]}`, manager)).carriedOver.map((o: Json) => o.id),
        [a, b, c],
      );
      const info = first.outcomes[3].id;
      const refused = await call('PATCH', `/api/outcomes/${info}`, manager, { status: 'done' });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().error.code, 'NOT_AN_ACTION_ITEM');

      // Overdue items on the staff dashboard.
      const overdue = (await ok('GET', '/api/cooperation/overdue', viewer)).items;
      assert.deepEqual(
        overdue.map((o: Json) => [o.id, o.seriesId]),
        [[a, seriesId]],
      );
    });

    it('confines a partner to its organisation’s series, meetings and action items', async () => {
      const other = (await ok('POST', '/api/meeting-series', manager, { title: { ko: '지역 정치권 정책간담회' }, organisationIds: [politics] })).id;
      const otherMeeting = (await ok('POST', `/api/meeting-series/${other}/meetings`, manager, { startsAt: '2027-03-02T10:00:00+09:00', endsAt: '2027-03-02T11:00:00+09:00' })).id;
      const hidden = (
        await ok('POST', `/api/meetings/${otherMeeting}/outcomes`, manager, {
          kind: 'action',
          text: { ko: '의원실 자료 요청' },
          ownerOrganisationId: politics,
          dueOn: '2026-01-01',
        })
      ).id;

      const list = (await ok('GET', '/api/meeting-series', npsPartner)).items;
      assert.deepEqual(
        list.map((s: Json) => s.id),
        [seriesId],
      );
      assert.equal((await ok('GET', '/api/meeting-series', manager)).items.length, 2);
      for (const url of [
        `/api/meeting-series/${other}`,
        `/api/meetings/${otherMeeting}`,
        `/api/meetings/${otherMeeting}/minutes.pdf`,
        `/api/meetings/${otherMeeting}/invitation.ics`,
      ]) {
        const res = await call('GET', url, npsPartner);
        assert.equal(res.statusCode, 403, url);
        assert.equal(res.json().error.code, 'OTHER_ORGANISATION');
      }
      const third = await ok('GET', `/api/meetings/${m[2]}`, npsPartner);
      const [a, b] = third.carriedOver.map((o: Json) => o.id as number);
      // Its own organisation's item: yes; the province's, or another series', no.
      const mine = await ok('PATCH', `/api/outcomes/${a}`, npsPartner, { status: 'done', note: '초안 송부' });
      assert.equal(mine.status, 'done');
      assert.equal(mine.history.at(-1).by.startsWith('partner'), true);
      for (const id of [b, hidden]) {
        const res = await call('PATCH', `/api/outcomes/${id}`, npsPartner, { status: 'done' });
        assert.equal(res.statusCode, 403);
        assert.equal(res.json().error.code, 'OTHER_ORGANISATION');
      }
      assert.equal((await ok('PATCH', `/api/outcomes/${b}`, provincePartner, { status: 'done' })).status, 'done');
      // Partners do not run meetings, and never see citizens' personal data.
      assert.equal((await call('POST', `/api/meetings/${m[2]}/outcomes`, npsPartner, { kind: 'information', text: { ko: 'x' } })).statusCode, 403);
      assert.equal((await call('POST', '/api/meeting-series', npsPartner, { title: { ko: 'x' }, organisationIds: [nps] })).statusCode, 403);
      assert.equal((await call('GET', '/api/audit', npsPartner)).statusCode, 403);
      // The partner's dashboard: only its organisation's overdue items.
      assert.deepEqual((await ok('GET', '/api/cooperation/overdue', npsPartner)).items, []);
      assert.deepEqual(
        (await ok('GET', '/api/cooperation/overdue', manager)).items.map((o: Json) => o.id),
        [hidden],
      );
      const unattached = await createStaff(t.database, 'partner');
      const lonely: Session = { userId: unattached.id, email: unattached.email, headers: await signIn(t, unattached.email) };
      assert.deepEqual((await ok('GET', '/api/meeting-series', lonely)).items, []);
      assert.equal((await call('GET', `/api/meetings/${m[0]}`, lonely)).statusCode, 403);
    });

    it('sends invitations as iCalendar REQUEST and shares approved minutes as PDF through the outbox', async () => {
      const meeting = m[1]!;
      await ok('POST', `/api/meetings/${meeting}/attendees`, manager, { organisationId: nps, name: '박연금', title: '기금운용본부 팀장', email: 'park@nps.test' });
      await ok('POST', `/api/meetings/${meeting}/attendees`, manager, { organisationId: province, name: '이도청', email: 'lee@jeonbuk.test' });
      await ok('POST', `/api/meetings/${meeting}/attendees`, manager, { organisationId: province, name: '메일없음' });
      await ok('POST', `/api/meetings/${meeting}/agenda`, manager, {
        title: { ko: '금융중심지 지정 추진 현황', en: 'Designation progress' },
        presenter: '전주시',
        minutesAllotted: 20,
      });
      const queued = await ok('POST', `/api/meetings/${meeting}/invitations`, manager, undefined, 202);
      assert.equal(queued.queued, 2);
      sent.length = 0;
      await drainOutbox(t.database.db, channels);
      assert.deepEqual(sent.map((s) => s.recipient).sort(), ['lee@jeonbuk.test', 'park@nps.test']);
      const file = sent[0]!.attachments!.find((f) => f.filename === 'invitation.ics')!;
      assert.match(file.contentType, /method=REQUEST/);
      const ics = readIcs(file.content.toString('utf8'));
      assert.equal(ics.method, 'REQUEST');
      assert.equal(ics.sequence, 1);
      assert.match(ics.summary, /전북금융중심지 실무협의회/);
      assert.match(ics.organizer, /^mailto:finhub@/i);
      assert.deepEqual(ics.attendees.map((a: string) => a.toLowerCase()).sort(), ['mailto:lee@jeonbuk.test', 'mailto:park@nps.test']);
      assert.equal(ics.start, '2027-02-01T05:00:00+00:00');
      assert.match(ics.location, /국민연금공단 본부/);

      // Minutes: drafts are the city's; approval fixes them and mails the PDF to the attendees.
      await ok('PATCH', `/api/meetings/${meeting}`, manager, {
        minutes: { ko: '연금공단과 공동 건의문 작성에 합의했다.\n다음 회의에서 점검한다. 똠 王', en: 'Agreed on a joint proposal (Nguyễn).' },
        status: 'held',
      });
      assert.equal((await ok('GET', `/api/meetings/${meeting}`, npsPartner)).minutes, null, 'partners read minutes once approved');
      const early = await call('GET', `/api/meetings/${meeting}/minutes.pdf`, npsPartner);
      assert.equal(early.statusCode, 409);
      assert.equal(early.json().error.code, 'MINUTES_NOT_READY');
      assert.equal((await call('POST', `/api/meetings/${m[2]}/minutes/approve`, manager)).json().error.code, 'MINUTES_NOT_READY');
      assert.equal((await ok('POST', `/api/meetings/${meeting}/minutes/approve`, manager, undefined, 200)).queued, 2);
      const again = await call('PATCH', `/api/meetings/${meeting}`, manager, { minutes: { ko: '고침' } });
      assert.equal(again.json().error.code, 'MINUTES_APPROVED');
      sent.length = 0;
      await drainOutbox(t.database.db, channels);
      assert.equal(sent.length, 2);
      const pdf = sent[0]!.attachments!.find((f) => f.contentType === 'application/pdf')!.content;
      const text = await pdfText(pdf);
      for (const s of [
        '전북금융중심지 실무협의회',
        '공동 건의문 작성에 합의했다',
        '박연금',
        '국민연금공단',
        '금융중심지 지정 추진 현황',
        '연기금 운용 인력 현황 공유',
        '이월된 조치사항',
        '공동 건의문 초안 작성',
        // Hangul outside the KRDS subset, Hanja, Vietnamese: drawn (pdf.js reads them back).
        '점검한다. 똠 王',
        'Nguyễn',
      ])
        assert.ok(text.includes(s.replace(/\s+/g, '')), `${s} in\n${text}`);
      const res = await call('GET', `/api/meetings/${meeting}/minutes.pdf`, npsPartner);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/pdf');
      assert.equal((await ok('GET', `/api/meetings/${meeting}`, npsPartner)).minutes.ko.startsWith('연금공단과'), true);
    });

    it('binds the measures to the plan’s cooperation action and shows measured progress', async () => {
      const planId = (await seedPlanIfEmpty(t.database.db))!;
      const action = (await planActions(t, planId)).find((a) => a.year === 2024 && a.period === 'Q2' && a.text.includes('정례화'))!;
      assert.ok(action, 'the plan’s "지역 정치권과 정례화 논의"');
      const measures = (await ok('GET', '/api/measures', viewer)).items.map((x: Json) => x.key);
      assert.ok(measures.includes('cooperation.meetings_held') && measures.includes('cooperation.action_items_closed_on_time'));
      const s = (await ok('POST', '/api/meeting-series', manager, { title: { ko: '정례 협의' }, organisationIds: [politics], planActionId: action.id })).id;
      for (const day of ['2024-04-10', '2024-05-10', '2024-07-10']) {
        await ok('POST', `/api/meeting-series/${s}/meetings`, manager, { startsAt: `${day}T10:00:00+09:00`, endsAt: `${day}T12:00:00+09:00` });
      }
      const bound = await ok('PATCH', `/api/actions/${action.id}/assignment`, manager, { measureKey: 'cooperation.meetings_held', target: { count: 4, unit: '회' } });
      assert.deepEqual([bound.measured, bound.progress, bound.progressSource], [2, 50, 'measure']);
    });
  });
}
