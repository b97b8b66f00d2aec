/**
 * Hostile input for tests/hostile/*: fast-check generators of wrong, huge and strange values,
 * a corpus of XSS / SQL / Unicode payloads, a malformed-JSON corpus, the bilingual error shape,
 * and a checksum of every table (to show that a refused request wrote nothing).
 */
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { ERROR_STATUS } from '../../src/server/errors.ts';
import type { TestApp } from './app.ts';
import { rows } from '../../src/db/executor.ts';
import type { Json } from './json.ts';

// ── Payload corpus ────────────────────────────────────────────────────────────────────────────

export const XSS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '<svg/onload=alert(1)>',
  'javascript:alert(1)',
  '</textarea><script>alert(1)</script>',
  '</title><img src=x onerror=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '{{constructor.constructor("alert(1)")()}}',
] as const;

export const SQLI = ["' OR 1=1 --", "'); DROP TABLE registrations; --", '\\', '$1', "Robert'); DELETE FROM audit_log; --", '%_%', "\\'; select pg_sleep(5); --"] as const;

/** 한글 composed (NFC) and decomposed into jamo (NFD): the same name, different code points. */
export const HANGUL_NFC = '김한글';
export const HANGUL_NFD = HANGUL_NFC.normalize('NFD');

export const UNICODE = [
  HANGUL_NFD,
  'Zero\u200Bwidth\u200Cjoin\u200Dname',
  'BOM\uFEFFinside',
  '👩🏽‍💻 개발자 👨‍👩‍👧‍👦',
  '🏳️‍🌈 🧑🏿‍🤝‍🧑🏻',
  'RLO \u202Egnp.exe\u202C',
  'العربية עברית mixed 한국어',
  'Zalgo Z̴̡̛a̷̢l̶g̵o̸ c͜o͝m̷b̸i̵n̴i̷n̵g',
  'Ǆ ß ﬁ Å Å', // compatibility and precomposed look-alikes: stored as sent
  '\u0001\u0007\u001B[31mansi',
] as const;

/** Starts a spreadsheet would run as a formula. */
export const FORMULAS = ['=HYPERLINK("http://evil.test","x")', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1', "=cmd|' /C calc'!A0"] as const;

export const HOSTILE_TEXT = [...XSS, ...SQLI, ...UNICODE, ...FORMULAS] as const;

// ── Generators ───────────────────────────────────────────────────────────────────────────────

/** Strings of every kind: any code point (lone surrogates and U+0000 included), graphemes, huge. */
export const anyString = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme-composite', maxLength: 20 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 3000, maxLength: 12_000 }), weight: 1 },
  { arbitrary: fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\ud800', '\udfff x', '\u200B', '\uFEFF', '\u3000'), weight: 2 },
  { arbitrary: fc.constantFrom(...HOSTILE_TEXT), weight: 3 },
);

/** Anything but a string: wrong types. */
const wrongType = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53, -(2 ** 63), 1e308),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null)), { maxKeys: 4 }),
  fc.jsonValue({ maxDepth: 3 }),
);

export const hostileValue = fc.oneof({ arbitrary: anyString, weight: 3 }, { arbitrary: wrongType, weight: 2 });

const OMIT = Symbol('omit');

/** A field: usually valid, sometimes hostile, sometimes missing. */
export function field<T>(valid: fc.Arbitrary<T>, opts: { omit?: number; hostile?: number } = {}): fc.Arbitrary<T | unknown> {
  return fc.oneof({ arbitrary: valid, weight: 24 }, { arbitrary: hostileValue, weight: opts.hostile ?? 2 }, { arbitrary: fc.constant(OMIT), weight: opts.omit ?? 1 });
}

/** A body from a model of fields (see `field`), with extra unknown fields now and then; or not an object at all. */
export function body(model: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const record = fc
    .tuple(
      fc.record(model),
      fc.oneof(
        { arbitrary: fc.constant({}), weight: 8 },
        { arbitrary: fc.dictionary(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), hostileValue, { minKeys: 1, maxKeys: 3 }), weight: 1 },
        { arbitrary: fc.record({ isAdmin: fc.constant(true), status: fc.constantFrom('confirmed', 'checked_in'), id: fc.integer() }, { requiredKeys: [] }), weight: 1 },
      ),
    )
    .map(([fields, extra]) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(fields)) if (v !== OMIT) out[k] = v;
      // Extra fields go first so that they never replace a real one.
      return { ...extra, ...out };
    });
  return fc.oneof({ arbitrary: record, weight: 20 }, { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 });
}

