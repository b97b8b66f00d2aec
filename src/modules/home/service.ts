/**
 * The public home in one read: every plan's 이행률·완료율 and budget executed (the figures the
 * staff dashboard sums, src/modules/plan/figures-query.ts), this quarter's actions
 * (plan/quarter-actions.ts), the next sessions and events, the latest news.
 *
 * 기준일 (`asOf`), the plan page's (plan/presenters.ts asOfView), read without loading each plan:
 * progress figures as of the latest change of an action (the time of reading when a measure is
 * bound), else the plan's import; budget figures as of the latest ledger change, else the import.
 */
import { eq, isNotNull, max } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../db/executor.ts';
import { listSessions } from '../education/academy/sessions.ts';
import { listEvents } from '../events/core/events.ts';
import { newsSummaryView } from '../news/presenters.ts';
import { latestNews } from '../news/read.ts';
import { allPlanFigures } from '../plan/figures-query.ts';
import { quarterActions } from '../plan/quarter-actions.ts';
import { actions, plans, scheduleEntries } from '../plan/schema.ts';
import { quarterOf } from '../plan/seoul-time.ts';
import type { HomeSchema } from './api-schema.ts';

const UPCOMING = 3;

type Home = z.infer<typeof HomeSchema>;

/** Per plan: its English texts, import and ledger times, latest action change, whether a measure is bound. */
async function planDates(db: Executor) {
  const [rows, changed, measured] = await Promise.all([
    db.select({ id: plans.id, titleEn: plans.titleEn, pledgeEn: plans.pledgeEn, createdAt: plans.createdAt, ledgerUpdatedAt: plans.ledgerUpdatedAt }).from(plans),
    db
      .select({ planId: scheduleEntries.planId, at: max(actions.updatedAt) })
      .from(actions)
      .innerJoin(scheduleEntries, eq(scheduleEntries.id, actions.entryId))
      .groupBy(scheduleEntries.planId),
    db.selectDistinct({ planId: scheduleEntries.planId }).from(actions).innerJoin(scheduleEntries, eq(scheduleEntries.id, actions.entryId)).where(isNotNull(actions.measureKey)),
  ]);
  const changedAt = new Map(changed.map((r) => [r.planId, r.at]));
  const measuredPlans = new Set(measured.map((r) => r.planId));
  return new Map(
    rows.map((p) => [
      p.id,
      {
        titleEn: p.titleEn,
        pledgeEn: p.pledgeEn,
        measured: measuredPlans.has(p.id),
        progressAt: later(p.createdAt, changedAt.get(p.id)),
        budgetAt: p.ledgerUpdatedAt ?? p.createdAt,
      },
    ]),
  );
}

const later = (a: Date, b: Date | null | undefined) => (b && b.getTime() > a.getTime() ? b : a);

export async function homeSummary(db: Executor, now = new Date()): Promise<Home> {
  const { year, quarter } = quarterOf(now);
  const [figures, dates, q, sessions, events, news] = await Promise.all([
    allPlanFigures(db),
    planDates(db),
    quarterActions(db, year, quarter),
    listSessions(db, 'upcoming'),
    listEvents(db, { publicOnly: true }),
    latestNews(db, UPCOMING),
  ]);
  const readAt = now.toISOString();
  return {
    plans: figures.map((p) => {
      const d = dates.get(p.id)!;
      return {
        id: p.id,
        title: p.title,
        titleEn: d.titleEn,
        pledge: p.pledge,
        pledgeEn: d.pledgeEn,
        figures: { ...p.figures, asOf: d.measured ? readAt : d.progressAt.toISOString() },
        ledger: { ...p.ledger, asOf: d.budgetAt.toISOString() },
      };
    }),
    quarter: {
      year,
      quarter,
      figures: q.changedAt ? { ...q.figures, asOf: q.measured ? readAt : q.changedAt.toISOString() } : null,
      actions: q.actions,
    },
    sessions: sessions
      .filter((s) => !s.cancelled)
      .slice(0, UPCOMING)
      .map((s) => ({ id: s.id, title: s.title, startsAt: s.startsAt, endsAt: s.endsAt, venue: s.venue, registrationState: s.registrationState })),
    events: events
      .filter((e) => e.status !== 'cancelled' && new Date(e.endsAt).getTime() >= now.getTime())
      .slice(0, UPCOMING)
      .map((e) => ({ id: e.id, kind: e.kind, title: e.title, startsAt: e.startsAt, endsAt: e.endsAt, dateApproximate: e.dateApproximate, venue: e.venue })),
    news: news.map(newsSummaryView),
  };
}
