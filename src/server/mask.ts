/**
 * The platform's one masking rule for personal data shown to staff, in exports and on public
 * status pages. Every module masks through these three functions; none keeps its own.
 *
 * - Names: the first and last character stay, the middle is starred; two characters keep the
 *   first. Characters are Unicode code points, so Hangul syllables count one each:
 *   "김철" → "김*", "홍길동" → "홍*동", "남궁민수" → "남**수", "Jane Doe" → "J******e", "A" → "*".
 * - Phones: the prefix (02 for Seoul, else the first three digits) and the last four digits
 *   stay, the middle is always four stars, with or without hyphens or +82 in the input:
 *   "01012345678", "010-1234-5678", "+82 10 1234 5678" → "010-****-5678"; "02-123-4567" →
 *   "02-****-4567". Fewer than 8 digits: "***". A number abroad (E.164, the forum's guests) keeps its
 *   calling code and last four digits: "+819012345678" → "+81-****-5678".
 * - E-mails: the first character of the local part and the whole domain stay, the rest of the
 *   local part is always three stars, so its length is not shown: "hong@example.com" →
 *   "h***@example.com"; a one-character local part keeps nothing ("a@x.org" → "***@x.org");
 *   a value without "@" (or nothing before it) → "***".
 *
 * null (or an empty value) is null: nothing given.
 */

import { parsePhoneNumberFromString } from 'libphonenumber-js';

export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  let digits = phone.replace(/\D/g, '');
  const written = phone.trim();
  if (written.startsWith('+') && !written.startsWith('+82')) {
    const code = parsePhoneNumberFromString(written)?.countryCallingCode;
    return digits.length < 8 || !code ? '***' : `+${code}-****-${digits.slice(-4)}`;
  }
  if (written.startsWith('+82')) digits = `0${digits.slice(2)}`;
  if (digits.length < 8) return '***';
  const prefix = digits.startsWith('02') ? '02' : digits.slice(0, 3);
  return `${prefix}-****-${digits.slice(-4)}`;
}

export function maskEmail(email: string | null): string | null {
  if (!email) return null;
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  const local = [...email.slice(0, at)];
  return `${local.length > 1 ? local[0] : ''}***${email.slice(at)}`;
}
