/** Times in Asia/Seoul (fixed UTC+9) and bilingual texts for the education pages. */
import type { RegistrationStatus } from './education-api.ts';
import type { Lang, MessageKey } from './i18n.ts';

const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000;

const dateTimeFormats: Record<Lang, Intl.DateTimeFormat> = {
  ko: new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', dateStyle: 'medium', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Seoul', dateStyle: 'medium', timeStyle: 'short' }),
};

export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '–';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeFormats[lang].format(d);
}

/** A `datetime-local` value read as Seoul time → ISO 8601 (UTC); '' when empty or invalid. */
export function seoulInputToIso(value: string): string {
  if (!value) return '';
  const d = new Date(`${value.length === 16 ? `${value}:00` : value}+09:00`);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

/** ISO 8601 → a `datetime-local` value in Seoul time ("2026-11-26T19:00"). */
export function isoToSeoulInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Date(d.getTime() + SEOUL_OFFSET_MS).toISOString().slice(0, 16);
}

/** Today in Seoul as YYYY-MM-DD, and the Seoul year. */
export function seoulToday(): string {
  return new Date(Date.now() + SEOUL_OFFSET_MS).toISOString().slice(0, 10);
}
export const seoulYear = (): number => Number(seoulToday().slice(0, 4));

export type Localizable = { ko?: string | null; en?: string | null } | string | null | undefined;

/** A bilingual text in the reader's language; English readers get Korean when there is no English. */
export function localText(text: Localizable, lang: Lang): string {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  return (lang === 'en' ? text.en || text.ko : text.ko || text.en) ?? '';
}

/** Whether the shown text is the English one (for the lang attribute). */
export function textLang(text: Localizable, lang: Lang): Lang {
  if (text == null || typeof text === 'string') return 'ko';
  return lang === 'en' && text.en ? 'en' : 'ko';
}

/** The same rule as the server's normalisation: 0 and 9–11 digits, +82 allowed. */
export function looksLikePhone(input: string): boolean {
  let digits = input.replace(/[\s\-().]/g, '');
  if (digits.startsWith('+82')) digits = `0${digits.slice(3)}`;
  return /^0\d{8,10}$/.test(digits);
}

export const looksLikeEmail = (input: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input);

/** A rate the server sends in percent (one decimal), shown as "66.7%"; a dash for none. */
export function formatPercent(value: number | null | undefined): string {
  return value == null ? '–' : `${(Math.round(value * 10) / 10).toFixed(1)}%`;
}

export function formatScore(value: number | null | undefined): string {
  return value == null ? '–' : (Math.round(value * 100) / 100).toFixed(2);
}

/** What a scanned QR code holds: the check-in token, or a URL ending in it (or with ?token=). */
/**
 * The short check-in code printed under the QR code, as typed ("k7m-4qr", "K7M 4QR"): its six
 * characters in capitals, or null when the text is not one (a pasted link or token). The server
 * takes it the same way (src/modules/registration/engine/check-in.ts).
 */
export function checkInCodeFromTyped(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s\-–—]/g, '');
  return /^[2-9A-HJKMNP-Z]{6}$/.test(code) ? code : null;
}

/** The code as printed: two groups of three, easier to read out and type ("K7M 4QR"). */
export const formatCheckInCode = (code: string): string => `${code.slice(0, 3)} ${code.slice(3)}`;

export function tokenFromScan(raw: string): string {
  const text = raw.trim();
  if (!/^https?:\/\//i.test(text)) return text;
  try {
    const url = new URL(text);
    const last = url.pathname.split('/').filter(Boolean).pop();
    return url.searchParams.get('token') ?? (last ? decodeURIComponent(last) : text);
  } catch {
    return text;
  }
}

/** A registration status's label (the i18n key). */
export const REG_STATUS_LABELS: Record<RegistrationStatus, MessageKey> = {
  confirmed: 'regConfirmed',
  waitlisted: 'regWaitlisted',
  offered: 'regOffered',
  cancelled: 'regCancelled',
  expired: 'regExpired',
  pending: 'regPendingApproval',
};
