/**
 * Amounts typed by staff, in 원 or 억원, turned into the integer won the API takes. Decimal
 * 억원 are converted on the digits (no floating point): "1.25" 억원 → 125,000,000 won exactly.
 */
export type MoneyUnit = 'won' | 'eok';

const EOK_DIGITS = 8; // 1억 = 10^8 won

/** The integer won for the input, or null when it is not a positive amount in that unit. */
export function parseMoney(input: string, unit: MoneyUnit): number | null {
  const text = input.replace(/[,\s]/g, '');
  if (unit === 'won') {
    if (!/^\d+$/.test(text)) return null;
    const won = Number(text);
    return Number.isSafeInteger(won) ? won : null;
  }
  const match = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || text === '' || text === '.') return null;
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (fraction.length > EOK_DIGITS) return null; // finer than one won
  const won = Number((whole || '0') + fraction.padEnd(EOK_DIGITS, '0'));
  return Number.isSafeInteger(won) ? won : null;
}
