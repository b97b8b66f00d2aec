/** Text helpers for the plan importer: decoding, table cells, bullets and money. */

export class PlanFormatError extends Error {
  constructor(
    readonly ko: string,
    readonly en: string,
    /** Where in the document: "line 17", "budget.시비.'23", "overview.총사업비"; none for the file as a whole. */
    readonly field?: string,
  ) {
    super(en);
    this.name = 'PlanFormatError';
  }
}

/** Decodes a file as UTF-8, refusing binary content (NUL bytes with invalid UTF-8) and invalid UTF-8. */
export function decodePlanFile(bytes: Uint8Array): string {
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) {
    throw new PlanFormatError('파일이 비어 있습니다.', 'The file is empty.');
  }
  try {
    // A NUL in otherwise valid UTF-8 text is refused by checkCharacters, which names its line.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    if (bytes.includes(0)) throw new PlanFormatError('텍스트 파일이 아닙니다(이진 파일).', 'The file is not text (binary content).');
    throw new PlanFormatError('UTF-8 텍스트가 아닙니다.', 'The file is not UTF-8 text.');
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', middot: '·', bull: '•' };
const ENTITY = /&(#x[0-9a-f]+|#\d+|[a-z]+);/gi;

/**
 * Characters a plan may not hold, written or as a numeric reference: NUL and the other control
 * characters (tab, line feed, carriage return, vertical tab and form feed are white space here),
 * lone surrogates. A numeric reference must also name a code point (at most U+10FFFF).
 */
function refusedCodePoint(code: number): boolean {
  return (
    !(code >= 0 && code <= 0x10ffff) ||
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d) ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0xd800 && code <= 0xdfff)
  );
}

const referenceCode = (name: string) => (name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));

const codeLabel = (code: number) => (code <= 0x10ffff ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : 'beyond U+10FFFF');

/**
 * Refuses NUL, control characters, lone surrogates and numeric character references that are not
 * characters (`&#0;`, `&#xD800;`, `&#x110000;`, `&#99999999;`), naming the line ("line 17").
 */
export function checkCharacters(lines: readonly string[]): void {
  lines.forEach((line, i) => {
    const where = `line ${i + 1}`;
    for (const ch of line) {
      const code = ch.codePointAt(0)!;
      if (refusedCodePoint(code)) {
        const what = code === 0 ? 'NUL (U+0000)' : codeLabel(code);
        throw new PlanFormatError(
          `${i + 1}번째 줄에 쓸 수 없는 문자가 있습니다: ${what}. 제어 문자와 짝 없는 서로게이트는 받지 않습니다. (${where})`,
          `Line ${i + 1} holds a character that is not allowed: ${what}. Control characters and lone surrogates are refused. (${where})`,
          where,
        );
      }
    }
    for (const m of line.matchAll(ENTITY)) {
      if (m[1]![0] !== '#') continue;
      const code = referenceCode(m[1]!);
      if (refusedCodePoint(code)) {
        throw new PlanFormatError(
          `${i + 1}번째 줄에 쓸 수 없는 문자 참조가 있습니다: "${m[0]}" (${codeLabel(code)}). (${where})`,
          `Line ${i + 1} holds a character reference that is not allowed: "${m[0]}" (${codeLabel(code)}). (${where})`,
          where,
        );
      }
    }
  });
}

function decodeEntities(s: string): string {
  return s.replace(ENTITY, (whole, name: string) => {
    if (name[0] === '#') {
      const code = referenceCode(name);
      // checkCharacters refused these with their line first; this only keeps fromCodePoint from throwing.
      if (refusedCodePoint(code)) {
        throw new PlanFormatError(`쓸 수 없는 문자 참조입니다: "${whole}"`, `Not an allowed character reference: "${whole}"`);
      }
      return String.fromCodePoint(code);
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Collapses runs of white space (including NBSP) to one space and trims. */
export function squash(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * Splits a table cell into its bullet items. Cells come as plain "• a • b" text or as
 * `<ul>` HTML, with `<li>` items or with bullets inside one `<ul>`; all three mean a list.
 */
export function cellItems(cell: string): string[] {
  const marked = cell
    .replace(/<\s*li\b[^>]*>/gi, '\u2022')
    .replace(/<br\s*\/?>/gi, '\u2022')
    .replace(/<[^>]*>/g, ' ');
  return decodeEntities(marked)
    .split(/[\u2022\u25cf\u25e6\u2023\u2043]/)
    .map(squash)
    .filter((s) => s.length > 0);
}

/** Plain text of a cell (tags removed, entities decoded, white space collapsed). */
export function cellText(cell: string): string {
  return squash(decodeEntities(cell.replace(/<[^>]*>/g, ' ')));
}

/** Won per unit the plan documents use for money. */
export const MONEY_UNITS: Record<string, bigint> = {
  억원: 100_000_000n,
  백만원: 1_000_000n,
  천원: 1_000n,
  원: 1n,
};

/**
 * Converts a decimal amount written in `unit` to integer won with exact decimal arithmetic
 * (14.1억원 → 1,410,000,000), so no float rounding creeps into the ledger.
 * Returns null when the text is not a number; "-" and "" are zero.
 */
export function toWon(text: string, unit: string): number | null {
  let t = text.replace(/[,\s]/g, '');
  if (t === '' || /^[-–—]$/.test(t)) return 0;
  t = t.replace(/^[−–]/, '-');
  const m = /^(-)?(\d*)(?:\.(\d+))?$/.exec(t);
  if (!m || (m[2] === '' && m[3] === undefined)) return null;
  const perUnit = MONEY_UNITS[unit];
  if (perUnit === undefined) return null;
  const frac = m[3] ?? '';
  const scaled = BigInt((m[2] || '0') + frac) * perUnit;
  const divisor = 10n ** BigInt(frac.length);
  if (scaled % divisor !== 0n) return null; // finer than one won: not money
  const won = Number(scaled / divisor);
  return m[1] ? -won : won;
}

/**
 * The largest amount a plan may state, in one cell or in total: 1,000조원 (10^15 won). Far above
 * any city budget, and far below 2^53, so every sum of a plan's amounts is an exact number.
 */
export const MAX_PLAN_KRW = 1_000_000_000_000_000;

/** Reads "14.1억원" / "1,410 백만원" into won, or null; a minus sign is kept ("-14.1억원" → negative). */
export function parseMoneyWithUnit(text: string): number | null {
  // A minus sign counts only where it cannot be a range's dash ("10–14.1억원").
  const m = /((?:(?<![\d.,])[-−–]\s*)?[\d.,]+)\s*(억원|백만원|천원|원)/.exec(text);
  return m ? toWon(m[1]!.replace(/^[−–]/, '-'), m[2]!) : null;
}

/** "'22" → 2022, "2022" → 2022, "22년" → 2022; null if not a year label. */
export function parseYearLabel(label: string): number | null {
  const t = label.replace(/\s/g, '');
  let m = /^['’‘`]?(\d{2})년?$/.exec(t);
  if (m) return 2000 + Number(m[1]);
  m = /^(\d{4})년?$/.exec(t);
  return m ? Number(m[1]) : null;
}

/** Two-digit or four-digit year as a full year. */
export function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}
