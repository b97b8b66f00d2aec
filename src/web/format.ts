/**
 * Formatting helpers for plan data. Money arrives as integer won; the plan document and the
 * public pages speak in 억원 (1억 = 100,000,000 won) with one decimal, so 1410000000 → "14.1".
 */
import type { Period } from '../modules/plan/types.ts';
import type { Lang } from './i18n.ts';

const eokFormat = new Intl.NumberFormat('ko-KR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Won → 억원 with one decimal. Rounds on integers (tenths of 억 = 10,000,000 won) to avoid float drift. */
export function formatEok(won: number): string {
  return eokFormat.format(Math.round(won / 10_000_000) / 10);
}

const compactKrw = new Intl.NumberFormat('en', {
  style: 'currency',
  currency: 'KRW',
  currencyDisplay: 'code',
  notation: 'compact',
  maximumFractionDigits: 2,
});

/** Won → "KRW 1.41B", a gloss for English readers who do not count in 억. */
export function formatKrwCompact(won: number): string {
  return compactKrw.format(won).replace(/\u00a0/g, ' ');
}

/** "2022-07" → "2022.07", the way Korean plans write months. */
export function formatMonth(ym: string | null): string {
  if (!ym) return '';
  const [y, m] = ym.split('-');
  return m ? `${y}.${m}` : (y ?? '');
}

/** 2022 → "'22", the budget table's column style. */
export function shortYear(year: number): string {
  return `'${String(year).slice(-2)}`;
}

const PERIOD_LABELS: Record<Period, Record<Lang, string>> = {
  Q1: { ko: '1분기', en: 'Q1' },
  Q2: { ko: '2분기', en: 'Q2' },
  Q3: { ko: '3분기', en: 'Q3' },
  Q4: { ko: '4분기', en: 'Q4' },
  H1: { ko: '상반기', en: '1st half' },
  H2: { ko: '하반기', en: '2nd half' },
  FY: { ko: '연간', en: 'Full year' },
};

export function periodLabel(period: Period, lang: Lang): string {
  return PERIOD_LABELS[period]?.[lang] ?? period;
}

/** Sum of a row's within-term years (임기 내 소계); missing years count as 0. */
export function withinTermKrw(yearsKrw: Record<string, number | undefined>, years: number[]): number {
  return years.reduce((sum, y) => sum + (yearsKrw[String(y)] ?? 0), 0);
}

const rateFormat = new Intl.NumberFormat('ko-KR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 42.5 → "42.5%"; the server already rounds to one decimal. null (nothing counted) → "–". */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '–' : `${rateFormat.format(rate)}%`;
}

const dateTimeFormats: Record<Lang, Intl.DateTimeFormat> = {
  ko: new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', dateStyle: 'medium', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Seoul', dateStyle: 'medium', timeStyle: 'short' }),
};

/** An ISO instant in Seoul time, the city's clock: "2024. 7. 1. 오전 10:00" / "1 Jul 2024, 10:00". */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormats[lang].format(date);
}

const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  ko: new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', dateStyle: 'long' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Seoul', dateStyle: 'long' }),
};

/** An ISO instant as its calendar day in Seoul: "2024년 7월 1일" / "1 July 2024" (기준일). */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormats[lang].format(date);
}

const wonFormat = new Intl.NumberFormat('ko-KR');

/** 1234000000 → "1,234,000,000" (the 원 amount, for staff who check figures to the won). */
export function formatWon(won: number): string {
  return wonFormat.format(won);
}

/** "3,2 KB" style size of an uploaded file. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
