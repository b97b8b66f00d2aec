/** Meeting series (협의체): created by managers with the organisations they are shared with; listed per viewer. */
import { asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { organisations } from '../../accounts/schema.ts';
import { requireOrganisations } from '../../accounts/organisations.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import type { SeriesBody } from '../meetings-api-schema.ts';
import { seriesView } from '../meetings-presenters.ts';
import { meetings, meetingSeries, meetingSeriesOrganisations } from '../meetings-schema.ts';
import { confinedTo, loadSeries, type Viewer } from './access.ts';
import { checkPlanAction } from './plan-link.ts';

export async function createSeries(db: Executor, actor: Actor, input: z.infer<typeof SeriesBody>) {
  return inTransaction(db, async (tx) => {
    const orgIds = [...new Set(input.organisationIds)];
    await requireOrganisations(tx, orgIds, 'organisationIds');
    await checkPlanAction(tx, input.planActionId);
    const [s] = await tx
      .insert(meetingSeries)
      .values({ titleKo: input.title.ko, titleEn: input.title.en ?? null, cadence: input.cadence || null, planActionId: input.planActionId ?? null })
      .returning();
    await tx.insert(meetingSeriesOrganisations).values(orgIds.map((organisationId) => ({ seriesId: s!.id, organisationId })));
    await recordAudit(tx, actor, { action: 'meeting_series.create', entity: 'meeting_series', entityId: s!.id, after: { ...input, organisationIds: orgIds } });
    return { id: s!.id };
  });
}

async function viewsOf(db: Executor, list: (typeof meetingSeries.$inferSelect)[]) {
  if (list.length === 0) return [];
  const ids = list.map((s) => s.id);
  const orgRows = await db
    .select({ seriesId: meetingSeriesOrganisations.seriesId, org: organisations })
    .from(meetingSeriesOrganisations)
    .innerJoin(organisations, eq(organisations.id, meetingSeriesOrganisations.organisationId))
    .where(inArray(meetingSeriesOrganisations.seriesId, ids))
    .orderBy(asc(organisations.id));
  const meetingRows = await db.select().from(meetings).where(inArray(meetings.seriesId, ids)).orderBy(asc(meetings.startsAt), asc(meetings.id));
  return list.map((s) =>
    seriesView(
      s,
      orgRows.filter((r) => r.seriesId === s.id).map((r) => r.org),
      meetingRows.filter((m) => m.seriesId === s.id),
    ),
  );
}

export async function listSeries(db: Executor, viewer: Viewer) {
  const org = confinedTo(viewer);
  const rows =
    org === null
      ? await db.select().from(meetingSeries).orderBy(asc(meetingSeries.id))
      : await db
          .select({ s: meetingSeries })
          .from(meetingSeries)
          .innerJoin(meetingSeriesOrganisations, eq(meetingSeriesOrganisations.seriesId, meetingSeries.id))
          .where(eq(meetingSeriesOrganisations.organisationId, org))
          .orderBy(asc(meetingSeries.id))
          .then((r) => r.map((x) => x.s));
  return viewsOf(db, rows);
}

export async function getSeries(db: Executor, id: number, viewer: Viewer) {
  const s = await loadSeries(db, id, viewer);
  return (await viewsOf(db, [s]))[0]!;
}
