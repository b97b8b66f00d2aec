/**
 * An academy session as iCalendar (RFC 5545): `GET /api/academy/sessions/:id/calendar.ics` and,
 * exported, for the messages that attach it to a confirmation. UID `academy-session-<id>@
 * finhub.jeonju.go.kr`; SEQUENCE is the session's counter (raised by edit-session.ts when the
 * time, venue or status changes), LAST-MODIFIED / DTSTAMP its last change. Escaping and folding:
 * src/server/calendar.ts.
 */
import { bothLine, bothText, calendarText } from '../../../server/calendar.ts';
import { oneLine } from '../../../server/text.ts';
import type { Pool } from '../../registration/engine/state.ts';
import type { SessionRow } from './sessions.ts';

export function sessionCalendar(s: SessionRow, pool: Pick<Pool, 'cancelledAt'>, publicUrl: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  const page = `${base}/academy/sessions/${s.id}`;
  const title = bothLine(s.titleKo, s.titleEn);
  const description = [
    bothText(s.descriptionKo, s.descriptionEn) || null,
    s.lecturer ? `강사 / Lecturer: ${oneLine(s.lecturer)}` : null,
    s.onlineUrl ? `온라인 / Online: ${oneLine(s.onlineUrl)}` : null,
    page,
  ]
    .filter((l): l is string => !!l)
    .join('\n\n');
  return calendarText(`전주시 금융아카데미 / Jeonju Financial Academy — ${title}`, {
    uid: `academy-session-${s.id}`,
    start: s.startsAt,
    end: s.endsAt,
    summary: title,
    description,
    location: s.venue,
    url: page,
    status: pool.cancelledAt ? 'cancelled' : 'confirmed',
    sequence: s.sequence,
    modifiedAt: s.updatedAt,
  });
}
