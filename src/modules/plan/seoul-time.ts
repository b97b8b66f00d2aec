/**
 * Dates and quarters in Asia/Seoul. Korea keeps UTC+9 all year (no daylight saving since 1988),
 * so a fixed offset is exact: Q3 2023 = [2023-07-01T00:00+09:00, 2023-10-01T00:00+09:00).
 */
import type { Period } from './types.ts';

const OFFSET_MS = 9 * 60 * 60 * 1000;

export type Quarter = 1 | 2 | 3 | 4;

export interface Range {
  /** inclusive */
  from: Date;
  /** exclusive */
  to: Date;
}

/** Midnight in Seoul at the start of the given day (month 1–12; 13 rolls into the next year). */
export function seoulMidnight(year: number, month: number, day = 1): Date {
  return new Date(Date.UTC(year, month - 1, day) - OFFSET_MS);
}

export function quarterRange(year: number, quarter: number): Range {
  return { from: seoulMidnight(year, (quarter - 1) * 3 + 1), to: seoulMidnight(year, quarter * 3 + 1) };
}

/** The time span of a schedule entry: a quarter, a half (H1/H2) or the whole year (FY). */
export function periodRange(year: number, period: Period): Range {
  switch (period) {
    case 'H1':
      return { from: seoulMidnight(year, 1), to: seoulMidnight(year, 7) };
    case 'H2':
      return { from: seoulMidnight(year, 7), to: seoulMidnight(year + 1, 1) };
    case 'FY':
      return { from: seoulMidnight(year, 1), to: seoulMidnight(year + 1, 1) };
    default:
      return quarterRange(year, Number(period.slice(1)));
  }
}

/** The calendar date in Seoul, "YYYY-MM-DD". */
export function seoulDate(d: Date): string {
  return new Date(d.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

const seoulDateTimeKoFormat = new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23' });

/** A moment as Korean readers write it, in Seoul, 24-hour clock: "2025년 3월 10일 14:00". */
export const seoulDateTimeKo = (d: Date | string): string => seoulDateTimeKoFormat.format(typeof d === 'string' ? new Date(d) : d);

/** The quarter a moment falls in, in Seoul. */
export function quarterOf(d: Date): { year: number; quarter: Quarter } {
  const local = new Date(d.getTime() + OFFSET_MS);
  return { year: local.getUTCFullYear(), quarter: (Math.floor(local.getUTCMonth() / 3) + 1) as Quarter };
}

/** A quarter's bounds as calendar dates, for `date` columns: from ≤ d < to. */
export function quarterDates(year: number, quarter: number): { from: string; to: string } {
  const r = quarterRange(year, quarter);
  return { from: seoulDate(r.from), to: seoulDate(r.to) };
}

/** True for a real calendar date written "YYYY-MM-DD" (2023-02-30 is not). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}
