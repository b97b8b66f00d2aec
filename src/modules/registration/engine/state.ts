/**
 * What the registration engine's rows are and may become: statuses, the refusals a registration
 * may meet, and the state a pool shows the public.
 */
import { AppError, notFound, type Bilingual, type ErrorCode } from '../../../server/errors.ts';
import { seoul, seoulEn } from '../messages.ts';
import type { capacityPools, registrations } from '../schema.ts';

export type Pool = typeof capacityPools.$inferSelect;
export type Registration = typeof registrations.$inferSelect;
export type RegistrationStatus = Registration['status'];

export const LIVE: RegistrationStatus[] = ['confirmed', 'offered'];
export const ACTIVE: RegistrationStatus[] = ['confirmed', 'waitlisted', 'offered', 'pending'];

/** What the engine needs to build links in messages. */
export interface EngineContext {
  publicUrl: string;
  /** Minutes before the start that staff may check registrants in (FINHUB_CHECK_IN_OPENS_MINUTES; default 60). */
  checkInOpensMinutes?: number;
}

export const conflict = (code: ErrorCode, m: Bilingual) => new AppError(code, m);

export const REFUSALS = {
  cancelled: { ko: '취소된 행사입니다. 신청을 받지 않습니다.', en: 'This session has been cancelled; registration is closed.' },
  notOpen: (opensAt: Date) => ({
    ko: `아직 신청 기간이 아닙니다. 신청은 ${seoul(opensAt)}부터 받습니다.`,
    en: `Registration has not opened yet; it opens on ${seoulEn(opensAt)}.`,
  }),
  closed: { ko: '신청 기간이 끝났습니다.', en: 'Registration has closed.' },
  started: { ko: '이미 시작된 행사입니다. 신청·변경할 수 없습니다.', en: 'This session has already started; registrations can no longer be made or changed.' },
  full: { ko: '정원이 찼습니다. 대기자로 신청하시려면 대기 신청을 선택하십시오.', en: 'The session is full. Choose the waiting list to be offered a place if one frees up.' },
  fullNoWaitlist: { ko: '정원이 찼고 이 행사는 대기 신청을 받지 않습니다.', en: 'The session is full and has no waiting list.' },
} as const;

export const tokenNotFound = () => notFound({ ko: '신청 내역', en: 'The registration' });
export const poolNotFound = () => notFound({ ko: '신청 대상', en: 'The registration pool' });

export type RegistrationState = 'not_open' | 'open' | 'closed' | 'full' | 'started' | 'cancelled';

export function registrationState(pool: Pool, live: number, now = new Date()): RegistrationState {
  if (pool.cancelledAt) return 'cancelled';
  if (now >= pool.startsAt) return 'started';
  if (now < pool.opensAt) return 'not_open';
  if (now >= pool.closesAt) return 'closed';
  if (live >= pool.capacity) return 'full';
  return 'open';
}
