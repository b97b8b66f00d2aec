/** The academy's sessions and the forum's events as open data: seats, registrations and attendance, counted. */
import { eq, sql } from 'drizzle-orm';
import { academySessions } from '../../education/schema.ts';
import { eventCategories, eventRegistrations, events } from '../../events/schema.ts';
import { capacityPools, registrations } from '../../registration/schema.ts';
import { latest, type Dataset } from '../dataset.ts';

/** Registrations holding a seat, and those who came, per pool (a count: no row of a person leaves the database). */
const attendedInPool = sql<number>`(select count(*)::int from ${registrations} r where r.pool_id = ${capacityPools.id} and r.checked_in_at is not null)`;

export const academySessionFigures: Dataset = {
  id: 'academy-sessions',
  title: { ko: '전주시 금융아카데미 강좌별 신청·참석 현황', en: 'Financial academy: registrations and attendance by session' },
  description: {
    ko: '금융아카데미 강좌마다 일시, 장소, 정원, 신청(확정) 인원과 참석 인원입니다. 개인정보는 담지 않습니다.',
    en: 'Each academy session with its time, venue, seats, confirmed registrations and attendance. No personal data.',
  },
  fields: [
    { id: 'session_id', title: { ko: '강좌 번호', en: 'Session id' }, type: 'integer' },
    { id: 'title_ko', title: { ko: '강좌명', en: 'Title (Korean)' }, type: 'string' },
    { id: 'title_en', title: { ko: '영문 강좌명', en: 'Title (English)' }, type: 'string' },
    { id: 'starts_at', title: { ko: '시작 일시', en: 'Starts at' }, type: 'datetime' },
    { id: 'ends_at', title: { ko: '종료 일시', en: 'Ends at' }, type: 'datetime' },
    { id: 'venue', title: { ko: '장소', en: 'Venue' }, type: 'string' },
    { id: 'capacity', title: { ko: '정원', en: 'Seats' }, type: 'integer' },
    { id: 'registered', title: { ko: '신청 인원', en: 'Registered' }, type: 'integer' },
    { id: 'attended', title: { ko: '참석 인원', en: 'Attended' }, type: 'integer' },
  ],
  async read(db) {
    const rows = await db
      .select({
        s: academySessions,
        capacity: capacityPools.capacity,
        taken: capacityPools.taken,
        attended: attendedInPool,
      })
      .from(academySessions)
      .innerJoin(capacityPools, eq(capacityPools.id, academySessions.poolId))
      .orderBy(academySessions.startsAt, academySessions.id);
    const records = rows.map((r) => ({
      session_id: r.s.id,
      title_ko: r.s.titleKo,
      title_en: r.s.titleEn,
      starts_at: r.s.startsAt,
      ends_at: r.s.endsAt,
      venue: r.s.venue,
      capacity: r.capacity,
      registered: r.taken,
      attended: Number(r.attended),
    }));
    return { updatedAt: latest(...rows.map((r) => r.s.updatedAt)), records };
  },
};

export const eventFigures: Dataset = {
  id: 'events',
  title: { ko: '지니포럼·세미나 행사별 신청·참석 현황', en: 'GENIE Forum and seminars: registrations and attendance by event' },
  description: {
    ko: '공개한 행사마다 회차, 일시, 상태, 정원, 신청(확정) 인원과 참석 인원입니다. 개인정보는 담지 않습니다.',
    en: 'Each published event with its edition, dates, status, seats, confirmed registrations and attendance. No personal data.',
  },
  fields: [
    { id: 'event_id', title: { ko: '행사 번호', en: 'Event id' }, type: 'integer' },
    { id: 'kind', title: { ko: '행사 종류', en: 'Kind' }, type: 'string' },
    { id: 'edition', title: { ko: '회차', en: 'Edition' }, type: 'integer' },
    { id: 'title_ko', title: { ko: '행사명', en: 'Title (Korean)' }, type: 'string' },
    { id: 'title_en', title: { ko: '영문 행사명', en: 'Title (English)' }, type: 'string' },
    { id: 'starts_at', title: { ko: '시작 일시', en: 'Starts at' }, type: 'datetime' },
    { id: 'ends_at', title: { ko: '종료 일시', en: 'Ends at' }, type: 'datetime' },
    { id: 'status', title: { ko: '상태', en: 'Status' }, type: 'string' },
    { id: 'capacity', title: { ko: '정원', en: 'Seats' }, type: 'integer' },
    { id: 'registered', title: { ko: '신청 인원', en: 'Registered' }, type: 'integer' },
    { id: 'attended', title: { ko: '참석 인원', en: 'Attended' }, type: 'integer' },
  ],
  async read(db) {
    const rows = await db
      .select({
        e: events,
        capacity: sql<number>`coalesce(sum(${capacityPools.capacity}), 0)::int`,
        registered: sql<number>`coalesce(sum(${capacityPools.taken}), 0)::int`,
        attended: sql<number>`(select count(*)::int from ${eventRegistrations} er join ${registrations} r on r.id = er.registration_id where er.event_id = ${events.id} and r.checked_in_at is not null)`,
      })
      .from(events)
      .leftJoin(eventCategories, eq(eventCategories.eventId, events.id))
      .leftJoin(capacityPools, eq(capacityPools.id, eventCategories.poolId))
      .where(eq(events.published, true))
      .groupBy(events.id)
      .orderBy(events.startsAt, events.id);
    const records = rows.map((r) => ({
      event_id: r.e.id,
      kind: r.e.kind,
      edition: r.e.edition,
      title_ko: r.e.titleKo,
      title_en: r.e.titleEn,
      starts_at: r.e.startsAt,
      ends_at: r.e.endsAt,
      status: r.e.status,
      capacity: Number(r.capacity),
      registered: Number(r.registered),
      attended: Number(r.attended),
    }));
    return { updatedAt: latest(...rows.map((r) => r.e.updatedAt)), records };
  },
};
