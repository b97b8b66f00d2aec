/**
 * A corpus of hostile text — XSS, SQL injection, Unicode edge cases (NFC/NFD Hangul, zero-width
 * and BOM characters, emoji ZWJ sequences and skin tones, right-to-left override, Arabic and
 * Hebrew, combining marks), spreadsheet formulas, overlong fields — through every public form
 * (academy registration, school application, event registration with custom answers) and the
 * staff forms that take free text (session and event titles, action comments, evidence titles,
 * budget descriptions), on PGlite and PostgreSQL:
 *   - accepted text is stored and returned exactly as sent (trimmed; names normalised to NFC,
 *     src/server/validation.ts nameText), SQL is just text;
 *   - overlong text is a 400 naming the field, and nothing is written;
 *   - text with a control character (the corpus' ANSI escape, "\t=1+1", "\r=1+1") is a 400
 *     naming the field in every title and name (src/server/text.ts: since the control-character
 *     rule these are refused, no longer stored); free text keeps line breaks (CR → LF) and
 *     refuses the other control characters;
 *   - exports: CSV cells a spreadsheet would run are prefixed with ', XLSX cells are strings
 *     (never formulas) with the Text format, the badges PDF holds the literal names;
 *   - in chromium: public pages and the staff registrant / attendee / application lists show the
 *     text literally, no dialog opens, no injected element exists.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { events } from '../../src/modules/events/schema.ts';
import { seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import { asRegistrant } from '../support/registrant.ts';
import { deliveredToken, educationHarness, waitForText } from '../support/education.ts';
import { CONTROL_CHAR } from '../../src/server/text.ts';
import { allTables, assertErrorShape, changedTables, FORMULAS, HANGUL_NFC, HANGUL_NFD, HOSTILE_TEXT, SQLI, tableChecksums, UNICODE, XSS } from '../support/hostile.ts';
import { multipart } from '../support/multipart.ts';
import { actionAt, planActions } from '../support/running.ts';
import { ApiSession, signInPage, STAFF_PASSWORD } from '../support/staff.ts';
import { rows as queryRows } from '../../src/db/executor.ts';
import type { Json } from '../support/json.ts';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(Date.now() + ms).toISOString();
const seoulDate = (days: number) => new Date(Date.now() + days * 86_400_000 + 9 * HOUR).toISOString().slice(0, 10);
/** What a trimmed text field stores; names are also NFC. */
const trimmed = (s: string) => s.trim();
const asName = (s: string) => s.trim().normalize('NFC');
const FORMULA_START = /^[=+\-@\t\r]/;
/** Free text (answers, topics, comments) keeps line breaks; a CR is stored as LF. Any other control character is refused. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the test names the control characters a stored text may not keep
const LINE_BREAK_ONLY = (s: string) => !/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/.test(s);
const asLines = (s: string) => s.replace(/\r\n?/g, '\n').trim();

/** A tiny RFC 4180 reader (quotes, doubled quotes, CR LF inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endRow = () => {
    row.push(cell);
    rows.push(row);
    row = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      endRow();
    } else cell += c;
  }
  if (cell || row.length) endRow();
  return rows;
}

/** Every cell of a CSV export: a cell that would start a formula carries the leading apostrophe. */
function assertCsvNeutralised(text: string, label: string): string[][] {
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));
  for (const row of rows) for (const cell of row) assert.ok(!FORMULA_START.test(cell), `${label}: formula cell ${JSON.stringify(cell)}`);
  return rows;
}

async function pdfText(buf: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buf), disableFontFace: true, useSystemFonts: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += `${content.items.map((it) => ('str' in it ? it.str : '')).join('')}\n`;
  }
  await doc.destroy();
  return text;
}

/** Every string cell of every sheet, with its type, formula and number format. */
async function xlsxCells(buf: Buffer): Promise<{ text: string; type: ExcelJS.ValueType; formula: string | undefined; numFmt: string | undefined }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out: { text: string; type: ExcelJS.ValueType; formula: string | undefined; numFmt: string | undefined }[] = [];
  for (const ws of wb.worksheets) ws.eachRow((r) => r.eachCell((c) => out.push({ text: String(c.text), type: c.type, formula: c.formula || undefined, numFmt: c.numFmt })));
  return out;
}

