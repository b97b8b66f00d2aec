/**
 * The outbox for staff: newest first, paged by keyset on the id (`?after=` is the last id shown,
 * the next page is `id < after`), filtered by status, kind and the Seoul day it was queued.
 */
import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/executor.ts';
import { seoulMidnight } from '../plan/seoul-time.ts';
import { pageLimit, toPage, type PageParams } from '../../server/paging.ts';
import { outboxView } from './presenters.ts';
import { outbox } from './schema.ts';

export interface OutboxFilter extends PageParams {
  status?: 'pending' | 'sent' | 'failed' | undefined;
  kind?: string | undefined;
  /** Seoul days, "YYYY-MM-DD", both included. */
  from?: string | undefined;
  to?: string | undefined;
}

const dayStart = (day: string, plusDays = 0) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return seoulMidnight(y, m, d + plusDays);
};

function where(f: OutboxFilter): SQL | undefined {
  return and(
    f.status ? eq(outbox.status, f.status) : undefined,
    f.kind ? eq(outbox.kind, f.kind) : undefined,
    f.from ? gte(outbox.createdAt, dayStart(f.from)) : undefined,
    f.to ? lt(outbox.createdAt, dayStart(f.to, 1)) : undefined,
  );
}

export async function listOutbox(db: Executor, f: OutboxFilter) {
  const rows = await db
    .select()
    .from(outbox)
    .where(and(where(f), f.after !== undefined ? lt(outbox.id, f.after) : undefined))
    .orderBy(desc(outbox.id))
    .limit(pageLimit(f) + 1);
  const page = await toPage(
    rows,
    f,
    (r) => r.id,
    outboxView,
    async () => (await db.select({ n: count() }).from(outbox).where(where(f)))[0]!.n,
  );
  const kinds = await db.selectDistinct({ kind: outbox.kind }).from(outbox).orderBy(outbox.kind);
  return { ...page, kinds: kinds.map((k) => k.kind) };
}

/** Messages that failed for good: how many, and the newest few (the staff to-do list). */
export async function failedMessages(db: Executor, limit = 5) {
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(eq(outbox.status, 'failed'));
  const latest = await db.select().from(outbox).where(eq(outbox.status, 'failed')).orderBy(desc(outbox.id)).limit(limit);
  return { total: total!.n, latest: latest.map(outboxView) };
}