/** A URL path segment: usually the given valid ones, else any text (encoded), raw broken escapes, or huge. */
export function segment(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: valid, weight: 6 },
    { arbitrary: fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom(...HOSTILE_TEXT)).map(encodeSegment), weight: 3 },
    {
      arbitrary: fc.constantFrom('%00', '%', '%zz', '%ff%fe', '..%2f..', '0', '-1', '1e3', '2147483648', '99999999999999999999', '%20', "1' OR '1'='1", 'a'.repeat(500)),
      weight: 2,
    },
  );
}

function encodeSegment(s: string): string {
  const wellFormed = (s as string & { toWellFormed(): string }).toWellFormed();
  return encodeURIComponent(wellFormed) || '%20';
}

export const phone = fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1000, max: 9999 })).map(([a, b]) => `010-${a}-${b}`);
export const email = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/), fc.constantFrom('example.com', 'test.kr', 'mail.go.kr')).map(([u, d]) => `${u}@${d}`);
export const name = fc.oneof(
  fc.constantFrom('홍길동', '김지니', 'Jane Doe', HANGUL_NFC, HANGUL_NFD),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
  fc.constantFrom(...HOSTILE_TEXT.filter((s) => s.length <= 50)),
);

// ── Malformed JSON corpus ────────────────────────────────────────────────────────────────────

export interface MalformedCase {
  name: string;
  payload: string | Buffer;
  contentType: string;
  /** Refused by the body parser itself (before any handler), whatever the route. */
  parserLevel: boolean;
}

/** A JSON body that would be valid except for the one defect; `valid` is a valid body of the route (as text). */
export function malformedCorpus(valid: string): MalformedCase[] {
  const j = 'application/json';
  const inner = valid.slice(1, -1);
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
  const deepObj = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
  return [
    { name: 'truncated', payload: valid.slice(0, Math.max(1, Math.floor(valid.length / 2))), contentType: j, parserLevel: true },
    { name: '{"a":', payload: '{"a":', contentType: j, parserLevel: true },
    { name: 'trailing comma', payload: `{${inner},}`, contentType: j, parserLevel: true },
    { name: 'single quotes', payload: valid.replaceAll('"', "'"), contentType: j, parserLevel: true },
    { name: 'two documents', payload: `${valid}${valid}`, contentType: j, parserLevel: true },
    { name: 'empty', payload: '', contentType: j, parserLevel: true },
    { name: 'NaN literal', payload: `{${inner},"x":NaN}`, contentType: j, parserLevel: true },
    { name: 'BOM-prefixed', payload: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(valid)]), contentType: j, parserLevel: true },
    {
      name: 'invalid UTF-8 in a string',
      payload: Buffer.concat([Buffer.from(`{${inner},"x":"`), Buffer.from([0xff, 0xfe, 0xc0, 0xaf]), Buffer.from('"}')]),
      contentType: j,
      parserLevel: true,
    },
    { name: 'overlong UTF-8 slash', payload: Buffer.concat([Buffer.from(`{${inner},"x":"a`), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]), contentType: j, parserLevel: true },
    { name: 'UTF-16 body', payload: Buffer.from(valid, 'utf16le'), contentType: j, parserLevel: true },
    { name: 'duplicate keys', payload: `{${inner},${inner}}`, contentType: j, parserLevel: true },
    { name: '__proto__ key', payload: `{"__proto__":{"isAdmin":true},${inner}}`, contentType: j, parserLevel: true },
    { name: 'escaped __proto__ key', payload: `{"\\u005f_proto__":{"isAdmin":true},${inner}}`, contentType: j, parserLevel: true },
    { name: 'constructor.prototype key', payload: `{"constructor":{"prototype":{"isAdmin":true}},${inner}}`, contentType: j, parserLevel: true },
    { name: 'nested __proto__', payload: `{${inner},"x":{"y":[{"__proto__":{"polluted":1}}]}}`, contentType: j, parserLevel: true },
    { name: 'U+0000 escape in a value', payload: `{${inner},"x":"a\\u0000b"}`, contentType: j, parserLevel: true },
    { name: 'lone surrogate escape', payload: `{${inner},"x":"\\ud800"}`, contentType: j, parserLevel: true },
    { name: '1 MB+ body', payload: `{${inner},"x":"${'a'.repeat(1024 * 1024 + 10)}"}`, contentType: j, parserLevel: true },
    { name: '5 MB of spaces', payload: ' '.repeat(5 * 1024 * 1024) + valid, contentType: j, parserLevel: true },
    { name: 'form-encoded', payload: 'name=a&phone=010-1234-5678&consent=true', contentType: 'application/x-www-form-urlencoded', parserLevel: true },
    { name: 'XML', payload: '<registration><name>a</name></registration>', contentType: 'application/xml', parserLevel: true },
    { name: 'unknown type', payload: valid, contentType: 'application/x-evil', parserLevel: true },
    // Valid JSON that no route's schema takes: refused by validation (body routes) or ignored (token routes).
    { name: '10k-deep arrays', payload: deep(10_000), contentType: j, parserLevel: false },
    { name: '10k-deep objects', payload: deepObj(10_000), contentType: j, parserLevel: false },
    { name: '100k-deep arrays', payload: deep(100_000), contentType: j, parserLevel: false },
    { name: 'array body', payload: `[${valid}]`, contentType: j, parserLevel: false },
    { name: 'null body', payload: 'null', contentType: j, parserLevel: false },
    { name: 'string body', payload: JSON.stringify(valid), contentType: j, parserLevel: false },
    { name: 'number body', payload: '1e999', contentType: j, parserLevel: false },
    { name: 'text/plain JSON', payload: valid, contentType: 'text/plain', parserLevel: false },
    {
      name: 'multipart instead of JSON',
      payload: '--b\r\nContent-Disposition: form-data; name="name"\r\n\r\na\r\n--b--\r\n',
      contentType: 'multipart/form-data; boundary=b',
      parserLevel: false,
    },
    { name: 'multipart without a boundary', payload: 'x', contentType: 'multipart/form-data', parserLevel: false },
    { name: 'deep value in a field', payload: `{${inner},"x":${deep(10_000)}}`, contentType: j, parserLevel: false },
  ];
}

