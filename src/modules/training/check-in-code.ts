/**
 * The rotating check-in code shown in the room: six digits from HMAC-SHA256 of the session's
 * secret and the 30-second time step (as TOTP, RFC 6238, with the session id in the message).
 * The current and the previous step are accepted, so a code read just before it changes still
 * works; an older one is refused as expired, so a photo sent to a friend stops working within a
 * minute.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const STEP_SECONDS = 30;
/** Steps back that are recognised (and answered "expired" rather than "wrong"): ten minutes. */
const RECOGNISED_STEPS = 20;

export const stepOf = (now: Date) => Math.floor(now.getTime() / 1000 / STEP_SECONDS);

export function checkInCode(secret: string, sessionId: number, step: number): string {
  const mac = createHmac('sha256', Buffer.from(secret, 'base64url')).update(`${sessionId}:${step}`).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const n = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(n % 1_000_000).padStart(6, '0');
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** 'ok' for the current or previous step, 'expired' for an older one (up to ten minutes), else 'invalid'. */
export function judgeCode(secret: string, sessionId: number, code: string, now: Date): 'ok' | 'expired' | 'invalid' {
  const step = stepOf(now);
  if (same(checkInCode(secret, sessionId, step), code) || same(checkInCode(secret, sessionId, step - 1), code)) return 'ok';
  for (let back = 2; back <= RECOGNISED_STEPS; back++) if (same(checkInCode(secret, sessionId, step - back), code)) return 'expired';
  return 'invalid';
}
