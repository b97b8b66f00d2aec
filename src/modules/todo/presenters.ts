/** The to-do list as the API answers it: each item with the staff page where it is done. */
import { ACADEMY_POOL } from '../education/academy/sessions.ts';
import { EVENT_POOL } from '../events/attendees/categories.ts';
import type { outboxView } from '../notifications/presenters.ts';
import type { TodoAction, UnreportedQuarter } from '../plan/todo.ts';
import type { PoolAttention } from '../registration/engine/attention.ts';

export interface TodoParts {
  scope: 'all' | 'department' | 'none';
  overdue: TodoAction[];
  stale: TodoAction[];
  quarters: UnreportedQuarter[];
  pools: PoolAttention[];
  schools: { surveyId: number; year: number; count: number; oldestAt: string | null }[];
  failed: { total: number; latest: ReturnType<typeof outboxView>[] };
}

/** The workspace opens the action named by `?action=` (and `#action-<id>` scrolls to it). */
const actionView = (a: TodoAction) => ({ ...a, href: `/staff/plans/${a.planId}?action=${a.id}#action-${a.id}` });

const KINDS: Record<string, { kind: 'academy_session' | 'event'; href: (id: number) => string }> = {
  [ACADEMY_POOL]: { kind: 'academy_session', href: (id) => `/staff/academy/sessions/${id}` },
  [EVENT_POOL]: { kind: 'event', href: (id) => `/staff/events/${id}` },
};

function poolView(p: PoolAttention, count: number) {
  const k = KINDS[p.ownerKind];
  if (!k) return [];
  return [{ poolId: p.poolId, kind: k.kind, ownerId: p.ownerId, title: p.title, startsAt: p.startsAt, count, firstOfferDeadline: p.firstOfferDeadline, href: k.href(p.ownerId) }];
}

export const todoView = (t: TodoParts) => ({
  scope: t.scope,
  overdueActions: t.overdue.map(actionView),
  staleActions: t.stale.map(actionView),
  unreportedQuarters: t.quarters.map((q) => ({ ...q, href: `/staff/plans/${q.planId}/reports?year=${q.year}&quarter=${q.quarter}` })),
  pendingApprovals: t.pools.filter((p) => p.pending > 0).flatMap((p) => poolView(p, p.pending)),
  expiringOffers: t.pools.filter((p) => p.offersExpiring > 0).flatMap((p) => poolView(p, p.offersExpiring)),
  schoolApplications: t.schools.map((s) => ({ ...s, href: `/staff/school?survey=${s.surveyId}` })),
  failedMessages: { ...t.failed, href: '/staff/outbox?status=failed' },
});
