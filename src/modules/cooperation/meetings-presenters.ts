/** Presenters of series, meetings and outcomes: every API answer of the meetings routes is built here. */
import type { organisations } from '../accounts/schema.ts';
import { seoulDate } from '../plan/seoul-time.ts';
import type { meetingAgendaItems, meetingAttendees, meetingOutcomes, meetings, meetingSeries } from './meetings-schema.ts';

type Series = typeof meetingSeries.$inferSelect;
type Meeting = typeof meetings.$inferSelect;
type Outcome = typeof meetingOutcomes.$inferSelect;
type Org = typeof organisations.$inferSelect;

export interface HistoryEntry {
  status: 'open' | 'done';
  note: string | null;
  meetingId: number | null;
  at: Date;
  by: string | null;
}

const bi = (ko: string, en: string | null) => ({ ko, en });

const orgRef = (o: Org) => ({ id: o.id, kind: o.kind, name: { ko: o.nameKo, en: o.nameEn ?? o.nameKo } });

export const seriesView = (s: Series, orgs: Org[], list: Meeting[]) => ({
  id: s.id,
  title: bi(s.titleKo, s.titleEn),
  cadence: s.cadence,
  planActionId: s.planActionId,
  organisations: orgs.map(orgRef),
  meetings: list.map((m) => ({ id: m.id, startsAt: m.startsAt.toISOString(), endsAt: m.endsAt.toISOString(), status: m.status })),
});

/** Open, with a due date before today (Asia/Seoul). */
const isOverdue = (o: Outcome, now = new Date()) => o.kind === 'action' && o.status === 'open' && o.dueOn !== null && o.dueOn < seoulDate(now);

export const outcomeView = (o: Outcome, history: HistoryEntry[] = []) => ({
  id: o.id,
  meetingId: o.meetingId,
  kind: o.kind,
  text: bi(o.textKo, o.textEn),
  ownerOrganisationId: o.ownerOrganisationId,
  ownerPerson: o.ownerPerson,
  dueOn: o.dueOn,
  status: o.status,
  closedAt: o.closedAt?.toISOString() ?? null,
  overdue: isOverdue(o),
  history: history.map((h) => ({ ...h, at: h.at.toISOString() })),
});

export const meetingView = (
  m: Meeting,
  s: Series,
  parts: {
    attendees: (typeof meetingAttendees.$inferSelect)[];
    agenda: (typeof meetingAgendaItems.$inferSelect)[];
    outcomes: ReturnType<typeof outcomeView>[];
    carriedOver: (ReturnType<typeof outcomeView> & { fromMeetingId: number })[];
  },
) => ({
  id: m.id,
  seriesId: m.seriesId,
  seriesTitle: bi(s.titleKo, s.titleEn),
  startsAt: m.startsAt.toISOString(),
  endsAt: m.endsAt.toISOString(),
  venue: m.venueKo ? bi(m.venueKo, m.venueEn) : null,
  videoUrl: m.videoUrl,
  status: m.status,
  attendees: parts.attendees.map((a) => ({ id: a.id, organisationId: a.organisationId, name: a.name, title: a.title, email: a.email })),
  agenda: parts.agenda.map((a) => ({
    id: a.id,
    position: a.position,
    title: bi(a.titleKo, a.titleEn),
    presenter: a.presenter,
    minutesAllotted: a.minutesAllotted,
    planActionId: a.planActionId,
  })),
  minutes: m.minutesKo ? bi(m.minutesKo, m.minutesEn) : null,
  minutesApprovedAt: m.minutesApprovedAt?.toISOString() ?? null,
  invitationsSentAt: m.invitationsSentAt?.toISOString() ?? null,
  outcomes: parts.outcomes,
  carriedOver: parts.carriedOver,
});

/** What the audit trail keeps of a meeting (no attendee e-mails). */
export const meetingAuditView = (m: Meeting) => ({
  seriesId: m.seriesId,
  startsAt: m.startsAt.toISOString(),
  endsAt: m.endsAt.toISOString(),
  venue: m.venueKo ? bi(m.venueKo, m.venueEn) : null,
  videoUrl: m.videoUrl,
  status: m.status,
  minutesApproved: m.minutesApprovedAt !== null,
});
