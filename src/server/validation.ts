/** Turns schema-validation failures into bilingual, field-by-field error bodies. */
import type { FastifyInstance } from 'fastify';
import type { ZodFastifySchemaValidationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AppError, type FieldError, invalidField, invalidFields } from './errors.ts';
import { josa } from './korean.ts';
import { singleLine, textRuleMessage } from './text.ts';

const ko = z.locales.ko();
const en = z.locales.en();

type Issue = Parameters<typeof en.localeError>[0];

function localize(locale: typeof en, issue: Issue, fallback: string): string {
  const out = locale.localeError(issue);
  return typeof out === 'string' ? out : (out?.message ?? fallback);
}

/** Korean names of the value kinds zod names in English (zod's Korean locale leaves them in English). */
const KO_KIND: Record<string, string> = {
  string: '문자열',
  number: '숫자',
  int: '정수',
  integer: '정수',
  bigint: '정수',
  boolean: '참 또는 거짓',
  array: '목록',
  set: '목록',
  object: '객체',
  date: '날짜',
  null: '빈 값',
};

/**
 * Korean for the issues zod's Korean locale words with English codes and fixed particles
 * ("array이 너무 작습니다"): as a civil servant would write them, particles chosen by code.
 */
function koreanMessage(issue: Issue): string | null {
  const i = issue as { code?: string; origin?: string; minimum?: unknown; maximum?: unknown; inclusive?: boolean; expected?: string; values?: unknown[] };
  const bound = (n: unknown, inclusive: boolean | undefined, more: boolean) => {
    const v = String(n);
    return inclusive === false ? `${v}${more ? '보다 커야' : '보다 작아야'} 합니다.` : `${v} ${more ? '이상이어야' : '이하여야'} 합니다.`;
  };
  const unitOf = (origin: string | undefined) => (origin === 'string' ? '자' : origin === 'array' || origin === 'set' ? '개' : '');
  switch (i.code) {
    case 'invalid_type': {
      const kind = KO_KIND[String(i.expected)];
      return kind ? `${kind}${josa(kind, '이에요/예요') === '예요' ? '여야' : '이어야'} 합니다.` : '올바른 값이 아닙니다.';
    }
    case 'too_small': {
      const unit = unitOf(i.origin);
      return unit ? `${String(i.minimum)}${unit} 이상이어야 합니다.` : bound(i.minimum, i.inclusive, true);
    }
    case 'too_big': {
      const unit = unitOf(i.origin);
      return unit ? `${String(i.maximum)}${unit} 이하여야 합니다.` : bound(i.maximum, i.inclusive, false);
    }
    case 'invalid_value':
      return Array.isArray(i.values) && i.values.length ? `다음 중 하나여야 합니다: ${i.values.map(String).join(', ')}.` : '허용되지 않는 값입니다.';
    case 'unrecognized_keys':
      return '받지 않는 항목이 있습니다.';
    case 'invalid_union':
      return '올바른 값이 아닙니다.';
    default:
      return null;
  }
}

function fieldMessage(issue: Issue, fallback: string): FieldError['message'] {
  const textRule = textRuleMessage(issue as { code?: string; format?: string; pattern?: unknown });
  if (textRule) return textRule;
  if (issue.code === 'invalid_type') {
    // The locales describe the received value, which the validation error no longer carries.
    const expected = String((issue as { expected?: string }).expected ?? 'value');
    return { ko: koreanMessage(issue) ?? '올바른 값이 아닙니다.', en: `Must be a valid ${expected}.` };
  }
  return { ko: koreanMessage(issue) ?? localize(ko, issue, fallback), en: localize(en, issue, fallback) };
}

export function validationError(context: string | undefined, errors: ZodFastifySchemaValidationError[]): AppError {
  const fields = errors.map((e) => {
    const path = e.instancePath.replace(/^\//, '').split('/').filter(Boolean);
    const issue = { ...(e.params as object), code: e.keyword, path, message: e.message } as unknown as Issue;
    return { field: path.length ? path.join('.') : (context ?? 'body'), message: fieldMessage(issue, e.message ?? '') };
  });
  return invalidFields(fields);
}

/** The same bilingual 400 for a zod error met outside Fastify's validation (multipart text fields); `context` names a root-level value. */
export function zodValidationError(context: string, error: z.ZodError): AppError {
  const errors = error.issues.map((issue) => {
    const { path, code, message, ...params } = issue;
    return { keyword: code, instancePath: `/${path.map(String).join('/')}`, schemaPath: '', message, params } as unknown as ZodFastifySchemaValidationError;
  });
  return validationError(context, errors);
}

// ── The input boundary: what the JSON parser and every route's text must satisfy ─────────────

const bodyError = (en: string, ko: string, field = 'body') => invalidField(field, ko, en);

/**
 * A text the database cannot store as sent: PostgreSQL text refuses U+0000 (the query failed: a
 * 500), and a lone UTF-16 surrogate (JSON's "\ud800") is rewritten to U+FFFD by the driver, or
 * refused by PGlite (a 500). Both are refused at the door instead, naming the field.
 */
export function isUnstorableText(s: string): boolean {
  // String.prototype.isWellFormed is ES2024 (Node 20+); the lib here is ES2023.
  return s.includes('\u0000') || !(s as string & { isWellFormed(): boolean }).isWellFormed();
}

/** A path kept as a chain to its parent, so deep nesting costs O(depth), not O(depth²), to track. */
type PathNode = { parent: PathNode | null; key: string } | null;
const pathOf = (node: PathNode): string[] => {
  const out: string[] = [];
  for (let n = node; n; n = n.parent) out.push(n.key);
  return out.reverse();
};

/** The path of the first unstorable string (value or object key) in a parsed value, iteratively (no stack overflow on deep nesting). */
function findUnstorableText(value: unknown, root: string[] = []): string[] | null {
  let base: PathNode = null;
  for (const key of root) base = { parent: base, key };
  const stack: { v: unknown; path: PathNode }[] = [{ v: value, path: base }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (isUnstorableText(v)) return pathOf(path);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: { parent: path, key: String(i) } });
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (isUnstorableText(k)) return [...pathOf(path), k.replaceAll('\u0000', '\\u0000')];
        stack.push({ v: x, path: { parent: path, key: k } });
      }
    }
  }
  return null;
}

