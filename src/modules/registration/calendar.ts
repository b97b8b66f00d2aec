/**
 * The calendar file attached to a confirmation (RFC 5545, ical-generator): one VEVENT for the
 * session or event the registrant has a place at. Its UID is the thing's own (an event's is the
 * one the event's .ics export uses), never the address, so a calendar updates the same entry.
 * Titles and the venue go through oneLine; ical-generator escapes SUMMARY, LOCATION and
 * DESCRIPTION, and the calendar's name is escaped here (it writes that one raw). It carries no
 * personal data and no link token: it is stored with the message (outbox meta) as it is.
 */
import ical, { ICalCalendarMethod } from 'ical-generator';
import { oneLine } from '../../server/text.ts';
import type { PoolSubject } from './messages.ts';

const PROD_ID = { company: 'Jeonju City', product: 'finhub', language: 'KO' };
const UID_PREFIX: Record<string, string> = { academy_session: 'academy-session', event_category: 'event' };
const DEFAULT_LENGTH_MS = 2 * 60 * 60 * 1000;

const escapeText = (s: string) => oneLine(s).replace(/[\\;,]/g, (c) => `\\${c}`);

/** The .ics text for a registrant's calendar: the thing they registered for. */
export function registrationCalendar(subject: PoolSubject, ownerKind: string, publicUrl: string): string {
  const host = new URL(publicUrl).host;
  const title = [subject.title.ko, subject.title.en].map((s) => (s ? oneLine(s).trim() : '')).filter(Boolean);
  const summary = [...new Set(title)].join(' / ');
  const cal = ical({ prodId: PROD_ID, method: ICalCalendarMethod.PUBLISH, name: escapeText(summary) });
  cal.createEvent({
    id: `${UID_PREFIX[ownerKind] ?? ownerKind.replace(/[^a-z0-9-]/gi, '-')}-${subject.ownerId}@${host}`,
    start: subject.startsAt,
    end: subject.endsAt ?? new Date(subject.startsAt.getTime() + DEFAULT_LENGTH_MS),
    summary,
    location: subject.venue ? oneLine(subject.venue) : null,
    url: publicUrl,
    stamp: new Date(),
  });
  return cal.toString();
}
