/** Korean phone numbers: the registration key (normalised digits) and the masked form staff see. */

/** "010-1234-5678", "+82 10 1234 5678", "01012345678" → "01012345678"; null when not a phone number. */
export function normalizePhone(input: string): string | null {
  let digits = input.replace(/[\s\-().]/g, '');
  if (digits.startsWith('+82')) digits = '0' + digits.slice(3);
  if (!/^0\d{8,10}$/.test(digits)) return null;
  return digits;
}

/** "01012345678" → "010-****-5678": enough to tell people apart, not to call them. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  return `${phone.slice(0, 3)}-****-${phone.slice(-4)}`;
}
