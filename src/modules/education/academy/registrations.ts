/** Registering for an academy session, its registrants for staff, and check-in (through the registration engine). */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/executor.ts';
import type { Actor } from '../../audit/service.ts';
import { CONSENT_NOTICES } from '../../registration/consent.ts';
import { checkIn, type CheckInBy, type CheckInResult } from '../../registration/engine/check-in.ts';
import { register } from '../../registration/engine/register.ts';
import type { EngineContext } from '../../registration/engine/state.ts';
import { listPoolRegistrations } from '../../registration/listing.ts';
import type { Page, PageParams } from '../../../server/paging.ts';
import { staffView, type StaffRegistration } from '../../registration/presenters.ts';
import { academySessions } from '../schema.ts';
import { loadSession, sessionNotFound, sessionSubject } from './sessions.ts';

export interface RegistrationInput {
  name: string;
  phone: string;
  email?: string;
  consent: true;
  waitlist?: boolean;
  language?: 'ko' | 'en';
}

export async function registerForSession(db: Executor, ctx: EngineContext, actor: Actor, sessionId: number, input: RegistrationInput) {
  const { s, pool } = await loadSession(db, sessionId);
  return register(db, ctx, actor, { pool, subject: sessionSubject(s) }, { ...input, consentVersion: CONSENT_NOTICES.academy.version });
}

/** One page of a session's registrants (keyset by id); `q` searches names. */
export async function sessionRegistrations(db: Executor, sessionId: number, f: PageParams & { q?: string | undefined } = {}): Promise<Page<StaffRegistration>> {
  const [row] = await db.select({ poolId: academySessions.poolId }).from(academySessions).where(eq(academySessions.id, sessionId));
  if (!row) throw sessionNotFound(sessionId);
  return listPoolRegistrations(db, row.poolId, f);
}

export async function checkInAtSession(
  db: Executor,
  actor: Actor,
  sessionId: number,
  by: CheckInBy,
  opensMinutes?: number,
): Promise<{ registration: StaffRegistration; alreadyCheckedIn: boolean }> {
  const { pool } = await loadSession(db, sessionId);
  const r: CheckInResult = await checkIn(db, actor, pool.id, by, { opensMinutes });
  return { registration: staffView(r.registration), alreadyCheckedIn: r.alreadyCheckedIn };
}
