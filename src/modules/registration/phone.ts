/** Korean phone numbers: the registration key (normalised digits). Masking is src/server/mask.ts. */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

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
