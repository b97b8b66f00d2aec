/** Staff lists of a pool's registrants, paged by keyset on the registration id (src/server/paging.ts) over the index (pool_id, id). */
import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { pageLimit, toPage, type Page, type PageParams } from '../../server/paging.ts';
import type { Executor } from '../../db/executor.ts';
import { registrations } from './schema.ts';
import { staffView, type StaffRegistration } from './presenters.ts';

/** Case-insensitive substring of the registrant's name (what `?q=` searches). */
const nameContains = (q: string | undefined): SQL | undefined => (q ? sql`strpos(lower(${registrations.name}), lower(${q})) > 0` : undefined);

/** A pool's registrations for staff (masked), in id order, one page; `q` filters by name. */
export async function listPoolRegistrations(db: Executor, poolId: number, f: PageParams & { q?: string | undefined } = {}): Promise<Page<StaffRegistration>> {
  const where = and(eq(registrations.poolId, poolId), nameContains(f.q));
  const rows = await db
    .select()
    .from(registrations)
    .where(and(where, f.after !== undefined ? gt(registrations.id, f.after) : undefined))
    .orderBy(asc(registrations.id))
    .limit(pageLimit(f) + 1);
  return toPage(
    rows,
    f,
    (r) => r.id,
    staffView,
    async () => {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(registrations).where(where);
      return Number(row!.n);
    },
  );
}
