/**
 * Every text a person types refuses control characters — checked over the schemas of every
 * route, so that a new route (or a new field) without the building block of src/server/text.ts
 * fails here. The route schemas are read from the OpenAPI document (`app.swagger()`), which is
 * generated from the very zod schemas that validate the requests: `singleLine` / `multiLine`
 * appear there as the field's `pattern`. Multipart bodies are in it too (the evidence title).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cleanLines, multiLine, oneLine, singleLine } from '../../src/server/text.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ANY_KIND } from '../support/db.ts';
import type { Json } from '../support/json.ts';

type Schema = Json;

/** Titles and names (Korean and English forms included): one line, no control character. */
const TITLE_OR_NAME = /(title|name|label|venue|lecturer|affiliation|role|pledge|category|grade)(Ko|En)?$/i;
/** Strings that are not typed text shown to anyone: secrets and tokens, checked otherwise. */
const NOT_TEXT = new Set(['password', 'currentPassword', 'newPassword', 'token']);

const SINGLE_LINE_REFUSED = ['\r', '\n', '\r\n', '\t', '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f', '\u2028', '\u2029'];
const EVERY_LINE_REFUSED = ['\u0000', '\u0007', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u009f', '\t'];
const FINE = ['전주 금융중심지 포럼', 'GENIE Forum 2026', 'Zoë; café, "quoted" \\ <b>', '👩🏽‍💻 한글 日本'];

export interface TextLeaf {
  route: string;
  path: string;
  key: string;
  schema: Schema;
}

/** Every string leaf of every request body (JSON and multipart) in an OpenAPI document. */
export function requestTextLeaves(doc: Schema): TextLeaf[] {
  const refs = (doc.components?.schemas ?? {}) as Record<string, Schema>;
  const out: TextLeaf[] = [];
  const walk = (route: string, s: Schema | undefined, path: string, key: string, seen: Set<Schema>) => {
    if (!s || typeof s !== 'object' || seen.has(s)) return;
    if (typeof s.$ref === 'string') return walk(route, refs[s.$ref.split('/').pop()!], path, key, seen);
    const here = new Set(seen).add(s);
    for (const k of ['anyOf', 'oneOf', 'allOf'] as const) for (const x of s[k] ?? []) walk(route, x, path, key, here);
    const types = [s.type].flat();
    if (types.includes('string') && !s.enum && s.const === undefined && s.format !== 'binary') out.push({ route, path, key, schema: s });
    for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) walk(route, v, path ? `${path}.${k}` : k, k, here);
    if (s.additionalProperties && typeof s.additionalProperties === 'object') walk(route, s.additionalProperties, `${path}.*`, key, here);
    if (s.items) walk(route, s.items, `${path}[]`, key, here);
  };
  for (const [url, ops] of Object.entries((doc.paths ?? {}) as Record<string, Schema>)) {
    for (const [method, op] of Object.entries(ops)) {
      for (const [type, content] of Object.entries((op?.requestBody?.content ?? {}) as Record<string, Schema>))
        walk(`${method.toUpperCase()} ${url} (${type})`, content.schema, '', '', new Set());
    }
  }
  return out;
}

/** The leaf's rule as a predicate: does a value satisfy the schema's pattern (none: anything goes)? */
function accepts(leaf: TextLeaf, value: string): boolean {
  if (typeof leaf.schema.pattern !== 'string') return true;
  return new RegExp(leaf.schema.pattern, 'u').test(value);
}

/** The parent key decides for {ko, en} objects: title.ko is a title. */
const isTitleOrName = (leaf: TextLeaf) => TITLE_OR_NAME.test(leaf.key) || leaf.path.split('.').some((p) => TITLE_OR_NAME.test(p.replace(/\[\]$/, '')));

/** Everything wrong with the text leaves of a document, as readable lines. */
export function controlCharProblems(leaves: TextLeaf[]): string[] {
  const problems: string[] = [];
  for (const leaf of leaves) {
    if (NOT_TEXT.has(leaf.key)) continue;
    const shown = `${leaf.route} ${leaf.path}`;
    const refused = isTitleOrName(leaf) ? SINGLE_LINE_REFUSED : EVERY_LINE_REFUSED;
    for (const c of refused) if (accepts(leaf, `a${c}b`)) problems.push(`${shown}: accepts ${JSON.stringify(c)}`);
    if (isTitleOrName(leaf)) for (const ok of FINE) if (!accepts(leaf, ok)) problems.push(`${shown}: refuses ${JSON.stringify(ok)}`);
  }
  return problems;
}

