/** The academy's sessions and the forum's events as open data: seats, registrations and attendance, counted. */
import { eq, sql } from 'drizzle-orm';
import { academySessions } from '../../education/schema.ts';
import { eventCategories, eventRegistrations, events } from '../../events/schema.ts';
import { capacityPools, registrations } from '../../registration/schema.ts';
import type { Executor } from '../../../db/executor.ts';
import { type Dataset, type DatasetContent, type Field, latest } from '../dataset.ts';

/** Registrations holding a seat, and those who came, per pool (a count: no row of a person leaves the database). */
const attendedInPool = sql<number>`(select count(*)::int from ${registrations} r where r.pool_id = ${capacityPools.id} and r.checked_in_at is not null)`;

type Cell = DatasetContent['records'][number][string];

/** A session's or event's row: its id, titles, times, seats and counts, and the values of its own fields. */
interface SeatedRow {
  id: number;
  titleKo: string;
  titleEn: string | null;
  startsAt: Date;
  endsAt: Date;
  updatedAt: Date;
  capacity: number;
  registered: number;
  attended: number;
  own: Record<string, Cell>;
}

const field = (id: string, ko: string, en: string, type: Field['type']): Field => ({ id, title: { ko, en }, type });

/**
 * The academy's and the forum's figures alike: `{unit}_id`, the fields of `named`, the titles, the
 * times, the fields of `details`, then seats, registered and attended.
 */
function seatsDataset(spec: {
  id: string;
  title: Dataset['title'];
  description: Dataset['description'];
  unit: { id: string; ko: string; en: string };
  named?: Field[];
  details: Field[];
  rows(db: Executor): Promise<SeatedRow[]>;
}): Dataset {
  const { unit } = spec;
  return {
    id: spec.id,
    title: spec.title,
    description: spec.description,
    fields: [
      field(`${unit.id}_id`, `${unit.ko} 번호`, `${unit.en} id`, 'integer'),
      ...(spec.named ?? []),
      field('title_ko', `${unit.ko}명`, 'Title (Korean)', 'string'),
      field('title_en', `영문 ${unit.ko}명`, 'Title (English)', 'string'),
      field('starts_at', '시작 일시', 'Starts at', 'datetime'),
      field('ends_at', '종료 일시', 'Ends at', 'datetime'),
      ...spec.details,
      field('capacity', '정원', 'Seats', 'integer'),
      field('registered', '신청 인원', 'Registered', 'integer'),
      field('attended', '참석 인원', 'Attended', 'integer'),
    ],
    async read(db) {
      const rows = await spec.rows(db);
      const records = rows.map((r) => ({
        [`${unit.id}_id`]: r.id,
        ...r.own,
        title_ko: r.titleKo,
        title_en: r.titleEn,
        starts_at: r.startsAt,
        ends_at: r.endsAt,
        capacity: r.capacity,
        registered: r.registered,
        attended: r.attended,
      }));
      return { updatedAt: latest(...rows.map((r) => r.updatedAt)), records };
    },
  };
}

export const academySessionFigures = seatsDataset({
  id: 'academy-sessions',
  title: { ko: '전주시 금융아카데미 강좌별 신청·참석 현황', en: 'Financial academy: registrations and attendance by session' },
  description: {
    ko: '금융아카데미 강좌마다 일시, 장소, 정원, 신청(확정) 인원과 참석 인원입니다. 개인정보는 담지 않습니다.',
    en: 'Each academy session with its time, venue, seats, confirmed registrations and attendance. No personal data.',
  },
  unit: { id: 'session', ko: '강좌', en: 'Session' },
  details: [field('venue', '장소', 'Venue', 'string')],
  async rows(db) {
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
    return rows.map((r) => ({
      ...r.s,
      capacity: r.capacity,
      registered: r.taken,
      attended: Number(r.attended),
      own: { venue: r.s.venue },
    }));
  },
});

export const eventFigures = seatsDataset({
  id: 'events',
  title: { ko: '지니포럼·세미나 행사별 신청·참석 현황', en: 'GENIE Forum and seminars: registrations and attendance by event' },
  description: {
    ko: '공개한 행사마다 회차, 일시, 상태, 정원, 신청(확정) 인원과 참석 인원입니다. 개인정보는 담지 않습니다.',
    en: 'Each published event with its edition, dates, status, seats, confirmed registrations and attendance. No personal data.',
  },
  unit: { id: 'event', ko: '행사', en: 'Event' },
  named: [field('kind', '행사 종류', 'Kind', 'string'), field('edition', '회차', 'Edition', 'integer')],
  details: [field('status', '상태', 'Status', 'string')],
  async rows(db) {
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
    return rows.map((r) => ({
      ...r.e,
      capacity: Number(r.capacity),
      registered: Number(r.registered),
      attended: Number(r.attended),
      own: { kind: r.e.kind, edition: r.e.edition, status: r.e.status },
    }));
  },
});