/** The XLSX form of a formula-looking string: a string cell, never a formula, with the Text format. */
function assertXlsxText(cells: Awaited<ReturnType<typeof xlsxCells>>, value: string, label: string): void {
  const cell = cells.find((c) => c.text === value);
  assert.ok(cell, `${label}: ${JSON.stringify(value)} is in the workbook as typed`);
  assert.equal(cell.type, ExcelJS.ValueType.String, `${label}: ${JSON.stringify(value)} is a string cell`);
  assert.equal(cell.formula, undefined, `${label}: no formula`);
  if (FORMULA_START.test(value)) assert.equal(cell.numFmt, '@', `${label}: ${JSON.stringify(value)} has the Text format`);
  for (const c of cells) assert.notEqual(c.type, ExcelJS.ValueType.Formula, `${label}: no cell is a formula (${c.text})`);
}

for (const kind of DB_KINDS) {
  describe(`hostile text corpus on ${kind}`, () => {
    let t: TestApp;
    let manager: Session;
    let tables: string[];
    let sessionId: number;
    let eventId: number;
    let surveyId: number;
    let textQuestion: number;
    let planId: number;
    let phoneSeq = 1000;
    const nextPhone = () => `010-3${String(phoneSeq).padStart(3, '0').slice(-3)}-${String(phoneSeq++).padStart(4, '0')}`;

    const call = (method: string, url: string, who: Session | null, payload?: unknown) =>
      t.app.inject({ method: method as 'POST', url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload === undefined ? {} : { payload: payload as object }) });

    // json() of a 201 gives what the registrant's message tells them (the answer itself is RECEIVED).
    const registerAcademy = async (name: string) => {
      const phone = nextPhone();
      return asRegistrant(t.database.db, await call('POST', `/api/academy/sessions/${sessionId}/registrations`, null, { name, phone, consent: true }), phone);
    };
    const registerEvent = async (body: Json) => {
      const payload = { category: 'general', name: '홍길동', phone: nextPhone(), email: `p${phoneSeq}@example.com`, consent: true, ...body };
      return asRegistrant(t.database.db, await call('POST', `/api/events/${eventId}/registrations`, null, payload), payload.phone as string);
    };
    const apply = (body: Json) =>
      call('POST', '/api/school/applications', null, {
        schoolName: `학교 ${phoneSeq++}`,
        level: 'elementary',
        teacherName: '최교사',
        teacherPhone: '063-222-1234',
        grade: '5학년',
        students: 28,
        preferredDates: [seoulDate(30)],
        topics: '용돈 관리',
        consent: true,
        ...body,
      });

    before(async () => {
      t = await openTestApp(kind);
      manager = await staffSession(t, 'manager');
      tables = await allTables(t);
      const s = await call('POST', '/api/academy/sessions', manager, {
        title: { ko: '말뭉치 강좌' },
        venue: '전주시청',
        capacity: 10_000,
        startsAt: iso(72 * HOUR),
        endsAt: iso(74 * HOUR),
        registrationOpensAt: iso(-HOUR),
        registrationClosesAt: iso(48 * HOUR),
      });
      assert.equal(s.statusCode, 201, s.body);
      sessionId = s.json().id;
      const [e] = await t.database.db
        .insert(events)
        .values({
          kind: 'seminar',
          edition: 902,
          titleKo: '말뭉치 세미나',
          titleEn: 'Corpus seminar',
          startsAt: new Date(Date.now() + 72 * HOUR),
          endsAt: new Date(Date.now() + 80 * HOUR),
          published: true,
        })
        .returning();
      eventId = e!.id;
      assert.equal(
        (await call('POST', `/api/events/${eventId}/categories`, manager, { category: 'general', capacity: 10_000, opensAt: iso(-HOUR), closesAt: iso(48 * HOUR) })).statusCode,
        201,
      );
      const q = await call('POST', `/api/events/${eventId}/questions`, manager, { kind: 'text', label: { ko: '하고 싶은 말' }, maxLength: 300 });
      assert.equal(q.statusCode, 201, q.body);
      textQuestion = q.json().id;
      const survey = await call('POST', '/api/school/surveys', manager, {
        year: Number(seoulDate(0).slice(0, 4)),
        opensAt: iso(-HOUR),
        closesAt: iso(14 * 24 * HOUR),
        targetSchools: 3,
      });
      assert.equal(survey.statusCode, 201, survey.body);
      surveyId = survey.json().id;
      planId = (await seedPlanIfEmpty(t.database.db))!;
    });
    after(() => t?.close());

    /** A 400 naming every one of `fields` (and no other), with nothing written. */
    async function assertRefused(label: string, fields: string[], send: () => Promise<{ statusCode: number; body: string }>): Promise<void> {
      const before = await tableChecksums(t, tables);
      const res = await send();
      assert.equal(res.statusCode, 400, `${label}: ${res.body.slice(0, 300)}`);
      const named = (assertErrorShape(400, res.body, label).error.fields as Json[]).map((f) => f.field).sort();
      assert.deepEqual(named, [...fields].sort(), `${label}: the fields named`);
      assert.deepEqual(changedTables(before, await tableChecksums(t, tables)), [], `${label}: nothing written`);
    }

    it('public forms store every corpus text exactly as sent (names in NFC) and return it as data', async () => {
      for (const [i, text] of HOSTILE_TEXT.entries()) {
        if (CONTROL_CHAR.test(text)) {
          // Since the control-character rule (src/server/text.ts): names refuse it, free text keeps line breaks only.
          const label = JSON.stringify(text);
          await assertRefused(`${label} academy`, ['name'], () => registerAcademy(text));
          const answerOk = LINE_BREAK_ONLY(text);
          await assertRefused(`${label} event`, ['name', 'nameEn', 'affiliation', ...(answerOk ? [] : [`answers.${textQuestion}`])], () =>
            registerEvent({ name: text, nameEn: text, affiliation: text, answers: { [textQuestion]: text } }),
          );
          await assertRefused(`${label} school`, ['schoolName', 'teacherName', 'grade', ...(answerOk ? [] : ['topics'])], () =>
            apply({ schoolName: `${text} 학교 ${i}`, teacherName: text, grade: text, topics: text }),
          );
          if (answerOk) {
            const ev = await registerEvent({ answers: { [textQuestion]: text } });
            assert.equal(ev.statusCode, 201, `${label}: ${ev.body}`);
            const stored = await queryRows<{ answers: Json }>(t.database.db, sql`select answers from event_registrations where registration_id = ${ev.json().id}`);
            assert.equal(stored[0]!.answers[String(textQuestion)], asLines(text), `${label}: the answer is kept, CR as LF`);
            const ap = await apply({ topics: text });
            assert.equal(ap.statusCode, 201, `${label}: ${ap.body}`);
          }
          continue;
        }
        // The academy: the name (≤ 50).
        if (asName(text).length <= 50 && asName(text).length > 0) {
          const r = await registerAcademy(text);
          assert.equal(r.statusCode, 201, `${JSON.stringify(text)}: ${r.body}`);
          const list = await call('GET', `/api/academy/sessions/${sessionId}/registrations?q=${encodeURIComponent(asName(text))}`, manager);
          assert.equal(list.statusCode, 200, list.body);
          const mine = list.json().items.find((x: Json) => x.id === r.json().id);
          assert.ok(mine, `${JSON.stringify(text)} is found by its own name`);
          assert.equal(mine.name, asName(text));
        }
        // Events: name, Latin name, affiliation, a custom answer.
        const ev = await registerEvent({ name: text, nameEn: text, affiliation: text, answers: { [textQuestion]: text } });
        assert.equal(ev.statusCode, 201, `${JSON.stringify(text)}: ${ev.body}`);
        const attendees = await call('GET', `/api/events/${eventId}/attendees?q=${encodeURIComponent(asName(text))}`, manager);
        const a = attendees.json().items.find((x: Json) => x.id === ev.json().id);
        assert.ok(a, `${JSON.stringify(text)}: the attendee is found by name`);
        assert.deepEqual([a.name, a.nameEn, a.affiliation], [asName(text), asName(text), trimmed(text)]);
        const stored = await queryRows<{ answers: Json }>(t.database.db, sql`select answers from event_registrations where registration_id = ${ev.json().id}`);
        // Answers are trimmed by the service (attendee-service.ts), like every other text field.
        assert.equal(stored[0]!.answers[String(textQuestion)], trimmed(text), `${JSON.stringify(text)}: the answer is stored as sent`);
        // The school: school and teacher names, grade, topics.
        // (Numbered: "\t=1+1" and "\r=1+1" trim to one school name, and a school applies once a year.)
        const school = `${text} 학교 ${i}`;
        const ap = await apply({ schoolName: school, teacherName: text, grade: text, topics: text });
        assert.equal(ap.statusCode, 201, `${JSON.stringify(text)}: ${ap.body}`);
        const apps = (await call('GET', `/api/school/surveys/${surveyId}/applications`, manager)).json().items as Json[];
        const app = apps.find((x) => x.schoolName === asName(school));
        assert.ok(app, `${JSON.stringify(text)}: the application is listed by its school name`);
        assert.deepEqual([app.teacherName, app.grade, app.topics], [asName(text), trimmed(text), trimmed(text)]);
        const [receipt] = await queryRows<{ link_token: string }>(
          t.database.db,
          sql`select link_token from outbox where kind = 'school.received' and meta->>'applicationId' = ${String(app.id)}`,
        );
        const status = await call('GET', `/api/school/applications/${receipt!.link_token}`, null);
        assert.equal(status.json().schoolName, asName(school));
      }
      // SQL payloads were text: the tables are all there, and the rows hold the payloads.
      assert.deepEqual(await allTables(t), tables);
      for (const payload of SQLI) {
        const found = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from registrations where name = ${asName(payload)}`);
        assert.ok(Number(found[0]!.n) >= 1, `${payload} stored as a name`);
      }
    });

    it('names are normalised to NFC: the NFD and NFC spellings of 김한글 are one name', async () => {
      assert.notEqual(HANGUL_NFC, HANGUL_NFD);
      const r = await registerAcademy(HANGUL_NFD);
      assert.equal(r.statusCode, 201, r.body);
      for (const q of [HANGUL_NFC, HANGUL_NFD]) {
        const items = (await call('GET', `/api/academy/sessions/${sessionId}/registrations?q=${encodeURIComponent(q)}`, manager)).json().items as Json[];
        const mine = items.find((x) => x.id === r.json().id);
        assert.ok(mine, `found by the ${q === HANGUL_NFC ? 'NFC' : 'NFD'} spelling`);
        assert.equal(mine.name, HANGUL_NFC);
      }
      const ev = await registerEvent({ name: HANGUL_NFD, nameEn: 'Kim Hangul' });
      assert.equal(ev.statusCode, 201, ev.body);
      const a = (await call('GET', `/api/events/${eventId}/attendees?q=${encodeURIComponent(HANGUL_NFD)}`, manager)).json().items.find((x: Json) => x.id === ev.json().id);
      assert.equal(a?.name, HANGUL_NFC);
      // One application a year per school: the decomposed spelling is the same school.
      const school = `${HANGUL_NFC}초등학교`;
      assert.equal((await apply({ schoolName: school })).statusCode, 201);
      const before = await tableChecksums(t, tables);
      const again = await apply({ schoolName: school.normalize('NFD') });
      // The same answer as a new school (it does not tell that the school applied); nothing stored but the messages and their audit row.
      assert.equal(again.statusCode, 201, again.body);
      assert.equal(again.json().status, 'received');
      assert.deepEqual(
        changedTables(before, await tableChecksums(t, tables)).filter((name) => name !== 'outbox' && name !== 'audit_log'),
        [],
      );
      // Other texts are kept as sent: an NFD topic stays NFD.
      const nfdTopic = await apply({ topics: HANGUL_NFD });
      assert.equal(nfdTopic.statusCode, 201);
      const apps = (await call('GET', `/api/school/surveys/${surveyId}/applications`, manager)).json().items as Json[];
      assert.ok(apps.some((x) => x.topics === HANGUL_NFD));
    });

    it('overlong fields (10k characters) are a 400 naming the field, and nothing is written', async () => {
      const long = '가'.repeat(10_000);
      const cases: [string, () => Promise<{ statusCode: number; body: string }>][] = [
        ['name', () => registerAcademy(long)],
        ['name', () => registerEvent({ name: long })],
        ['nameEn', () => registerEvent({ nameEn: long })],
        ['affiliation', () => registerEvent({ affiliation: long })],
        [`answers.${textQuestion}`, () => registerEvent({ answers: { [textQuestion]: long } })],
        ['schoolName', () => apply({ schoolName: long })],
        ['teacherName', () => apply({ teacherName: long })],
        ['grade', () => apply({ grade: long })],
        ['topics', () => apply({ topics: long })],
        [
          'title.ko',
          () =>
            call('POST', '/api/academy/sessions', manager, {
              title: { ko: long },
              venue: 'v',
              capacity: 5,
              startsAt: iso(72 * HOUR),
              endsAt: iso(74 * HOUR),
              registrationOpensAt: iso(-HOUR),
              registrationClosesAt: iso(48 * HOUR),
            }),
        ],
        ['title.ko', () => call('POST', '/api/events', manager, { kind: 'seminar', title: { ko: long }, startsAt: iso(72 * HOUR), endsAt: iso(80 * HOUR) })],
        // NFD text longer than the limit once composed is measured composed: 50 syllables fit a 50-character name.
      ];
      for (const [field, send] of cases) {
        const before = await tableChecksums(t, tables);
        const res = await send();
        assert.equal(res.statusCode, 400, `${field}: ${res.body.slice(0, 300)}`);
        const body = assertErrorShape(400, res.body, field);
        assert.ok(
          body.error.fields.some((f: Json) => f.field === field),
          `${field} is named: ${JSON.stringify(body.error.fields.map((f: Json) => f.field))}`,
        );
        assert.deepEqual(changedTables(before, await tableChecksums(t, tables)), [], `${field}: nothing written`);
      }
      const composed = await registerAcademy('한'.repeat(50).normalize('NFD'));
      assert.equal(composed.statusCode, 201, `50 syllables sent decomposed (150 jamo) fit the 50-character name: ${composed.body}`);
    });

    it('staff free text (session and event titles, action comments, evidence titles, budget descriptions) is stored as typed', async () => {
      const action = (await planActions(t, planId))[0]!;
      for (const text of HOSTILE_TEXT) {
        if (!trimmed(text)) continue;
        if (CONTROL_CHAR.test(text)) {
          // Since the control-character rule (src/server/text.ts): titles refuse it; a comment keeps line breaks only.
          const label = JSON.stringify(text);
          await assertRefused(`${label} session`, ['title.ko', 'title.en', 'venue'], () =>
            call('POST', '/api/academy/sessions', manager, {
              title: { ko: text, en: text },
              venue: text,
              capacity: 5,
              startsAt: iso(72 * HOUR),
              endsAt: iso(74 * HOUR),
              registrationOpensAt: iso(-HOUR),
              registrationClosesAt: iso(48 * HOUR),
            }),
          );
          await assertRefused(`${label} event`, ['title.ko', 'title.en'], () =>
            call('POST', '/api/events', manager, { kind: 'seminar', title: { ko: text, en: text }, startsAt: iso(72 * HOUR), endsAt: iso(80 * HOUR), published: true }),
          );
          if (!LINE_BREAK_ONLY(text)) {
            await assertRefused(`${label} comment`, ['comment'], () => call('PATCH', `/api/actions/${action.id}`, manager, { comment: text }));
            continue;
          }
          const patch = await call('PATCH', `/api/actions/${action.id}`, manager, { comment: text });
          assert.equal(patch.statusCode, 200, `${label}: ${patch.body}`);
          const history = (await call('GET', `/api/actions/${action.id}/history`, manager)).json().items as Json[];
          assert.ok(
            history.some((h) => h.comment === asLines(text)),
            `${label}: the comment is kept, CR as LF`,
          );
          continue;
        }
        const s = await call('POST', '/api/academy/sessions', manager, {
          title: { ko: text, en: text },
          venue: text,
          capacity: 5,
          startsAt: iso(72 * HOUR),
          endsAt: iso(74 * HOUR),
          registrationOpensAt: iso(-HOUR),
          registrationClosesAt: iso(48 * HOUR),
        });
        assert.equal(s.statusCode, 201, `${JSON.stringify(text)}: ${s.body}`);
        const pub = (await call('GET', `/api/academy/sessions/${s.json().id}`, null)).json();
        assert.deepEqual([pub.title.ko, pub.title.en, pub.venue], [trimmed(text), trimmed(text), trimmed(text)]);

        const e = await call('POST', '/api/events', manager, { kind: 'seminar', title: { ko: text, en: text }, startsAt: iso(72 * HOUR), endsAt: iso(80 * HOUR), published: true });
        assert.equal(e.statusCode, 201, `${JSON.stringify(text)}: ${e.body}`);
        assert.equal((await call('GET', `/api/events/${e.json().id}`, null)).json().title.ko, trimmed(text));

        const patch = await call('PATCH', `/api/actions/${action.id}`, manager, { comment: text });
        assert.equal(patch.statusCode, 200, `${JSON.stringify(text)}: ${patch.body}`);
        const history = (await call('GET', `/api/actions/${action.id}/history`, manager)).json().items as Json[];
        // Comments are trimmed by the service (tracking-service.ts).
        assert.ok(
          history.some((h) => h.comment === trimmed(text)),
          `${JSON.stringify(text)}: the comment is kept as typed`,
        );
      }
    });

    it('exports: CSV cells neutralised, XLSX cells strings with the Text format, the badges PDF and the audit CSV', async () => {
      const names = [...FORMULAS.map(trimmed), XSS[0], XSS[1], SQLI[1], UNICODE[3]];
      const ids: number[] = [];
      for (const name of names) {
        const r = await registerEvent({ name, nameEn: '=1+2', affiliation: '@SUM(1,2)' });
        assert.equal(r.statusCode, 201, `${name}: ${r.body}`);
        ids.push(r.json().id);
      }
      const csv = await call('GET', `/api/events/${eventId}/attendees.csv`, manager);
      assert.equal(csv.statusCode, 200, `${eventId} ${csv.body.slice(0, 200)}`);
      const rows = assertCsvNeutralised(csv.rawPayload.toString('utf8'), 'attendees.csv');
      for (const name of names) {
        const expected = FORMULA_START.test(name) ? `'${name}` : name;
        assert.ok(
          rows.some((r) => r[3] === expected),
          `attendees.csv holds ${JSON.stringify(expected)}`,
        );
      }

      const xlsx = await call('GET', `/api/events/${eventId}/attendees.xlsx`, manager);
      assert.equal(xlsx.statusCode, 200);
      const cells = await xlsxCells(xlsx.rawPayload);
      for (const name of [...names, '=1+2', '@SUM(1,2)']) assertXlsxText(cells, name, 'attendees.xlsx');

      const pdf = await call('GET', `/api/events/${eventId}/badges.pdf?registrationIds=${ids.slice(-4, -1).join(',')}`, manager);
      assert.equal(pdf.statusCode, 200, pdf.body.slice(0, 200));
      const text = await pdfText(pdf.rawPayload);
      for (const name of [XSS[0], XSS[1], SQLI[1]])
        assert.ok(text.replace(/\s+/g, '').includes(name.replace(/\s+/g, '')), `badges.pdf holds ${name} literally: ${text.slice(0, 300)}`);

      // The quarterly report: evidence titles and budget descriptions typed as formulas stay text.
      const action = actionAt(await planActions(t, planId), 2023, 'Q3');
      // Trimmed: "\t=1+1" and "\r=1+1" as sent are refused since the control-character rule (src/server/text.ts).
      for (const text of [...FORMULAS.map(trimmed), XSS[1], SQLI[1]]) {
        const link = await call('POST', `/api/actions/${action.id}/links`, manager, { title: text, url: 'https://example.org/x', published: true });
        assert.equal(link.statusCode, 201, `${text}: ${link.body}`);
        const ex = await call('POST', `/api/plans/${planId}/executions`, manager, {
          sourceLabel: '시비',
          year: 2023,
          executedOn: '2023-08-10',
          amountKrw: 1000,
          description: text,
          exceedSecured: true,
          overrideReason: '시험 자료: 확보액 입력 전 집행',
        });
        assert.equal(ex.statusCode, 201, `${text}: ${ex.body}`);
      }
      const report = await call('GET', `/api/plans/${planId}/reports/2023/3.xlsx`, manager);
      assert.equal(report.statusCode, 200, report.body.slice(0, 200));
      const reportCells = await xlsxCells(report.rawPayload);
      for (const f of FORMULAS.map(trimmed)) assertXlsxText(reportCells, f, 'report.xlsx');

      // The audit trail: the payloads are in its JSON columns; no cell starts a formula.
      const audit = await call('GET', '/api/audit.csv', manager);
      assert.equal(audit.statusCode, 200);
      const auditText = audit.rawPayload.toString('utf8');
      assertCsvNeutralised(auditText, 'audit.csv');
      assert.ok(auditText.includes('=HYPERLINK'), 'the audit trail holds the typed text');
    });

    it('a multipart text field with U+0000 (evidence title) is a 400 naming the field', async () => {
      const action = (await planActions(t, planId))[0]!;
      const mp = multipart([
        { name: 'title', value: 'a\u0000b' },
        { name: 'file', file: Buffer.from('hello\n'), fileName: 'memo.txt', contentType: 'text/plain' },
      ]);
      const before = await tableChecksums(t, tables);
      const res = await t.app.inject({ method: 'POST', url: `/api/actions/${action.id}/evidence`, headers: { ...manager.headers, ...mp.headers }, payload: mp.payload });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(assertErrorShape(400, res.body, 'evidence title').error.fields[0].field, 'title');
      assert.deepEqual(changedTables(before, await tableChecksums(t, tables)), []);
    });

    it('safeCsvCell: every formula start is neutralised, other text is untouched', async () => {
      const { safeCsvCell } = await import('../../src/server/csv.ts');
      for (const f of FORMULAS) assert.equal(safeCsvCell(f), `'${f}`);
      for (const s of [...XSS, ...SQLI, ...UNICODE, '', '1+1', ' =1', '한글']) assert.equal(safeCsvCell(s), s.match(FORMULA_START) ? `'${s}` : s);
      assert.equal(safeCsvCell(-5), "'-5");
      assert.equal(safeCsvCell(null), '');
    });
  });
}

