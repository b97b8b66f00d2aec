/** Text helpers for the plan importer: decoding, table cells, bullets and money. */

export class PlanFormatError extends Error {
  constructor(
    readonly ko: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'PlanFormatError';
  }
}

/** Decodes a file as UTF-8, refusing binary content (NUL bytes or invalid UTF-8). */
export function decodePlanFile(bytes: Uint8Array): string {
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) {
    throw new PlanFormatError('파일이 비어 있습니다.', 'The file is empty.');
  }
  if (bytes.includes(0)) {
    throw new PlanFormatError('텍스트 파일이 아닙니다(이진 파일).', 'The file is not text (binary content).');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new PlanFormatError('UTF-8 텍스트가 아닙니다.', 'The file is not UTF-8 text.');
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', middot: '·', bull: '•' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
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
  const t = text.replace(/[,\s]/g, '');
  if (t === '' || /^[-–—]$/.test(t)) return 0;
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

/** Reads "14.1억원" / "1,410 백만원" into won, or null. */
export function parseMoneyWithUnit(text: string): number | null {
  const m = /([\d.,]+)\s*(억원|백만원|천원|원)/.exec(text);
  return m ? toWon(m[1]!, m[2]!) : null;
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
