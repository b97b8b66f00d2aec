/** The financial academy as the API answers it: sessions (with their pool's figures) and programmes. */
import type { z } from 'zod';
import { registrationState, type Pool } from '../registration/engine/state.ts';
import type { SessionSchema } from './academy-api-schema.ts';
import type { academyProgrammes, academySessions } from './schema.ts';

type SessionRow = typeof academySessions.$inferSelect;
export type SessionView = z.infer<typeof SessionSchema>;

/** The pool row carries its own counts (taken, waiting), kept by a trigger: nothing to count here. */
export function sessionView(s: SessionRow, pool: Pool, now = new Date()): SessionView {
  return {
    id: s.id,
    programmeId: s.programmeId,
    title: { ko: s.titleKo, en: s.titleEn },
    description: s.descriptionKo ? { ko: s.descriptionKo, en: s.descriptionEn } : null,
    lecturer: s.lecturer,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    venue: s.venue,
    onlineUrl: s.onlineUrl,
    videoUrl: s.videoUrl,
    capacity: pool.capacity,
    seatsLeft: Math.max(0, pool.capacity - pool.taken),
    waitlistLength: pool.waiting,
    waitlistEnabled: pool.waitlistEnabled,
    registrationOpensAt: pool.opensAt.toISOString(),
    registrationClosesAt: pool.closesAt.toISOString(),
    registrationState: registrationState(pool, pool.taken, now),
    cancelled: pool.cancelledAt !== null,
  };
}

/** Sessions with their pools, all seen at the same instant. */
export function sessionViews(rows: { s: SessionRow; pool: Pool }[]): SessionView[] {
  const now = new Date();
  return rows.map(({ s, pool }) => sessionView(s, pool, now));
}

export const programmeView = (p: typeof academyProgrammes.$inferSelect) => ({
  id: p.id,
  year: p.year,
  title: { ko: p.titleKo, en: p.titleEn },
  description: p.descriptionKo ? { ko: p.descriptionKo, en: p.descriptionEn } : null,
  createdAt: p.createdAt.toISOString(),
});
