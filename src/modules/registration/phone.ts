/**
 * Phone numbers, the registration key: a Korean number as its national digits (01012345678), a
 * number of another country (where the form asks for one: the forum) in E.164 (+819012345678).
 * Parsing is libphonenumber-js (full metadata). Masking is src/server/mask.ts.
 */
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';

/**
 * "010-1234-5678", "+82 10 1234 5678", "01012345678" → "01012345678" (the national form's
 * digits, as stored); null when it is not a valid Korean number (libphonenumber-js, full
 * metadata). A number must be written as Koreans write one, with its leading 0 or with +82:
 * the library would read "1234567890" as 012-3456-7890. Extensions are refused (an SMS cannot
 * reach one).
 */
export function normalizePhone(input: string): string | null {
  const written = input.trim();
  if (!written.startsWith('0') && !written.startsWith('+82') && !written.startsWith('(0')) return null;
  const number = parsePhoneNumberFromString(written, { defaultCountry: 'KR', extract: false });
  if (number?.country !== 'KR' || number.ext || !number.isValid()) return null;
  const digits = number.format('NATIONAL').replace(/\D/g, '');
  return digits.startsWith('0') ? digits : null;
}

/**
 * A number written for the given country (ISO 3166-1 alpha-2; none or KR: Korean, as
 * normalizePhone). Another country's number is stored in E.164 ("+81 90-1234-5678" or
 * "090-1234-5678" with JP → "+819012345678"); a number written with "+" keeps its own country
 * (a Korean one → national digits); a number that is not one of the chosen country but is a
 * Korean one (a guest from abroad with a Korean phone) is Korean. null when not a valid number.
 */
export function normalizeInternationalPhone(input: string, country?: string | null): string | null {
  const written = input.trim();
  const region = (country ?? 'KR').toUpperCase();
  if (region === 'KR' && !written.startsWith('+')) return normalizePhone(written);
  let number: PhoneNumber | undefined;
  try {
    number = parsePhoneNumberFromString(written, { defaultCountry: region as CountryCode, extract: false });
  } catch {
    number = undefined;
  }
  if (!number || number.ext || !number.isValid()) return written.startsWith('+') ? null : normalizePhone(written);
  if (number.country === 'KR') return normalizePhone(number.number);
  return number.number;
}

/**
 * Whether a stored number (normalizePhone / normalizeInternationalPhone) reaches a mobile phone:
 * SMS goes only to these. Korean 01x numbers are mobile; elsewhere libphonenumber-js's type
 * decides (mobile, or fixed-line-or-mobile where a country's plan cannot tell).
 */
export function isMobilePhone(stored: string): boolean {
  if (!stored.startsWith('+')) return /^01[016789]\d{7,8}$/.test(stored);
  const type = parsePhoneNumberFromString(stored)?.getType();
  return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
}