describe('typed text refuses control characters in every route', () => {
  let t: TestApp;
  let leaves: TextLeaf[];

  before(async () => {
    t = await openTestApp(ANY_KIND);
    await t.app.ready();
    leaves = requestTextLeaves(t.app.swagger() as Schema);
  });
  after(() => t?.close());

  it('finds the titles and names of every module (the walk itself works)', () => {
    const titles = leaves.filter(isTitleOrName).map((l) => `${l.route} ${l.path}`);
    for (const expected of [
      'POST /api/events (application/json) title.ko',
      'POST /api/events (application/json) title.en',
      'POST /api/events/{id}/rooms (application/json) name.ko',
      'POST /api/events/{id}/programme (application/json) title.ko',
      'POST /api/events/{id}/speakers (application/json) name.en',
      'POST /api/events/{id}/registrations (application/json) nameEn',
      'POST /api/academy/sessions (application/json) title.ko',
      'POST /api/academy/sessions/{id}/registrations (application/json) name',
      'POST /api/school/applications (application/json) schoolName',
      'POST /api/school/applications (application/json) teacherName',
      'POST /api/training/cohorts/{id}/applications (application/json) name',
      'POST /api/training/courses (application/json) title.ko',
      'POST /api/actions/{id}/evidence (multipart/form-data) title',
      'POST /api/actions/{id}/links (application/json) title',
      'PATCH /api/evidence/{id} (application/json) title',
      'POST /api/departments (application/json) name',
      'POST /api/departments (application/json) nameEn',
      'POST /api/users (application/json) name',
      'PATCH /api/plans/{id} (application/json) title',
    ]) {
      assert.ok(titles.includes(expected), `${expected} is found among ${titles.length} title/name fields`);
    }
    assert.ok(titles.length >= 40, `${titles.length} title/name fields`);
  });

  it('every title or name refuses CR, LF, TAB, C0, DEL, C1 and U+2028/9; every other typed text refuses all but line breaks', () => {
    assert.deepEqual(controlCharProblems(leaves), []);
  });

  it('the check fails a route without the building block (a hand-made document)', () => {
    const doc = {
      paths: {
        '/api/new': {
          post: {
            requestBody: {
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      title: { type: 'object', properties: { ko: { type: 'string', maxLength: 200 } } },
                      speakerName: { type: 'string', pattern: '^[^\\u0000]*$' },
                      notes: { type: 'string' },
                      password: { type: 'string' },
                    },
                  },
                },
              },
            },
          },
        },
      },
    };
    const problems = controlCharProblems(requestTextLeaves(doc));
    assert.ok(
      problems.some((p) => p.includes('title.ko: accepts "\\r\\n"')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => p.includes('speakerName: accepts "\\n"')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => p.includes('notes: accepts "\\u0007"')),
      problems.join('\n'),
    );
    assert.ok(!problems.some((p) => p.includes('password')));
  });
});

describe('the building block (src/server/text.ts)', () => {
  it('singleLine: refuses every control character before trimming, trims, counts after', () => {
    const s = singleLine(5);
    for (const c of SINGLE_LINE_REFUSED) {
      assert.equal(s.safeParse(`ab${c}`).success, false, `trailing ${JSON.stringify(c)} refused, not trimmed away`);
      assert.equal(s.safeParse(`a${c}b`).success, false, JSON.stringify(c));
    }
    assert.equal(s.parse('  한글  '), '한글');
    assert.equal(s.safeParse('   ').success, false, 'blank');
    assert.equal(s.safeParse('abcdef').success, false, 'too long');
    assert.equal(singleLine(5, { min: 0 }).parse(''), '');
    assert.equal(singleLine(3, { nfc: true }).parse('한글'.normalize('NFD')), '한글');
  });

  it('multiLine: keeps LF, stores CR LF and CR as LF, refuses every other control character', () => {
    const m = multiLine(100);
    assert.equal(m.parse('첫 줄\r\n둘째 줄\r셋째 줄\n넷째'), '첫 줄\n둘째 줄\n셋째 줄\n넷째');
    for (const c of EVERY_LINE_REFUSED) assert.equal(m.safeParse(`a${c}b`).success, false, JSON.stringify(c));
    assert.equal(m.parse('  a\n  b \n'), 'a\n  b');
  });

  it('output helpers: oneLine folds a run of controls to one space; cleanLines keeps LF only', () => {
    assert.equal(oneLine('a\r\n\tb\u0085c\u2028d'), 'a b c d');
    assert.equal(cleanLines('a\r\nb\rc\u0007d\u2028e'), 'a\nb\ncd\ne');
  });
});
