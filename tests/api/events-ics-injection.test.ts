/**
 * The public .ics escapes whatever the database holds. An event whose title was stored with
 * CR LF (written straight into the table, as a row from before the input check would be) used to
 * inject a whole VEVENT through the calendar's NAME / X-WR-CALNAME, which ical-generator writes
 * as given. Here the calendars are read by two independent parsers that must agree (python3's
 * icalendar and vobject, tests/support/independent.ts) — on PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventProgramme, eventRooms, events } from '../../src/modules/events/schema.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { DB_KINDS } from '../support/db.ts';
import { readIcs } from '../support/independent.ts';

/** A whole VEVENT (and a stray calendar property) smuggled into a title. */
const INJECTED = 'BEGIN:VEVENT\r\nUID:evil@attacker.test\r\nDTSTART:20260101T000000Z\r\nSUMMARY:피싱 Phishing\r\nURL:https://attacker.test\r\nEND:VEVENT\r\nX-EVIL:1';
const TITLE_KO = `지니포럼\r\nEND:VCALENDAR\r\n${INJECTED}`;
const TITLE_EN = 'GENIE Forum; day 1, \\ backslash\u0007\u0085\u2028end';
/** What the calendar shows: every run of control characters one space; ; , \\ kept as text. */
const SHOWN_KO = `지니포럼 END:VCALENDAR ${INJECTED.replace(/\r\n/g, ' ')}`;
const SHOWN_EN = 'GENIE Forum; day 1, \\ backslash end';

for (const kind of DB_KINDS) {
  describe(`the public .ics escapes stored text, read by python icalendar and vobject, on ${kind}`, () => {
    let t: TestApp;
    let eventId: number;
    let itemId: number;

    before(async () => {
      t = await openTestApp(kind);
      const [e] = await t.database.db
        .insert(events)
        .values({
          kind: 'forum',
          titleKo: TITLE_KO,
          titleEn: TITLE_EN,
          descriptionKo: '첫 줄\r\n둘째 줄\u0007\r\nEND:VEVENT',
          descriptionEn: null,
          venueKo: '전주\r\nLOCATION:evil',
          startsAt: new Date('2026-09-17T00:00:00Z'),
          endsAt: new Date('2026-09-17T09:00:00Z'),
          published: true,
        })
        .returning();
      eventId = e!.id;
      const [room] = await t.database.db.insert(eventRooms).values({ eventId, nameKo: '1층\nEND:VEVENT', nameEn: null }).returning();
      const [item] = await t.database.db
        .insert(eventProgramme)
        .values({
          eventId,
          kind: 'talk',
          titleKo: '기조연설\r\nBEGIN:VEVENT',
          titleEn: null,
          startsAt: new Date('2026-09-17T01:00:00Z'),
          endsAt: new Date('2026-09-17T02:00:00Z'),
          roomId: room!.id,
        })
        .returning();
      itemId = item!.id;
    });
    after(() => t?.close());

    /** Content lines (split at CR LF), none longer than 75 octets, no control character inside a line. */
    function assertWellFormed(ics: string): void {
      for (const line of ics.replace(/\r\n$/, '').split('\r\n')) {
        assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `folded: ${line}`);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting that no control character is left
        assert.doesNotMatch(line, /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/, `no control character in ${JSON.stringify(line)}`);
      }
      const unfolded = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
      assert.equal(unfolded.filter((l) => l === 'BEGIN:VEVENT').length, 1, 'one VEVENT begins');
      assert.equal(unfolded.filter((l) => l === 'END:VCALENDAR').length, 1, 'the calendar ends once');
      assert.ok(!unfolded.some((l) => l.startsWith('X-EVIL') || l.startsWith('UID:evil')), 'no injected property');
    }

    it('the event calendar holds exactly the one event, its title intact as text', async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/events/${eventId}/calendar.ics` });
      assert.equal(res.statusCode, 200, res.body);
      assertWellFormed(res.body);
      const cal = readIcs(res.body);
      assert.deepEqual(cal.components, ['VCALENDAR', 'VEVENT']);
      assert.equal(cal.events.length, 1);
      const [ev] = cal.events;
      assert.equal(ev!.UID, `event-${eventId}@finhub.jeonju.go.kr`);
      assert.equal(ev!.SUMMARY, `${SHOWN_KO} / ${SHOWN_EN}`);
      assert.equal(cal.name, `${SHOWN_KO} / ${SHOWN_EN}`, 'NAME: the title as text');
      assert.equal(cal.xwrCalname, `${SHOWN_KO} / ${SHOWN_EN}`, 'X-WR-CALNAME: the title as text');
      assert.equal(ev!.LOCATION, '전주 LOCATION:evil');
      assert.ok(ev!.DESCRIPTION!.startsWith('첫 줄\n둘째 줄\nEND:VEVENT\n\n'), JSON.stringify(ev!.DESCRIPTION));
      assert.equal(ev!.URL, `http://finhub.test/events/${eventId}`);
    });

    it('a programme item calendar likewise', async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/events/${eventId}/programme/${itemId}/calendar.ics` });
      assert.equal(res.statusCode, 200, res.body);
      assertWellFormed(res.body);
      const cal = readIcs(res.body);
      assert.deepEqual(cal.components, ['VCALENDAR', 'VEVENT']);
      assert.equal(cal.events[0]!.UID, `event-${eventId}-item-${itemId}@finhub.jeonju.go.kr`);
      assert.equal(cal.events[0]!.SUMMARY, `기조연설 BEGIN:VEVENT — ${SHOWN_KO} / ${SHOWN_EN}`);
      assert.equal(cal.name, `${SHOWN_KO} / ${SHOWN_EN}`);
      assert.equal(cal.events[0]!.LOCATION, '1층 END:VEVENT, 전주 LOCATION:evil');
    });
  });
}
