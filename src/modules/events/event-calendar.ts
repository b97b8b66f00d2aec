/** iCalendar (RFC 5545) export of an event and of one programme item, with ical-generator. Times are UTC (…Z). */
import ical, { ICalEventStatus } from 'ical-generator';
import type { EventRow } from './event-service.ts';

const PROD_ID = { company: 'Jeonju City', product: 'finhub', language: 'KO' };

const both = (ko: string | null, en: string | null) => [ko, en].filter((s): s is string => !!s && s.length > 0).join(' / ');

export interface CalendarItem {
  id: number;
  titleKo: string;
  titleEn: string | null;
  descriptionKo: string | null;
  descriptionEn: string | null;
  startsAt: Date;
  endsAt: Date;
  room: { nameKo: string; nameEn: string | null } | null;
}

function eventStatus(e: EventRow) {
  return e.status === 'cancelled' ? ICalEventStatus.CANCELLED : e.dateApproximate ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED;
}

function description(e: EventRow, extra: string | null, publicUrl: string) {
  const lines = [extra, e.dateApproximate ? '일정 미확정(분기 기준) / Date not yet fixed (quarter only)' : null, e.streamUrl ? `온라인 / Online: ${e.streamUrl}` : null, `${publicUrl}/events/${e.id}`];
  return lines.filter((l): l is string => !!l).join('\n\n');
}

/** The whole event as one VEVENT. */
export function eventCalendar(e: EventRow, publicUrl: string, host: string): string {
  const cal = ical({ prodId: PROD_ID, name: both(e.titleKo, e.titleEn) });
  cal.createEvent({
    id: `event-${e.id}@${host}`,
    start: e.startsAt,
    end: e.endsAt,
    summary: both(e.titleKo, e.titleEn),
    description: description(e, both(e.descriptionKo, e.descriptionEn) || null, publicUrl),
    location: both(e.venueKo, e.venueEn) || null,
    url: `${publicUrl}/events/${e.id}`,
    status: eventStatus(e),
    stamp: e.updatedAt,
  });
  return cal.toString();
}

/** One session of the programme as one VEVENT. */
export function programmeItemCalendar(e: EventRow, item: CalendarItem, publicUrl: string, host: string): string {
  const cal = ical({ prodId: PROD_ID, name: both(e.titleKo, e.titleEn) });
  const place = [item.room ? both(item.room.nameKo, item.room.nameEn) : null, both(e.venueKo, e.venueEn) || null].filter(Boolean).join(', ');
  cal.createEvent({
    id: `event-${e.id}-item-${item.id}@${host}`,
    start: item.startsAt,
    end: item.endsAt,
    summary: `${both(item.titleKo, item.titleEn)} — ${both(e.titleKo, e.titleEn)}`,
    description: description(e, both(item.descriptionKo, item.descriptionEn) || null, publicUrl),
    location: place || null,
    url: `${publicUrl}/events/${e.id}`,
    status: eventStatus(e),
    stamp: e.updatedAt,
  });
  return cal.toString();
}
