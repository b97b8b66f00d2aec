/**
 * iCalendar (RFC 5545) export of an event and of one programme item, with ical-generator. Times are UTC (…Z).
 *
 * Every text is made safe here, whatever the database holds (rows written before the input check
 * of src/server/text.ts, or by other paths): titles, rooms and venues on one line (`oneLine`:
 * control characters folded to a space), descriptions with line feeds only (`cleanLines`).
 * ical-generator escapes SUMMARY, DESCRIPTION, LOCATION and URL (backslash, ";", "," and line breaks), but
 * writes the calendar's NAME and X-WR-CALNAME as given — a title holding CR LF then started a
 * line of its own, e.g. a whole VEVENT of the sender's choosing — so those are escaped here
 * (`calendarName`). tests/api/events-ics-injection.test.ts reads the result with python's
 * icalendar.
 */
import ical, { ICalEventStatus } from 'ical-generator';
import { cleanLines, oneLine } from '../../server/text.ts';
import type { EventRow } from './core/event-row.ts';

const PROD_ID = { company: 'Jeonju City', product: 'finhub', language: 'KO' };

/** "한국어 / English" on one line. */
const both = (ko: string | null, en: string | null) =>
  [ko, en]
    .map((s) => (s ? oneLine(s).trim() : ''))
    .filter((s) => s.length > 0)
    .join(' / ');

/** RFC 5545 §3.3.11 TEXT, for the properties ical-generator does not escape: \\ ; , escaped, on one line. */
function calendarName(s: string): string {
  return oneLine(s).replace(/[\\;,]/g, (c) => `\\${c}`);
}

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

/** Korean and English descriptions, one after the other, line feeds kept. */
const bothText = (ko: string | null, en: string | null) =>
  [ko, en]
    .map((s) => (s ? cleanLines(s).trim() : ''))
    .filter((s) => s.length > 0)
    .join(' / ');

function description(e: EventRow, extra: string | null, publicUrl: string) {
  const lines = [
    extra,
    e.dateApproximate ? '일정 미확정(분기 기준) / Date not yet fixed (quarter only)' : null,
    e.streamUrl ? `온라인 / Online: ${oneLine(e.streamUrl)}` : null,
    `${publicUrl}/events/${e.id}`,
  ];
  return lines.filter((l): l is string => !!l).join('\n\n');
}

/** The whole event as one VEVENT. */
export function eventCalendar(e: EventRow, publicUrl: string, host: string): string {
  const cal = ical({ prodId: PROD_ID, name: calendarName(both(e.titleKo, e.titleEn)) });
  cal.createEvent({
    id: `event-${e.id}@${host}`,
    start: e.startsAt,
    end: e.endsAt,
    summary: both(e.titleKo, e.titleEn),
    description: description(e, bothText(e.descriptionKo, e.descriptionEn) || null, publicUrl),
    location: both(e.venueKo, e.venueEn) || null,
    url: `${publicUrl}/events/${e.id}`,
    status: eventStatus(e),
    stamp: e.updatedAt,
  });
  return cal.toString();
}

/** One session of the programme as one VEVENT. */
export function programmeItemCalendar(e: EventRow, item: CalendarItem, publicUrl: string, host: string): string {
  const cal = ical({ prodId: PROD_ID, name: calendarName(both(e.titleKo, e.titleEn)) });
  const place = [item.room ? both(item.room.nameKo, item.room.nameEn) : null, both(e.venueKo, e.venueEn) || null].filter(Boolean).join(', ');
  cal.createEvent({
    id: `event-${e.id}-item-${item.id}@${host}`,
    start: item.startsAt,
    end: item.endsAt,
    summary: `${both(item.titleKo, item.titleEn)} — ${both(e.titleKo, e.titleEn)}`,
    description: description(e, bothText(item.descriptionKo, item.descriptionEn) || null, publicUrl),
    location: place || null,
    url: `${publicUrl}/events/${e.id}`,
    status: eventStatus(e),
    stamp: e.updatedAt,
  });
  return cal.toString();
}
