/**
 * The calendar file attached to a confirmation e-mail (RFC 5545): one VEVENT for the session or
 * event the registrant has a place at, built when the message is sent (notifications/attachments.ts,
 * `attach: "registration.calendar"` in the message's meta with the registration's id), so it shows
 * the time and place as they are then. A pool's owner may give its own calendar (`PoolOwner.calendar`,
 * the one its public .ics export serves); otherwise `registrationCalendar` writes one from the
 * subject. Its UID is the thing's own, never the address, so a calendar updates the same entry.
 * Titles and the venue go through oneLine; ical-generator escapes SUMMARY, LOCATION and
 * DESCRIPTION, and the calendar's name is escaped here (it writes that one raw).
 */
import { eq } from 'drizzle-orm';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { oneLine } from '../../server/text.ts';
import { registerAttachments } from '../notifications/attachments.ts';
import { calendarOf } from './engine/pools.ts';
import type { PoolSubject } from './messages.ts';
import { capacityPools, registrations } from './schema.ts';

export const REGISTRATION_CALENDAR = 'registration.calendar';

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

registerAttachments(REGISTRATION_CALENDAR, async (db, meta) => {
  const id = Number(meta.registrationId);
  const publicUrl = typeof meta.publicUrl === 'string' ? meta.publicUrl : null;
  if (!Number.isInteger(id) || !publicUrl) return [];
  const [row] = await db.select({ pool: capacityPools }).from(registrations).innerJoin(capacityPools, eq(capacityPools.id, registrations.poolId)).where(eq(registrations.id, id));
  if (!row) return [];
  const ics = await calendarOf(db, row.pool, publicUrl, registrationCalendar);
  return [{ filename: 'invitation.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: Buffer.from(ics, 'utf8') }];
});
