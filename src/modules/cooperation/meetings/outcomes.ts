/**
 * Outcomes of a meeting: information, decisions and action items. Managers record them; an
 * action item's status is changed by city managers or by a partner of the owning organisation,
 * each change kept as history with the series' meeting it was reviewed at.
 */
import { and, asc, desc, eq, lt, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { AppError, notFound } from '../../../server/errors.ts';
import { requireOrganisation } from '../../accounts/organisations.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { seoulDate } from '../../plan/seoul-time.ts';
import type { OutcomeBody, OutcomePatchBody } from '../meetings-api-schema.ts';
import { outcomeView } from '../meetings-presenters.ts';
import { meetingOutcomes, meetingOutcomeUpdates, meetings, meetingSeries } from '../meetings-schema.ts';
import { confinedTo, loadMeeting, otherOrganisation, type Viewer } from './access.ts';
import { historyOf } from './meetings.ts';

type Outcome = typeof meetingOutcomes.$inferSelect;

const auditOf = (o: Outcome) => ({
  meetingId: o.meetingId,
  kind: o.kind,
  text: { ko: o.textKo, en: o.textEn },
  ownerOrganisationId: o.ownerOrganisationId,
  ownerPerson: o.ownerPerson,
  dueOn: o.dueOn,
  status: o.status,
});

export async function createOutcome(db: Executor, actor: Actor, viewer: Viewer, meetingId: number, input: z.infer<typeof OutcomeBody>) {
  return inTransaction(db, async (tx) => {
    await loadMeeting(tx, meetingId, viewer, { lock: true });
    if (input.ownerOrganisationId != null) await requireOrganisation(tx, input.ownerOrganisationId, 'ownerOrganisationId');
    const action = input.kind === 'action';
    const [o] = await tx
      .insert(meetingOutcomes)
      .values({
        meetingId,
        kind: input.kind,
        textKo: input.text.ko,
        textEn: input.text.en ?? null,
        ownerOrganisationId: input.ownerOrganisationId ?? null,
        ownerPerson: input.ownerPerson || null,
        dueOn: input.dueOn ?? null,
        status: action ? 'open' : null,
      })
      .returning();
    if (action) await tx.insert(meetingOutcomeUpdates).values({ outcomeId: o!.id, meetingId, status: 'open', userId: actor.userId });
    await recordAudit(tx, actor, { action: 'meeting.outcome.create', entity: 'meeting_outcome', entityId: o!.id, after: auditOf(o!) });
    return { id: o!.id };
  });
}

/** The latest meeting of the series begun by now (where the item was reviewed), else the item's own. */
async function reviewMeeting(tx: Executor, o: Outcome): Promise<number> {
  const [own] = await tx.select({ seriesId: meetings.seriesId }).from(meetings).where(eq(meetings.id, o.meetingId));
  const [latest] = await tx
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.seriesId, own!.seriesId), lte(meetings.startsAt, new Date())))
    .orderBy(desc(meetings.startsAt), desc(meetings.id))
    .limit(1);
  return latest?.id ?? o.meetingId;
}

export async function updateOutcome(db: Executor, actor: Actor, viewer: Viewer, id: number, patch: z.infer<typeof OutcomePatchBody>) {
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(meetingOutcomes).where(eq(meetingOutcomes.id, id)).for('update');
    if (!before) throw notFound({ ko: `회의 결과 ${id}`, en: `Outcome ${id}` });
    const org = confinedTo(viewer);
    if (org !== null && before.ownerOrganisationId !== org) throw otherOrganisation();
    await loadMeeting(tx, before.meetingId, viewer);
    if (before.kind !== 'action') {
      throw new AppError('NOT_AN_ACTION_ITEM', { ko: '조치사항만 상태가 있습니다.', en: 'Only an action item has a status.' });
    }
    const closedAt = patch.status === 'done' ? (before.status === 'done' ? before.closedAt : new Date()) : null;
    const [after] = await tx.update(meetingOutcomes).set({ status: patch.status, closedAt }).where(eq(meetingOutcomes.id, id)).returning();
    const meetingId = await reviewMeeting(tx, before);
    await tx.insert(meetingOutcomeUpdates).values({ outcomeId: id, meetingId, status: patch.status, note: patch.note || null, userId: actor.userId });
    await recordAudit(tx, actor, {
      action: 'meeting.outcome.update',
      entity: 'meeting_outcome',
      entityId: id,
      before: auditOf(before),
      after: { ...auditOf(after!), note: patch.note ?? null },
    });
    return outcomeView(after!, (await historyOf(tx, [id])).get(id));
  });
}

/** Open action items past their due date (Seoul), oldest first; a partner sees its organisation's. */
export async function overdueActionItems(db: Executor, viewer: Viewer, now = new Date()) {
  const org = confinedTo(viewer);
  const rows = await db
    .select({ o: meetingOutcomes, s: meetingSeries })
    .from(meetingOutcomes)
    .innerJoin(meetings, eq(meetings.id, meetingOutcomes.meetingId))
    .innerJoin(meetingSeries, eq(meetingSeries.id, meetings.seriesId))
    .where(
      and(
        eq(meetingOutcomes.kind, 'action'),
        eq(meetingOutcomes.status, 'open'),
        lt(meetingOutcomes.dueOn, seoulDate(now)),
        org === null ? undefined : eq(meetingOutcomes.ownerOrganisationId, org),
      ),
    )
    .orderBy(asc(meetingOutcomes.dueOn), asc(meetingOutcomes.id));
  const history = await historyOf(
    db,
    rows.map((r) => r.o.id),
  );
  return rows.map(({ o, s }) => ({ ...outcomeView(o, history.get(o.id)), seriesId: s.id, seriesTitle: { ko: s.titleKo, en: s.titleEn } }));
}

/** For the measure: action items due in [from, to) (Seoul dates) and closed on or before their due date. */
export async function countClosedOnTime(db: Executor, from: Date, to: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(meetingOutcomes)
    .where(
      and(
        eq(meetingOutcomes.kind, 'action'),
        eq(meetingOutcomes.status, 'done'),
        sql`${meetingOutcomes.dueOn} >= ${seoulDate(from)}`,
        sql`${meetingOutcomes.dueOn} < ${seoulDate(to)}`,
        sql`(${meetingOutcomes.closedAt} at time zone 'Asia/Seoul')::date <= ${meetingOutcomes.dueOn}`,
      ),
    );
  return Number(row!.n);
}
