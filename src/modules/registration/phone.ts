/** Korean phone numbers: the registration key (normalised digits). Masking is src/server/mask.ts. */

/** "010-1234-5678", "+82 10 1234 5678", "01012345678" → "01012345678"; null when not a phone number. */
export function normalizePhone(input: string): string | null {
  let digits = input.replace(/[\s\-().]/g, '');
  if (digits.startsWith('+82')) digits = '0' + digits.slice(3);
  if (!/^0\d{8,10}$/.test(digits)) return null;
  return digits;
}
