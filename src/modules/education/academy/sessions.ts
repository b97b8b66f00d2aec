/**
 * The financial academy (전주시 금융아카데미): sessions, each with a capacity pool of the
 * registration engine (owner kind `academy_session`). Every write is one transaction with its
 * audit row; messages go through the outbox in it.
 */
import { asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.ts';
import type { Executor } from '../../../db/executor.ts';
import { notFound } from '../../../server/errors.ts';
import { registerPoolOwner } from '../../registration/engine/pools.ts';
import type { Pool } from '../../registration/engine/state.ts';
import type { PoolSubject } from '../../registration/messages.ts';
import { capacityPools } from '../../registration/schema.ts';
import { sessionViews, type SessionView } from '../academy-presenters.ts';
import { academySessions } from '../schema.ts';

export const ACADEMY_POOL = 'academy_session';

export type SessionRow = typeof academySessions.$inferSelect;

export const sessionNotFound = (id: number) => notFound({ ko: `금융아카데미 강좌 ${id}`, en: `Academy session ${id}` });

// The engine's messages and status pages describe an academy pool by its session.
export const sessionSubject = (s: SessionRow): PoolSubject => ({
  ownerId: s.id,
  title: { ko: s.titleKo, en: s.titleEn },
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  venue: s.venue,
  sequence: s.sequence,
  modifiedAt: s.updatedAt,
});
registerPoolOwner(ACADEMY_POOL, {
  describe: async (db, poolId): Promise<PoolSubject | null> => {
    const [s] = await db.select().from(academySessions).where(eq(academySessions.poolId, poolId));
    return s ? sessionSubject(s) : null;
  },
});

const sessionWithPool = (db: Executor) =>
  db.select({ s: academySessions, pool: capacityPools }).from(academySessions).innerJoin(capacityPools, eq(capacityPools.id, academySessions.poolId));

/**
 * The session-and-pool read of every registration, prepared once per database: Drizzle takes
 * ~0.2 ms of CPU to build this join's SQL, a sixth of what a registration costs the server.
 * Built once in the process only: the empty name sends it as an unnamed statement, as every other
 * query. A named one lives on one server connection, which PgBouncer's transaction pooling hands
 * to other clients (`prepared statement … already exists`; tests/api/pgbouncer.test.ts).
 */
const preparedLoads = new WeakMap<Db, ReturnType<typeof prepareLoad>>();
const prepareLoad = (db: Executor) =>
  sessionWithPool(db)
    .where(eq(academySessions.id, sql.placeholder('id')))
    .prepare('');

export async function loadSession(db: Executor, id: number, lock = false): Promise<{ s: SessionRow; pool: Pool }> {
  let rows: { s: SessionRow; pool: Pool }[];
  if (lock) rows = await sessionWithPool(db).where(eq(academySessions.id, id)).for('update', { of: academySessions });
  else if (db instanceof PgTransaction) rows = await sessionWithPool(db).where(eq(academySessions.id, id));
  else {
    let prepared = preparedLoads.get(db);
    if (!prepared) {
      prepared = prepareLoad(db);
      preparedLoads.set(db, prepared);
    }
    rows = await prepared.execute({ id });
  }
  if (!rows[0]) throw sessionNotFound(id);
  return rows[0];
}

export async function getSession(db: Executor, id: number): Promise<SessionView> {
  return sessionViews([await loadSession(db, id)])[0]!;
}

export async function listSessions(db: Executor, when: 'upcoming' | 'past' | 'all'): Promise<SessionView[]> {
  const now = new Date();
  const filter = when === 'upcoming' ? gte(academySessions.endsAt, now) : when === 'past' ? lt(academySessions.endsAt, now) : undefined;
  const rows = await db
    .select({ s: academySessions, pool: capacityPools })
    .from(academySessions)
    .innerJoin(capacityPools, eq(capacityPools.id, academySessions.poolId))
    .where(filter)
    .orderBy(when === 'past' ? desc(academySessions.startsAt) : asc(academySessions.startsAt), asc(academySessions.id));
  return sessionViews(rows);
}