describe('hostile text in the browser (chromium, finhub serve)', () => {
  const h = educationHarness('finhub-e2e-hostile-');
  const NAMES = [XSS[0], XSS[1], XSS[3], XSS[5]] as const;
  const TITLE = `${XSS[2]} 강좌 ${XSS[6]}`;
  let manager: ApiSession;
  let sessionId = 0;
  let eventId = 0;
  let token = '';
  let schoolToken = '';

  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${h.server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: h.server.url }, body: JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${text}`);
    return JSON.parse(text) as Json;
  };

  before(async () => {
    manager = await ApiSession.signIn(h.server.url, 'manager@jeonju.test', STAFF_PASSWORD);
    sessionId = (
      await manager.call<Json>('POST', '/api/academy/sessions', {
        title: { ko: TITLE, en: TITLE },
        venue: XSS[1],
        lecturer: XSS[0],
        capacity: 50,
        startsAt: iso(72 * HOUR),
        endsAt: iso(74 * HOUR),
        registrationOpensAt: iso(-HOUR),
        registrationClosesAt: iso(48 * HOUR),
      })
    ).id;
    eventId = (
      await manager.call<Json>('POST', '/api/events', {
        kind: 'seminar',
        title: { ko: TITLE, en: TITLE },
        description: { ko: XSS[5], en: XSS[7] },
        venue: { ko: XSS[1] },
        startsAt: iso(72 * HOUR),
        endsAt: iso(80 * HOUR),
        published: true,
      })
    ).id;
    await manager.call('POST', `/api/events/${eventId}/categories`, { category: 'general', capacity: 50, opensAt: iso(-HOUR), closesAt: iso(48 * HOUR) });
    let n = 0;
    for (const name of NAMES) {
      const phone = `010-8181-${1000 + n++}`;
      await post(`/api/academy/sessions/${sessionId}/registrations`, { name, phone, consent: true });
      token ||= await deliveredToken(h.dataDir, phone, 'registrations'); // the answer carries no link: the text message does
      await post(`/api/events/${eventId}/registrations`, {
        category: 'general',
        name,
        nameEn: XSS[1],
        affiliation: XSS[0],
        phone: `010-8282-${1000 + n++}`,
        email: `x${n}@example.com`,
        consent: true,
      });
    }
    await manager.call('POST', '/api/school/surveys', { year: Number(seoulDate(0).slice(0, 4)), opensAt: iso(-HOUR), closesAt: iso(14 * 24 * HOUR), targetSchools: 3 });
    await post('/api/school/applications', {
      schoolName: `${XSS[1]} 초등학교`,
      level: 'elementary',
      teacherName: XSS[0],
      teacherPhone: '063-222-1234',
      grade: XSS[3],
      students: 20,
      preferredDates: [seoulDate(30)],
      topics: XSS[5],
      consent: true,
    });
    schoolToken = await deliveredToken(h.dataDir, '063-222-1234', 'school/applications');
  });

  /** No script ran, no element came from the text, and the text shows literally. */
  async function assertInert(page: import('playwright-core').Page, url: string, literal: string[]) {
    const dialogs: string[] = [];
    page.on('dialog', (d) => dialogs.push(d.message()));
    await page.goto(url);
    await waitForText(page.locator('main'), new RegExp(literal[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    const injected = await page.evaluate(() => ({
      img: document.querySelectorAll('img[src="x"], img[onerror]').length,
      svg: document.querySelectorAll('svg[onload]').length,
      iframe: document.querySelectorAll('iframe').length,
      scripts: [...document.querySelectorAll('script')].filter((s) => /alert/.test(s.textContent ?? '')).length,
      links: [...document.querySelectorAll('a[href]')].filter((a) => /^javascript:/i.test(a.getAttribute('href') ?? '')).length,
    }));
    assert.deepEqual(injected, { img: 0, svg: 0, iframe: 0, scripts: 0, links: 0 }, `${url}: nothing injected`);
    const text = await page.locator('body').innerText();
    for (const l of literal) assert.ok(text.includes(l), `${url} shows ${JSON.stringify(l)} literally`);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(dialogs, [], `${url}: no dialog`);
  }

  it('public pages show hostile titles and names as text', async () => {
    const context = await h.newContext();
    const page = await context.newPage();
    await assertInert(page, `${h.server.url}/academy`, [TITLE]);
    await assertInert(page, `${h.server.url}/academy/sessions/${sessionId}`, [TITLE, XSS[1]]);
    await assertInert(page, `${h.server.url}/registrations/${token}`, [TITLE]);
    await assertInert(page, `${h.server.url}/events`, [TITLE]);
    await assertInert(page, `${h.server.url}/events/${eventId}`, [TITLE, XSS[5]]);
    await assertInert(page, `${h.server.url}/school/applications/${schoolToken}`, [`${XSS[1]} 초등학교`]);
    await context.close();
  });

  it('staff registrant, attendee and application lists show hostile names as text', async () => {
    const context = await h.newContext();
    const page = await signInPage(context, h.server.url, 'manager@jeonju.test', STAFF_PASSWORD);
    await assertInert(page, `${h.server.url}/staff/academy/sessions/${sessionId}`, [...NAMES]);
    await assertInert(page, `${h.server.url}/staff/events/${eventId}`, [...NAMES]);
    await assertInert(page, `${h.server.url}/staff/school`, [`${XSS[1]} 초등학교`]);
    assert.deepEqual(h.pageErrors, [], 'no page errors');
    await context.close();
  });

  after(() => {
    assert.deepEqual(h.pageErrors, []);
  });
});