// ── Assertions ───────────────────────────────────────────────────────────────────────────────

/** The bilingual error body: {error: {code, message: {ko, en}, fields?}}, its code matching the status. */
export function assertErrorShape(status: number, text: string, label: string): Json {
  let b: Json;
  try {
    b = JSON.parse(text);
  } catch {
    assert.fail(`${label}: ${status} body is not JSON: ${text.slice(0, 200)}`);
  }
  const e = b.error;
  assert.ok(e && typeof e === 'object', `${label}: no error object: ${text.slice(0, 300)}`);
  assert.deepEqual(Object.keys(b), ['error'], `${label}: extra top-level keys`);
  assert.ok(e.code in ERROR_STATUS, `${label}: unknown code ${e.code}`);
  assert.equal(ERROR_STATUS[e.code as keyof typeof ERROR_STATUS], status, `${label}: code ${e.code} for status ${status}`);
  assert.ok(typeof e.message?.ko === 'string' && e.message.ko.length > 0, `${label}: message.ko`);
  assert.ok(typeof e.message?.en === 'string' && e.message.en.length > 0, `${label}: message.en`);
  assert.ok(/[가-힣]/.test(e.message.ko), `${label}: message.ko is Korean: ${e.message.ko}`);
  if (e.fields !== undefined) {
    assert.ok(Array.isArray(e.fields) && e.fields.length > 0, `${label}: fields`);
    for (const f of e.fields) {
      assert.equal(typeof f.field, 'string', `${label}: field name`);
      assert.ok(typeof f.message?.ko === 'string' && typeof f.message?.en === 'string', `${label}: field message`);
    }
  }
  for (const k of Object.keys(e)) assert.ok(['code', 'message', 'fields'].includes(k), `${label}: extra error key ${k}`);
  // No internals: stack frames, SQL, driver names.
  assert.doesNotMatch(text, /at [\w.<>]+ \(|node_modules|\bselect\b.*\bfrom\b|syntax error at|pglite|drizzle|SQLSTATE/i, `${label}: leaks internals: ${text.slice(0, 300)}`);
  return b;
}

// ── Table checksums ──────────────────────────────────────────────────────────────────────────

/** Every table of the public schema (audit_log and outbox included). */
export async function allTables(t: TestApp): Promise<string[]> {
  const res = await rows<{ table_name: string }>(
    t.database.db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  return res.map((r) => r.table_name);
}

/** One query: count and md5 of the text of every row of every table. */
export async function tableChecksums(t: TestApp, tables: string[]): Promise<Record<string, string>> {
  const q = tables
    .map((name) => `select '${name}' as t, count(*)::text || ':' || md5(coalesce(string_agg(x::text, ',' order by x::text), '')) as s from "${name}" x`)
    .join(' union all ');
  const res = await rows<{ t: string; s: string }>(t.database.db, sql.raw(q));
  return Object.fromEntries(res.map((r) => [r.t, r.s]));
}

/** The tables whose checksum differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
}
