/**
 * Meetings of a series: created and changed by managers (time, venue or video link, status,
 * minutes until approved), read by staff and the series' partners with their attendees, agenda,
 * outcomes and the action items carried over from earlier meetings of the series.
 */
import { and, asc, desc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { AppError, invalidField } from '../../../server/errors.ts';
import { users } from '../../accounts/schema.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import type { MeetingBody, MeetingPatchBody } from '../meetings-api-schema.ts';
import { type HistoryEntry, meetingAuditView, meetingView, outcomeView } from '../meetings-presenters.ts';
import { meetingAgendaItems, meetingAttendees, meetingOutcomes, meetingOutcomeUpdates, meetings, meetingSeries } from '../meetings-schema.ts';
import { loadMeeting, loadSeries, type Viewer } from './access.ts';

type Venue = z.infer<typeof MeetingBody>['venue'];

const venueColumns = (v: Venue) =>
  v === undefined ? {} : v === null ? { venueKo: null, venueEn: null } : typeof v === 'string' ? { venueKo: v, venueEn: null } : { venueKo: v.ko, venueEn: v.en ?? null };

function checkTimes(startsAt: Date, endsAt: Date) {
  if (endsAt <= startsAt) throw invalidField('endsAt', '끝나는 시각은 시작 시각보다 뒤여야 합니다.', 'The end must be after the start.');
}

export const minutesApproved = () =>
  new AppError('MINUTES_APPROVED', { ko: '회의록이 승인되어 더 고칠 수 없습니다.', en: 'The minutes are approved and can no longer be changed.' });

export async function createMeeting(db: Executor, actor: Actor, viewer: Viewer, seriesId: number, input: z.infer<typeof MeetingBody>) {
  return inTransaction(db, async (tx) => {
    await loadSeries(tx, seriesId, viewer);
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    checkTimes(startsAt, endsAt);
    const [m] = await tx
      .insert(meetings)
      .values({ seriesId, startsAt, endsAt, ...venueColumns(input.venue), videoUrl: input.videoUrl ?? null })
      .returning();
    await recordAudit(tx, actor, { action: 'meeting.create', entity: 'meeting', entityId: m!.id, after: meetingAuditView(m!) });
    return { id: m!.id };
  });
}

export async function updateMeeting(db: Executor, actor: Actor, viewer: Viewer, id: number, patch: z.infer<typeof MeetingPatchBody>) {
  return inTransaction(db, async (tx) => {
    const before = await loadMeeting(tx, id, viewer, { lock: true });
    if (patch.minutes !== undefined && before.minutesApprovedAt) throw minutesApproved();
    const startsAt = patch.startsAt ? new Date(patch.startsAt) : before.startsAt;
    const endsAt = patch.endsAt ? new Date(patch.endsAt) : before.endsAt;
    checkTimes(startsAt, endsAt);
    const [after] = await tx
      .update(meetings)
      .set({
        startsAt,
        endsAt,
        ...venueColumns(patch.venue),
        ...(patch.videoUrl !== undefined ? { videoUrl: patch.videoUrl } : {}),
        ...(patch.status ? { status: patch.status } : {}),
        ...(patch.minutes !== undefined ? { minutesKo: patch.minutes?.ko ?? null, minutesEn: patch.minutes?.en ?? null } : {}),
        updatedAt: new Date(),
      })
      .where(eq(meetings.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'meeting.update',
      entity: 'meeting',
      entityId: id,
      before: meetingAuditView(before),
      after: { ...meetingAuditView(after!), ...(patch.minutes !== undefined ? { minutesEdited: true } : {}) },
    });
    return getMeeting(tx, id, viewer);
  });
}

/** Each outcome's history, oldest first, with the name of who changed it. */
export async function historyOf(db: Executor, outcomeIds: number[]): Promise<Map<number, HistoryEntry[]>> {
  const out = new Map<number, HistoryEntry[]>();
  if (outcomeIds.length === 0) return out;
  const rows = await db
    .select({ u: meetingOutcomeUpdates, by: users.name })
    .from(meetingOutcomeUpdates)
    .leftJoin(users, eq(users.id, meetingOutcomeUpdates.userId))
    .where(inArray(meetingOutcomeUpdates.outcomeId, outcomeIds))
    .orderBy(asc(meetingOutcomeUpdates.at), asc(meetingOutcomeUpdates.id));
  for (const { u, by } of rows) {
    const list = out.get(u.outcomeId) ?? [];
    list.push({ status: u.status, note: u.note, meetingId: u.meetingId, at: u.at, by });
    out.set(u.outcomeId, list);
  }
  return out;
}

/**
 * The action items a meeting inherits: those recorded at earlier meetings of its series that are
 * still open, or were closed since the meeting before it began (so the closure is reported once,
 * at the next meeting, and the item then leaves the agenda).
 */
async function carriedOverInto(db: Executor, m: typeof meetings.$inferSelect) {
  const earlier = or(lt(meetings.startsAt, m.startsAt), and(eq(meetings.startsAt, m.startsAt), lt(meetings.id, m.id)));
  const [previous] = await db
    .select({ startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.seriesId, m.seriesId), earlier))
    .orderBy(desc(meetings.startsAt), desc(meetings.id))
    .limit(1);
  if (!previous) return [];
  return db
    .select({ o: meetingOutcomes })
    .from(meetingOutcomes)
    .innerJoin(meetings, eq(meetings.id, meetingOutcomes.meetingId))
    .where(
      and(
        eq(meetings.seriesId, m.seriesId),
        earlier,
        eq(meetingOutcomes.kind, 'action'),
        or(sql`${meetingOutcomes.closedAt} is null`, gte(meetingOutcomes.closedAt, previous.startsAt)),
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(meetingOutcomes.id))
    .then((r) => r.map((x) => x.o));
}

export async function getMeeting(db: Executor, id: number, viewer: Viewer) {
  const m = await loadMeeting(db, id, viewer);
  const [s] = await db.select().from(meetingSeries).where(eq(meetingSeries.id, m.seriesId));
  const attendees = await db.select().from(meetingAttendees).where(eq(meetingAttendees.meetingId, id)).orderBy(asc(meetingAttendees.organisationId), asc(meetingAttendees.id));
  const agenda = await db.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, id)).orderBy(asc(meetingAgendaItems.position), asc(meetingAgendaItems.id));
  const own = await db.select().from(meetingOutcomes).where(eq(meetingOutcomes.meetingId, id)).orderBy(asc(meetingOutcomes.id));
  const carried = await carriedOverInto(db, m);
  const history = await historyOf(
    db,
    [...own, ...carried].map((o) => o.id),
  );
  // Partners read the minutes once approved (shared with the attendees then).
  const shown = viewer.role === 'partner' && !m.minutesApprovedAt ? { ...m, minutesKo: null, minutesEn: null } : m;
  return meetingView(shown, s!, {
    attendees,
    agenda,
    outcomes: own.map((o) => outcomeView(o, history.get(o.id))),
    carriedOver: carried.map((o) => ({ ...outcomeView(o, history.get(o.id)), fromMeetingId: o.meetingId })),
  });
}