export function unstorableTextError(path: string[], context: string): AppError {
  const field = path.length ? path.join('.') : context;
  return bodyError('Contains a character that cannot be stored (U+0000 or an unpaired surrogate).', '저장할 수 없는 문자(U+0000 또는 짝 없는 서로게이트)가 들어 있습니다.', field);
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Every object key of a JSON text that JSON.parse has already accepted, checked for duplicates
 * (`{"name":"a","name":"b"}`: parsers disagree on which wins, so a proxy or log and this server
 * could read different values) and for prototype keys (`__proto__`, `constructor`, `prototype`,
 * also when spelt with escapes): none is a field of any API, and a later spread or merge of such
 * an object could pollute prototypes. One pass, without recursion (10k-deep arrays are fine).
 */
function checkKeys(text: string): AppError | null {
  type Frame = { keys: Set<string> | null; path: PathNode; index: number; key: string | null };
  const stack: Frame[] = [];
  const here = (): PathNode => {
    const top = stack[stack.length - 1];
    if (!top) return null;
    if (top.keys) return top.key === null ? top.path : { parent: top.path, key: top.key };
    return { parent: top.path, key: String(top.index) };
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
      let j = i + 1;
      while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\n' || text[j] === '\r')) j++;
      const top = stack[stack.length - 1];
      if (text[j] === ':' && top?.keys) {
        const key = JSON.parse(text.slice(start, i + 1)) as string;
        const field = () => [...pathOf(top.path), key].join('.');
        if (FORBIDDEN_KEYS.has(key)) return bodyError(`The key "${key}" is not accepted.`, `"${key}" 키는 받지 않습니다.`, field());
        if (top.keys.has(key)) return bodyError('The same key appears twice in one object.', '한 객체에 같은 키가 두 번 있습니다.', field());
        top.keys.add(key);
        top.key = key;
      }
    } else if (c === '{' || c === '[') {
      stack.push({ keys: c === '{' ? new Set() : null, path: here(), index: 0, key: null });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top && !top.keys) top.index++;
    }
  }
  return null;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The API's one JSON body parser (installed in place of Fastify's by `installInputGuards`):
 * strict UTF-8 (Node's default decoding silently turns invalid bytes into U+FFFD, so the stored
 * text would differ from what was sent), no byte-order mark, no duplicate or prototype keys, no
 * text the database cannot store. Every refusal is a bilingual 400 naming what was wrong.
 */
function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) throw bodyError('The body is empty: send a JSON object.', '요청 본문이 비어 있습니다. JSON 객체를 보내십시오.');
  if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) {
    throw bodyError('The body starts with a byte-order mark: send UTF-8 JSON without it.', '요청 본문이 BOM으로 시작합니다. BOM 없는 UTF-8 JSON을 보내십시오.');
  }
  let text: string;
  try {
    text = STRICT_UTF8.decode(raw);
  } catch {
    throw bodyError('The body is not valid UTF-8.', '요청 본문이 올바른 UTF-8이 아닙니다.');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw bodyError('The body is not valid JSON.', '요청 본문이 올바른 JSON이 아닙니다.');
  }
  const keyError = checkKeys(text);
  if (keyError) throw keyError;
  const bad = findUnstorableText(value);
  if (bad) throw unstorableTextError(bad, 'body');
  return value;
}

/**
 * Installs the JSON parser above and a check of every route's params and query for text the
 * database cannot store (`?q=%00` on a staff list was a 500). Called once for the whole app,
 * before any route is registered.
 */
export function installInputGuards(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body as Buffer));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
  app.addHook('preValidation', async (req) => {
    for (const [context, value] of [
      ['params', req.params],
      ['querystring', req.query],
    ] as const) {
      const bad = findUnstorableText(value);
      if (bad) throw unstorableTextError(bad, context);
    }
  });
}

/**
 * A person's or school's name: trimmed and normalised to Unicode NFC, so that the same Hangul
 * name typed on a keyboard that sends composed syllables (한글) and one that sends jamo (한글 as
 * ᄒ ᅡ ᆫ …, NFD — macOS file names, some IMEs) is stored, searched and compared (the school's
 * one-application-a-year rule) as one name. The length limit counts the normalised text. One line,
 * no control characters (text.ts).
 */
export const nameText = (max: number) => singleLine(max, { nfc: true });
