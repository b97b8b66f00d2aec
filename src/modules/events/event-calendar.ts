/**
 * iCalendar (RFC 5545) export of an event and of one programme item (src/server/calendar.ts
 * escapes, folds and names them). Exported for the messages that attach a calendar.
 *
 * UIDs: `event-<id>@finhub.jeonju.go.kr`, `event-<id>-item-<itemId>@…`. SEQUENCE: the event's
 * counter; a programme item's is the event's plus its own (both only grow, so the sum rises when
 * either is rescheduled or the event is cancelled); LAST-MODIFIED the later of the two changes.
 * tests/api/calendars.test.ts and tests/api/events-ics-injection.test.ts read the results with
 * python's icalendar and vobject.
 */
import { bothLine, bothText, calendarText } from '../../server/calendar.ts';
import { oneLine } from '../../server/text.ts';
import type { EventRow } from './core/event-row.ts';

export interface CalendarItem {
  id: number;
  titleKo: string;
  titleEn: string | null;
  descriptionKo: string | null;
  descriptionEn: string | null;
  startsAt: Date;
  endsAt: Date;
  sequence: number;
  updatedAt: Date;
  room: { nameKo: string; nameEn: string | null } | null;
}

const eventStatus = (e: EventRow) => (e.status === 'cancelled' ? 'cancelled' : e.dateApproximate ? 'tentative' : 'confirmed');

function description(e: EventRow, extra: string | null, publicUrl: string) {
  const lines = [
    extra,
    e.dateApproximate ? '일정 미확정(분기 기준) / Date not yet fixed (quarter only)' : null,
    e.streamUrl ? `온라인 / Online: ${oneLine(e.streamUrl)}` : null,
    `${publicUrl}/events/${e.id}`,
  ];
  return lines.filter((l): l is string => !!l).join('\n\n');
}

/** The whole event as one VEVENT; `publish` for an e-mail attachment (METHOD:PUBLISH). */
export function eventCalendar(e: EventRow, publicUrl: string, opts: { publish?: boolean } = {}): string {
  return calendarText(
    bothLine(e.titleKo, e.titleEn),
    {
      uid: `event-${e.id}`,
      start: e.startsAt,
      end: e.endsAt,
      summary: bothLine(e.titleKo, e.titleEn),
      description: description(e, bothText(e.descriptionKo, e.descriptionEn) || null, publicUrl),
      location: bothLine(e.venueKo, e.venueEn) || null,
      url: `${publicUrl}/events/${e.id}`,
      status: eventStatus(e),
      sequence: e.sequence,
      modifiedAt: e.updatedAt,
    },
    opts,
  );
}

/** One session of the programme as one VEVENT. */
export function programmeItemCalendar(e: EventRow, item: CalendarItem, publicUrl: string): string {
  const place = [item.room ? bothLine(item.room.nameKo, item.room.nameEn) : null, bothLine(e.venueKo, e.venueEn) || null].filter(Boolean).join(', ');
  return calendarText(bothLine(e.titleKo, e.titleEn), {
    uid: `event-${e.id}-item-${item.id}`,
    start: item.startsAt,
    end: item.endsAt,
    summary: `${bothLine(item.titleKo, item.titleEn)} — ${bothLine(e.titleKo, e.titleEn)}`,
    description: description(e, bothText(item.descriptionKo, item.descriptionEn) || null, publicUrl),
    location: place || null,
    url: `${publicUrl}/events/${e.id}`,
    status: eventStatus(e),
    sequence: e.sequence + item.sequence,
    modifiedAt: new Date(Math.max(item.updatedAt.getTime(), e.updatedAt.getTime())),
  });
}
