/**
 * The calendar file attached to a confirmation (RFC 5545): one VEVENT for the session or event
 * the registrant has a place at, built by the same builder as the public .ics exports
 * (src/server/calendar.ts), so it carries the same UID (`academy-session-<id>@finhub.jeonju.go.kr`,
 * `event-<id>@…`, never the address), SEQUENCE and LAST-MODIFIED as the export: a calendar holding
 * either updates the one entry. Texts are escaped and folded there. It carries no personal data
 * and no link token: it is stored with the message (outbox meta) as it is.
 */
import { bothLine, calendarText } from '../../server/calendar.ts';
import type { PoolSubject } from './messages.ts';

const UID_PREFIX: Record<string, string> = { academy_session: 'academy-session', event_category: 'event' };
const DEFAULT_LENGTH_MS = 2 * 60 * 60 * 1000;

/** The .ics text for a registrant's calendar: the thing they registered for. */
export function registrationCalendar(subject: PoolSubject, ownerKind: string, publicUrl: string): string {
  const summary = subject.title.en === subject.title.ko ? bothLine(subject.title.ko, null) : bothLine(subject.title.ko, subject.title.en);
  return calendarText(
    summary,
    {
      uid: `${UID_PREFIX[ownerKind] ?? ownerKind.replace(/[^a-z0-9-]/gi, '-')}-${subject.ownerId}`,
      start: subject.startsAt,
      end: subject.endsAt ?? new Date(subject.startsAt.getTime() + DEFAULT_LENGTH_MS),
      summary,
      description: null,
      location: subject.venue || null,
      url: publicUrl,
      status: 'confirmed',
      sequence: subject.sequence ?? 0,
      modifiedAt: subject.modifiedAt ?? new Date(),
    },
    { publish: true },
  );
}
