/**
 * Text a person types, as the API accepts it: the one building block for every title, name and
 * free-text field of a request (JSON bodies and multipart fields alike).
 *
 * - `singleLine(max)`: titles and names (event, session, room, speaker, person, school, evidence,
 *   department …). No control character at all: no CR, LF or TAB, no other C0 (U+0000–U+001F),
 *   no DEL (U+007F), no C1 (U+0080–U+009F, e.g. U+0085 NEL), no U+2028/U+2029 (line and paragraph
 *   separators). A title with a line break would otherwise travel into e-mail subjects, calendar
 *   files, CSV rows and badge PDFs, each of which reads a line break as structure.
 * - `multiLine(max)`: descriptions, comments, notes, answers. Line feeds are kept (CR LF and a
 *   lone CR are stored as LF); every other control character is refused.
 *
 * The check runs on the text as sent, before trimming, so a trailing "\r\n" is refused rather
 * than silently cut. It is a zod `.regex`, so the OpenAPI document shows it as the field's
 * `pattern` (tests/unit/text-fields.test.ts walks that document: every title or name field of
 * every route must carry it). A refusal is a 400 naming the field, in Korean and English
 * (`textRuleMessage`, used by validation.ts).
 *
 * Output formats still escape for themselves (`oneLine` below, event-calendar.ts, csv.ts): rows
 * written before this check, or by other paths, may hold anything.
 */
import { z } from 'zod';

/** The one list of control characters (C0, DEL, C1) and line/paragraph separators, as a character-class body. */
const CONTROLS = '\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029';
/** Any control character (C0, DEL, C1) or a line/paragraph separator. */
export const CONTROL_CHAR = new RegExp(`[${CONTROLS}]`);
const CONTROL_RUNS = new RegExp(`[${CONTROLS}]+`, 'g');
/** A single line: no control character at all. */
const SINGLE_LINE = new RegExp(`^[^${CONTROLS}]*$`);
/** Lines: LF, CR LF or a lone CR between lines; no other control character. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the pattern lists the control characters it refuses
const MULTI_LINE = /^[^\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]*$/;

type Bilingual = { ko: string; en: string };

const MESSAGES = new Map<string, Bilingual>([
  [SINGLE_LINE.toString(), { ko: '줄바꿈이나 제어 문자를 쓸 수 없습니다.', en: 'Must not contain line breaks or control characters.' }],
  [MULTI_LINE.toString(), { ko: '줄바꿈 외의 제어 문자를 쓸 수 없습니다.', en: 'Must not contain control characters other than line breaks.' }],
]);

/** The bilingual message of a refusal by `singleLine` / `multiLine` (a zod or Fastify validation issue), else null. */
export function textRuleMessage(issue: { code?: string; format?: string; pattern?: unknown }): Bilingual | null {
  if (issue.code !== 'invalid_format' || issue.format !== 'regex' || typeof issue.pattern !== 'string') return null;
  return MESSAGES.get(issue.pattern) ?? null;
}

/** The check alone, for string schemas built otherwise (URLs, search terms): no control character. */
export const noControlChars = () => z.regex(SINGLE_LINE);

export interface TextOptions {
  /** Least length after trimming (default 1: an empty or blank value is refused). */
  min?: number;
  /** Trim surrounding white space (default true). */
  trim?: boolean;
  /** Normalise to Unicode NFC before the length check (names: one spelling for one name). */
  nfc?: boolean;
}

function finish(s: z.ZodString, max: number, { min = 1, trim = true, nfc = false }: TextOptions): z.ZodString {
  let out = s;
  if (trim) out = out.trim();
  if (nfc) out = out.normalize('NFC');
  if (min > 0) out = out.min(min);
  return out.max(max);
}

/** A title or a name: one line, no control characters; trimmed; 1 … max characters. */
export function singleLine(max: number, opts: TextOptions = {}): z.ZodString {
  return finish(z.string().regex(SINGLE_LINE), max, opts);
}

/** Free text of several lines: LF kept (CR LF and CR stored as LF), no other control character; trimmed; 1 … max characters. */
export function multiLine(max: number, opts: TextOptions = {}): z.ZodString {
  return finish(
    z
      .string()
      .regex(MULTI_LINE)
      .overwrite((s) => s.replace(/\r\n?/g, '\n')),
    max,
    opts,
  );
}

/**
 * For output: the text on one line, every control character (line breaks included) and any run
 * of them folded to one space. For e-mail subjects, calendar names, badge lines, file names in
 * headers — wherever a stored title (which may predate the input check) meets a line-based format.
 */
export function oneLine(s: string): string {
  return s.replace(CONTROL_RUNS, ' ');
}

/** For output where nothing may stand in their place (file names): every control character removed. */
export function withoutControls(s: string): string {
  return s.replace(CONTROL_RUNS, '');
}

/** For output of free text: line breaks kept as LF, every other control character removed. */
export function cleanLines(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return s.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '');
}
